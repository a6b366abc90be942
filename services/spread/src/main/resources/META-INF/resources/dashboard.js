// Programme dashboard for the spread service: key figures, charts, records and live updates.
'use strict';

(() => {
  const TOKEN_KEY = 'spread.token';
  const LANG_KEY = 'spread.lang';
  const RECONNECT_MS = 3000;
  const REFRESH_DEBOUNCE_MS = 300;
  const LOCALES = { nb: 'nb-NO', en: 'en-GB' };
  // High-contrast palette (all at least 4.5:1 against white).
  const PALETTE = ['#1f4e79', '#b85c00', '#2e7d32', '#6a1b9a', '#c62828', '#00695c'];
  // Point styles and dashes keep lines apart without relying on colour alone.
  const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'];
  const GROUP_COLOURS = { all: PALETTE[0], core: PALETTE[0], nonCore: PALETTE[1], pilot: PALETTE[0], adoption: PALETTE[1] };
  const NON_CORE_MARKER = '◆';
  const FREED_KEYS = ['gross', 'extra', 'net'];

  const I18N = {
    nb: {
      title: 'Oppgavedeling – spredning av utprøvde modeller',
      skipLink: 'Hopp til hovedinnhold',
      langSwitch: 'English',
      signOut: 'Logg ut',
      'signIn.heading': 'Logg inn',
      'signIn.help': 'I produksjon logger du inn med HelseID; her limer du inn en tilgangsnøkkel.',
      'signIn.tokenLabel': 'Tilgangsnøkkel (JWT)',
      'signIn.submit': 'Logg inn',
      'filters.heading': 'Utvalg',
      'filters.partnership': 'Helsefellesskap',
      'filters.all': 'Alle helsefellesskap',
      'filters.from': 'Fra dato',
      'filters.to': 'Til dato',
      'filters.apply': 'Vis',
      'filters.sandbox': 'Ta med test- og prøveorganisasjoner',
      'kpis.heading': 'Nøkkeltall',
      'kpi.pilots': 'Piloter i alt',
      'kpi.evaluatedOf': '{evaluated} av {completed} gjennomførte',
      'kpi.basedOn': 'Basert på {n} piloter',
      'live.idle': 'Henter tallene …',
      'download.csv': 'Last ned tabellen (CSV)',
      'download.png': 'Last ned diagrammet (PNG)',
      'live.connected': 'Direkteoppdatering tilkoblet',
      'live.connecting': 'Kobler til direkteoppdatering …',
      'live.disconnected': 'Direkteoppdatering frakoblet – prøver igjen',
      'live.updated': 'Oppdatert {time}',
      'live.updatedEvents': 'Oppdatert {time} – {n} {events}',
      'live.event': 'hendelse',
      'live.events': 'hendelser',
      noData: 'Ingen data ennå',
      count: 'Antall',
      showRecords: '{n} – vis poster for {label}',
      'chart.bar': 'Søylediagram',
      'chart.line': 'Linjediagram',
      'chart.aria': '{type}: {title}. Tallene står i tabellen under.',
      'unit.months': 'mnd.',
      modelVersion: '{name} (v{version})',
      'group.core': 'Kjernegruppe',
      'group.nonCore': 'Ikke kjernegruppe',
      'group.pilot': 'Piloter',
      'group.adoption': 'Adopsjoner',
      'freed.gross': 'Frigjort tid, brutto',
      'freed.extra': 'Ekstra tidsbruk',
      'freed.net': 'Frigjort tid, netto',
      'freed.evaluations': 'Evalueringer',
      'freed.group': 'Omfang og grunnlag',
      'freed.range': 'middels scenario, lavt–høyt i parentes; ulike omfang legges aldri sammen',
      'freed.kpiSub': 'målt ved pilotenes egne steder',
      'scenario.low': 'lavt scenario',
      'scenario.middle': 'middels scenario',
      'scenario.high': 'høyt scenario',
      heatLegend: 'Mørkere celle betyr flere piloter.',
      'mine.heading': 'Din virksomhet: {name}',
      'mine.partnerships': 'Medlem av {list}. Oversikten under viser ditt helsefellesskap; velg «Alle helsefellesskap» for hele landet.',
      'mine.noPartnership': 'Virksomheten er ikke oppført som medlem av et helsefellesskap.',
      'mine.pilots': 'Dine piloter',
      'mine.none': 'Virksomheten eier eller deltar ikke i noen pilot ennå.',
      'mine.overdueCount': '{n} av pilotene dine har forfalt evaluering.',
      'mine.noneOverdue': 'Ingen av pilotene dine har forfalt evaluering.',
      'mine.title': 'Pilot', 'mine.status': 'Status', 'mine.relation': 'Rolle', 'mine.completed': 'Fullført',
      'mine.evaluation': 'Evaluering', 'mine.overdue': 'Forfalt', 'mine.notOverdue': '–',
      'rel.OWNER': 'eier', 'rel.PARTNER': 'partner',
      'mine.subscriptions': 'Abonnementer og leveranser',
      'records.close': 'Lukk',
      'records.loading': 'Laster poster …',
      'records.failed': 'Kunne ikke hente postene.',
      'records.count': '{n} poster',
      'records.partial': 'Viser {shown} av {n} poster',
      'records.kind': 'Type',
      'records.title': 'Tittel',
      'records.organisation': 'Virksomhet',
      'records.date': 'Dato',
      'records.link': 'Lenke',
      'records.sources': 'Kilde',
      'records.open': 'Åpne',
      'records.openNamed': 'Åpne {title}',
      'kind.pilot': 'Pilot',
      'kind.evaluation': 'Evaluering',
      'kind.adoption': 'Adopsjon',
      'error.network': 'Fikk ikke kontakt med tjenesten.',
      'error.http': 'Feil fra tjenesten (HTTP {status})',
      'error.server': 'Tjenesten svarte med en feil (HTTP {status}).',
      'error.forbidden': 'Du har ikke tilgang til dette.',
      'error.notFound': 'Fant ikke det du ba om.',
      'error.invalid': 'Utvalget ble avvist:',
      'error.retrying': 'Prøver igjen om {s} s.',
      'error.unauthorized': 'Tilgangsnøkkelen ble avvist eller er utløpt. Logg inn på nytt.',
      'error.foreignUrl': 'Avviste en adresse utenfor denne tjenesten.',
      'error.dateOrder': 'Fra-dato kan ikke være etter til-dato.',
      'error.render': 'Kunne ikke vise figuren.',
      'fig.partnershipComparison.title': 'Helsefellesskapene side om side',
      'fig.partnershipComparison.how': 'Alle helsefellesskapene med de samme tallene som siden viser for hvert av dem, for perioden i utvalget. Medianen er programmets median over helsefellesskapene som har en verdi; ukjent er ikke null. Velg et helsefellesskap for å vise siden for det.',
      'fig.partnershipComparison.keyHeader': 'Helsefellesskap',
      'cmp.status.PLANNED': 'Planlagt', 'cmp.status.RUNNING': 'Pågår', 'cmp.status.COMPLETED': 'Fullført', 'cmp.status.ABANDONED': 'Avbrutt',
      'cmp.median': 'Programmets median',
      'cmp.unknown': 'ukjent',
      'cmp.sortBy': 'Sorter etter {column}',
      'cmp.below': 'under medianen',
      'cmp.above': 'over medianen',
      'cmp.map': 'Helsefellesskapene etter region, farget etter andelen fullførte piloter som er evaluert',
      'cmp.mapLegend': 'Mørkere: større andel evaluert. Grå: ingen fullførte piloter ennå.',
      'cmp.filter': 'Vis siden for {name}',
      'fig.pilotsByStatus.title': 'Piloter etter status',
      'fig.pilotsByStatus.how': 'Piloter registrert i perioden, fordelt på nåværende status.',
      'fig.pilotsByStatus.keyHeader': 'Status',
      'fig.pilotsByStatus.countHeader': 'Piloter',
      'fig.evaluatedShare.title': 'Andel evaluerte piloter',
      'fig.evaluatedShare.how': 'Gjennomførte piloter som har en publisert evaluering.',
      'fig.medianMonthsToEvaluation.title': 'Median tid til evaluering',
      'fig.medianMonthsToEvaluation.how': 'Fra pilotens sluttdato til første publiserte evaluering.',
      'fig.overdueEvaluations.title': 'Forfalte evalueringer',
      'fig.overdueEvaluations.how': 'Gjennomførte piloter der evalueringen er over fristen og ennå ikke publisert.',
      'fig.spreadCurves.title': 'Spredningskurver for utprøvde modeller',
      'fig.spreadCurves.how': 'Virksomheter med erklært (ikke avbrutt) adopsjon av den utprøvde modellen, kumulativt per måned.',
      'fig.spreadCurves.keyHeader': 'Modell',
      'fig.spreadCurves.provenHeader': 'Utprøvd fra',
      'fig.spreadCurves.whyHeader': 'Hvorfor utprøvd',
      'fig.spreadCurves.why': '{n} evaluering(er) etter {rule}',
      'fig.spreadCurves.countHeader': 'Virksomheter nå',
      'fig.spreadCurves.axis': 'Virksomheter',
      'fig.partnershipPriorityGroups.title': 'Helsefellesskap × prioriterte grupper',
      'fig.partnershipPriorityGroups.how': 'Piloter etter helsefellesskapet og de prioriterte gruppene de oppgir.',
      'fig.partnershipPriorityGroups.keyHeader': 'Helsefellesskap',
      'fig.personnelGroups.title': 'Personellgrupper',
      'fig.personnelGroups.how': 'Piloter som oppgir gruppen som avgivende eller mottakende. Kjernegrupper er leger, sykepleiere og helsefagarbeidere; andre grupper er vist i oransje og merket ◆.',
      'fig.personnelGroups.keyHeader': 'Personellgruppe',
      'fig.personnelGroups.groupHeader': 'Gruppetype',
      'fig.personnelGroups.countHeader': 'Piloter',
      'fig.sharingDirections.title': 'Delingsretninger',
      'fig.sharingDirections.how': 'Piloter etter delingsretningene til de vurderte oppgavene.',
      'fig.sharingDirections.keyHeader': 'Delingsretning',
      'fig.sharingDirections.countHeader': 'Piloter',
      'fig.outcomeDimensions.title': 'Resultatdimensjoner',
      'fig.outcomeDimensions.how': 'Publiserte evalueringer som rapporterer dimensjonen.',
      'fig.outcomeDimensions.keyHeader': 'Dimensjon',
      'fig.outcomeDimensions.countHeader': 'Evalueringer',
      'fig.freedTime.title': 'Frigjort tid',
      'fig.freedTime.how': 'Per omfang og grunnlag: målt ved pilotenes egne steder, beregnet for en region eller hele landet. Ulike omfang legges aldri sammen; overskriften viser bare det som er målt ved pilotstedene.',
      'fig.freedTime.keyHeader': 'Mål',
      'fig.abandonmentReasons.title': 'Årsaker til avbrudd',
      'fig.abandonmentReasons.how': 'Avbrutte piloter og adopsjoner etter årsak.',
      'fig.abandonmentReasons.keyHeader': 'Årsak',
      'fig.abandonmentReasons.groupHeader': 'Gjelder',
      'fig.activeOrganisations.title': 'Aktive virksomheter',
      'fig.activeOrganisations.how': 'Virksomheter som eier eller er partner i en pilot, eller som tar i bruk en modell.',
      'fig.activeOrganisations.keyHeader': 'Virksomhetstype',
      'fig.activeOrganisations.countHeader': 'Virksomheter',
      'fig.publishedOutcomes.title': 'Publiserte resultater',
      'fig.publishedOutcomes.how': 'Alle publiserte evalueringer, nyeste først, med hvert resultat slik det er publisert, og kilden. Søk på ord i tittel eller resultat; navnet åpner pilotsiden.',
      'outcome.pilot': 'Pilot',
      'outcome.dimension': 'Dimensjon',
      'outcome.what': 'Resultat',
      'outcome.value': 'Verdi',
      'outcome.source': 'Kilde',
      'outcome.recommendation': 'Anbefaling',
      'table.scrollable': '(tabell, kan rulles)',
      'cmp.norway': 'Kart over Norge: hver kommune i fargen til sitt helsefellesskaps andel evaluert (klikk for å velge helsefellesskapet)',
      'cmp.norwayAria': 'Kart over Norges kommuner farget etter helsefellesskapets andel evaluerte piloter. De samme tallene står i tabellen og rutene over.',
      'cmp.norwaySource': 'Kommunegrenser: {source}. Lisens: {licence}.', 'cmp.noPartnership': 'ikke registrert i et helsefellesskap',
      'ps.about': 'Helsefellesskapets side: tallene under gjelder bare det. Helseregion: {region}.', 'ps.country': 'Vis hele landet',
      'ps.trusts': 'Helseforetak', 'ps.municipalities': 'Kommuner ({n})', 'ps.others': 'Andre medlemmer',
      'cmp.showPage': 'vis siden for helsefellesskapet',
      'published.search': 'Søk i publiserte resultater', 'published.find': 'Søk', 'published.prev': 'Forrige side',
      'published.next': 'Neste side', 'published.showing': 'Viser {from}–{to} av {total}',
      'published.noMatch': 'Ingen publiserte resultater inneholder «{q}».', 'published.series': '{n} målinger (forløpsdiagram på pilotsiden)',
      'rec.SPREAD': 'spres', 'rec.SPREAD_WITH_CONDITIONS': 'spres med vilkår', 'rec.MORE_EVIDENCE': 'trenger mer kunnskap',
      'rec.STOP': 'stopp', 'rec.NONE': 'ingen anbefaling',
    },
    en: {
      title: 'Task sharing – spread of proven models',
      skipLink: 'Skip to main content',
      langSwitch: 'Norsk',
      signOut: 'Sign out',
      'signIn.heading': 'Sign in',
      'signIn.help': 'In production you sign in with HelseID; here you paste an access token.',
      'signIn.tokenLabel': 'Access token (JWT)',
      'signIn.submit': 'Sign in',
      'filters.heading': 'Selection',
      'filters.partnership': 'Health partnership',
      'filters.all': 'All partnerships',
      'filters.from': 'From date',
      'filters.to': 'To date',
      'filters.apply': 'Show',
      'filters.sandbox': 'Include test and probe organisations',
      'kpis.heading': 'Key figures',
      'kpi.pilots': 'Pilots in total',
      'kpi.evaluatedOf': '{evaluated} of {completed} completed',
      'kpi.basedOn': 'Based on {n} pilots',
      'live.idle': 'Loading the figures …',
      'download.csv': 'Download the table (CSV)',
      'download.png': 'Download the chart (PNG)',
      'live.connected': 'Live updates connected',
      'live.connecting': 'Connecting live updates …',
      'live.disconnected': 'Live updates disconnected – retrying',
      'live.updated': 'Updated {time}',
      'live.updatedEvents': 'Updated {time} – {n} {events}',
      'live.event': 'event',
      'live.events': 'events',
      noData: 'No data yet',
      count: 'Count',
      showRecords: '{n} – show records for {label}',
      'chart.bar': 'Bar chart',
      'chart.line': 'Line chart',
      'chart.aria': '{type}: {title}. The numbers are in the table below.',
      'unit.months': 'months',
      modelVersion: '{name} (v{version})',
      'group.core': 'Core group',
      'group.nonCore': 'Not a core group',
      'group.pilot': 'Pilots',
      'group.adoption': 'Adoptions',
      'freed.gross': 'Freed time, gross',
      'freed.extra': 'Extra time used',
      'freed.net': 'Freed time, net',
      'freed.evaluations': 'Evaluations',
      'freed.group': 'Scope and basis',
      'freed.range': 'middle scenario, low–high in brackets; different scopes are never added up',
      'freed.kpiSub': "measured at the pilots' own sites",
      'scenario.low': 'low scenario',
      'scenario.middle': 'middle scenario',
      'scenario.high': 'high scenario',
      heatLegend: 'A darker cell means more pilots.',
      'mine.heading': 'Your organisation: {name}',
      'mine.partnerships': 'Member of {list}. The overview below shows your partnership; choose “All partnerships” for the whole country.',
      'mine.noPartnership': 'The organisation is not listed as a member of a health partnership.',
      'mine.pilots': 'Your pilots',
      'mine.none': 'The organisation owns or takes part in no pilot yet.',
      'mine.overdueCount': '{n} of your pilots have an overdue evaluation.',
      'mine.noneOverdue': 'None of your pilots has an overdue evaluation.',
      'mine.title': 'Pilot', 'mine.status': 'Status', 'mine.relation': 'Role', 'mine.completed': 'Completed',
      'mine.evaluation': 'Evaluation', 'mine.overdue': 'Overdue', 'mine.notOverdue': '–',
      'rel.OWNER': 'owner', 'rel.PARTNER': 'partner',
      'mine.subscriptions': 'Subscriptions and deliveries',
      'records.close': 'Close',
      'records.loading': 'Loading records …',
      'records.failed': 'Could not fetch the records.',
      'records.count': '{n} records',
      'records.partial': 'Showing {shown} of {n} records',
      'records.kind': 'Kind',
      'records.title': 'Title',
      'records.organisation': 'Organisation',
      'records.date': 'Date',
      'records.link': 'Link',
      'records.sources': 'Source',
      'records.open': 'Open',
      'records.openNamed': 'Open {title}',
      'kind.pilot': 'Pilot',
      'kind.evaluation': 'Evaluation',
      'kind.adoption': 'Adoption',
      'error.network': 'Could not reach the service.',
      'error.http': 'Error from the service (HTTP {status})',
      'error.server': 'The service answered with an error (HTTP {status}).',
      'error.forbidden': 'You do not have access to this.',
      'error.notFound': 'What you asked for was not found.',
      'error.invalid': 'The selection was refused:',
      'error.retrying': 'Trying again in {s} s.',
      'error.unauthorized': 'The access token was rejected or has expired. Please sign in again.',
      'error.foreignUrl': 'Refused an address outside this service.',
      'error.dateOrder': 'The from date cannot be after the to date.',
      'error.render': 'Could not show the figure.',
      'fig.partnershipComparison.title': 'The partnerships side by side',
      'fig.partnershipComparison.how': 'Every partnership with the same figures the page shows for each of them, for the period in the filter. The median is the programme median over the partnerships that have a value; unknown is not zero. Choose a partnership to show the page for it.',
      'fig.partnershipComparison.keyHeader': 'Partnership',
      'cmp.status.PLANNED': 'Planned', 'cmp.status.RUNNING': 'Running', 'cmp.status.COMPLETED': 'Completed', 'cmp.status.ABANDONED': 'Abandoned',
      'cmp.median': 'Programme median',
      'cmp.unknown': 'unknown',
      'cmp.sortBy': 'Sort by {column}',
      'cmp.below': 'below the median',
      'cmp.above': 'above the median',
      'cmp.map': 'The partnerships by region, shaded by the share of completed pilots that are evaluated',
      'cmp.mapLegend': 'Darker: a larger share evaluated. Grey: no completed pilots yet.',
      'cmp.filter': 'Show the page for {name}',
      'fig.pilotsByStatus.title': 'Pilots by status',
      'fig.pilotsByStatus.how': 'Pilots registered in the period, by current status.',
      'fig.pilotsByStatus.keyHeader': 'Status',
      'fig.pilotsByStatus.countHeader': 'Pilots',
      'fig.evaluatedShare.title': 'Share of pilots evaluated',
      'fig.evaluatedShare.how': 'Completed pilots with a published evaluation.',
      'fig.medianMonthsToEvaluation.title': 'Median time to evaluation',
      'fig.medianMonthsToEvaluation.how': 'From the pilot’s completion date to its first published evaluation.',
      'fig.overdueEvaluations.title': 'Overdue evaluations',
      'fig.overdueEvaluations.how': 'Completed pilots whose evaluation is past due and not yet published.',
      'fig.spreadCurves.title': 'Spread curves of proven models',
      'fig.spreadCurves.how': 'Organisations with a declared (not abandoned) adoption of the proven model, cumulative by month.',
      'fig.spreadCurves.keyHeader': 'Model',
      'fig.spreadCurves.provenHeader': 'Proven since',
      'fig.spreadCurves.whyHeader': 'Why proven',
      'fig.spreadCurves.why': '{n} evaluation(s) under {rule}',
      'fig.spreadCurves.countHeader': 'Organisations now',
      'fig.spreadCurves.axis': 'Organisations',
      'fig.partnershipPriorityGroups.title': 'Partnerships × priority groups',
      'fig.partnershipPriorityGroups.how': 'Pilots by the partnership and the priority groups they name.',
      'fig.partnershipPriorityGroups.keyHeader': 'Partnership',
      'fig.personnelGroups.title': 'Personnel groups',
      'fig.personnelGroups.how': 'Pilots naming the group as giving or receiving. Core groups are doctors, nurses and health-care workers; other groups are shown in orange and marked ◆.',
      'fig.personnelGroups.keyHeader': 'Personnel group',
      'fig.personnelGroups.groupHeader': 'Group type',
      'fig.personnelGroups.countHeader': 'Pilots',
      'fig.sharingDirections.title': 'Sharing directions',
      'fig.sharingDirections.how': 'Pilots by the sharing directions of their assessed tasks.',
      'fig.sharingDirections.keyHeader': 'Sharing direction',
      'fig.sharingDirections.countHeader': 'Pilots',
      'fig.outcomeDimensions.title': 'Outcome dimensions',
      'fig.outcomeDimensions.how': 'Published evaluations reporting the dimension.',
      'fig.outcomeDimensions.keyHeader': 'Dimension',
      'fig.outcomeDimensions.countHeader': 'Evaluations',
      'fig.freedTime.title': 'Freed time',
      'fig.freedTime.how': "By scope and basis: measured at the pilots' own sites, estimated for a region or the whole country. Different scopes are never added up; the headline shows only what was measured at the pilot sites.",
      'fig.freedTime.keyHeader': 'Measure',
      'fig.abandonmentReasons.title': 'Reasons for abandonment',
      'fig.abandonmentReasons.how': 'Abandoned pilots and adoptions by reason.',
      'fig.abandonmentReasons.keyHeader': 'Reason',
      'fig.abandonmentReasons.groupHeader': 'Concerns',
      'fig.activeOrganisations.title': 'Active organisations',
      'fig.activeOrganisations.how': 'Organisations owning or partnering in a pilot, or adopting a model.',
      'fig.activeOrganisations.keyHeader': 'Kind of organisation',
      'fig.activeOrganisations.countHeader': 'Organisations',
      'fig.publishedOutcomes.title': 'Published outcomes',
      'fig.publishedOutcomes.how': 'Every published evaluation, newest first, with each outcome as published and its source. Search for a word in the title or an outcome; the name opens the pilot page.',
      'outcome.pilot': 'Pilot',
      'outcome.dimension': 'Dimension',
      'outcome.what': 'Outcome',
      'outcome.value': 'Value',
      'outcome.source': 'Source',
      'outcome.recommendation': 'Recommendation',
      'table.scrollable': '(table, scrollable)',
      'cmp.norway': 'Map of Norway: each municipality in the shade of its partnership’s share evaluated (click to choose the partnership)',
      'cmp.norwayAria': 'Map of Norway’s municipalities shaded by their partnership’s share of evaluated pilots. The same figures are in the table and the tiles above.',
      'cmp.norwaySource': 'Municipal boundaries: {source}. Licence: {licence}.', 'cmp.noPartnership': 'not registered in a partnership',
      'ps.about': 'The partnership’s page: the figures below are for it alone. Health region: {region}.', 'ps.country': 'Show the whole country',
      'ps.trusts': 'Hospital trusts', 'ps.municipalities': 'Municipalities ({n})', 'ps.others': 'Other members',
      'cmp.showPage': 'show the partnership’s page',
      'published.search': 'Search the published outcomes', 'published.find': 'Search', 'published.prev': 'Previous page',
      'published.next': 'Next page', 'published.showing': 'Showing {from}–{to} of {total}',
      'published.noMatch': 'No published outcome contains “{q}”.', 'published.series': '{n} measurements (run chart on the pilot page)',
      'rec.SPREAD': 'spread', 'rec.SPREAD_WITH_CONDITIONS': 'spread with conditions', 'rec.MORE_EVIDENCE': 'more evidence needed',
      'rec.STOP': 'stop', 'rec.NONE': 'none given',
    },
  };

  // Sections in page order; each render function fills one section from its figure.
  const FIGURES = [
    { name: 'partnershipComparison', render: renderComparison, chartType: null, scrollTable: true },
    { name: 'pilotsByStatus', render: renderBuckets },
    { name: 'spreadCurves', render: renderSpreadCurves, chartType: 'line', scrollTable: true },
    { name: 'partnershipPriorityGroups', render: renderMatrix, chartType: null, scrollTable: true },
    { name: 'personnelGroups', render: renderBuckets,
      groups: { ids: ['core', 'nonCore'], of: (b) => (b.core === false ? 'nonCore' : 'core') } },
    { name: 'sharingDirections', render: renderBuckets },
    { name: 'outcomeDimensions', render: renderBuckets },
    { name: 'freedTime', render: renderFreedTime },
    { name: 'abandonmentReasons', render: renderBuckets,
      groups: { ids: ['pilot', 'adoption'], of: (b) => (b.of === 'adoption' ? 'adoption' : 'pilot') } },
    { name: 'activeOrganisations', render: renderBuckets },
    { name: 'publishedOutcomes', render: renderPublishedOutcomes, chartType: null },
  ];

  const KPIS = [
    { id: 'pilots', figure: 'pilotsByStatus', label: () => t('kpi.pilots'),
      value: (f) => fmtInt(f.pilotsByStatus?.total),
      // The contract gives no records URL for the total; fall back to the figure without a key.
      url: (f) => f.pilotsByStatus?.records ?? `/api/dashboard/records?${filterQuery({ figure: 'pilotsByStatus', ...state.filters })}` },
    { id: 'evaluated', figure: 'evaluatedShare', value: (f) => fmtPct(f.evaluatedShare?.share),
      sub: (f) => t('kpi.evaluatedOf', { evaluated: fmtInt(f.evaluatedShare?.evaluated), completed: fmtInt(f.evaluatedShare?.completed) }),
      url: (f) => f.evaluatedShare?.records, how: true },
    { id: 'median', figure: 'medianMonthsToEvaluation', value: (f) => fmtDec(f.medianMonthsToEvaluation?.median),
      unit: () => t('unit.months'), sub: (f) => t('kpi.basedOn', { n: fmtInt(f.medianMonthsToEvaluation?.count) }),
      url: (f) => f.medianMonthsToEvaluation?.records, how: true },
    { id: 'overdue', figure: 'overdueEvaluations', value: (f) => fmtInt(f.overdueEvaluations?.count),
      url: (f) => f.overdueEvaluations?.records, how: true },
    ...FREED_KEYS.map((key) => ({
      id: `freed-${key}`, figure: 'freedTime', key, label: () => t(`freed.${key}`),
      value: (f) => fmtDec(f.freedTime?.[key]), unit: (f) => text(f.freedTime?.unit, ''),
      sub: () => t('freed.kpiSub'),
      url: (f) => f.freedTime?.records,
    })),
  ];

  const state = {
    lang: 'nb',
    token: null,
    filters: { partnership: '', from: '', to: '', includeSandbox: '' },
    comparisonSort: { key: 'name', dir: 1 },
    streamSandbox: '',
    data: null,
    mine: null,
    partnership: null,
    published: { q: '', offset: 0, data: null },
    loadCtrl: null,
    refreshTimer: null,
    optionsSignature: null,
    charts: new Map(),
    pendingCharts: new Map(),
    chartObserver: null,
    chartRefs: new Map(),
    figureUi: new Map(),
    records: null,
    recordsCtrl: null,
    stream: { ctrl: null, timer: null, lastEventId: null, status: 'idle' },
    retry: { attempt: 0, timer: null },
  };

  const $ = (id) => document.getElementById(id);

  // ---------- small helpers ----------

  function t(key, params) {
    const raw = I18N[state.lang]?.[key] ?? I18N.nb[key] ?? key;
    return params ? raw.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? '')) : raw;
  }
  const has = (key) => key in I18N.nb;
  const locale = () => LOCALES[state.lang];
  const arr = (x) => (Array.isArray(x) ? x : []);
  const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

  /** Label objects are {nb, en}; plain strings and missing labels are tolerated. */
  function text(label, fallback) {
    if (typeof label === 'string') return label;
    return label?.[state.lang] ?? label?.nb ?? label?.en ?? String(fallback ?? '');
  }

  function fmtNumber(x, opts) {
    const n = num(x);
    return n === null ? '–' : new Intl.NumberFormat(locale(), opts).format(n);
  }
  const fmtInt = (x) => fmtNumber(x, { maximumFractionDigits: 0 });
  const fmtDec = (x) => fmtNumber(x, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const fmtPct = (x) => fmtNumber(x, { style: 'percent', maximumFractionDigits: 0 });

  /** Dates come as yyyy-mm-dd (or timestamps); read them as UTC so the day never shifts. */
  function fmtDate(value, opts = { year: 'numeric', month: 'short', day: 'numeric' }) {
    if (typeof value !== 'string' || !value) return '–';
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
    if (!m) return value;
    const date = new Date(Date.UTC(+m[1], +m[2] - 1, +(m[3] ?? 1)));
    return new Intl.DateTimeFormat(locale(), { ...opts, timeZone: 'UTC' }).format(date);
  }
  const fmtMonth = (month) => fmtDate(month, { year: 'numeric', month: 'short' });

  function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) {
      if (value == null || value === false) continue;
      if (name === 'class') el.className = value;
      else el.setAttribute(name, value === true ? '' : String(value));
    }
    el.append(...children.flat(Infinity).filter((c) => c != null && c !== false)
      .map((c) => (c instanceof Node ? c : String(c))));
    return el;
  }

  const storage = {
    get: (store, key) => { try { return store.getItem(key); } catch { return null; } },
    set: (store, key, value) => { try { store.setItem(key, value); } catch { /* storage disabled */ } },
    remove: (store, key) => { try { store.removeItem(key); } catch { /* storage disabled */ } },
  };

  const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const figureTitle = (name) => (has(`fig.${name}.title`) ? t(`fig.${name}.title`) : name);
  const countHeader = (name) => (has(`fig.${name}.countHeader`) ? t(`fig.${name}.countHeader`) : t('count'));

  // ---------- API ----------

  class ApiError extends Error {
    constructor(status, title, detail) {
      super(title);
      this.status = status;
      this.detail = detail;
    }
  }

  async function api(url, signal) {
    const target = new URL(url, window.location.href);
    // Never send the bearer token to another origin, whatever a records URL says.
    if (target.origin !== window.location.origin) throw new ApiError(0, t('error.foreignUrl'));
    let res;
    try {
      res = await fetch(target, {
        headers: { Authorization: `Bearer ${state.token}`, Accept: 'application/json' },
        cache: 'no-store',
        signal,
      });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, t('error.network'));
    }
    if (res.status === 401) throw new ApiError(401, t('error.unauthorized'));
    if (!res.ok) throw await problemOf(res);
    return res.json();
  }

  async function problemOf(res) {
    let body = null;
    try { body = await res.json(); } catch { /* not problem+json */ }
    const s = res.status;
    const title = s >= 500 ? t('error.server', { status: s }) : s === 403 ? t('error.forbidden')
      : s === 404 ? t('error.notFound') : s === 400 || s === 422 ? t('error.invalid') : t('error.http', { status: s });
    return new ApiError(s, title, s === 400 || s === 422 ? body?.detail : null);
  }

  function filterQuery(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    return q.toString();
  }

  function handleError(e) {
    if (e?.name === 'AbortError') return;
    if (e instanceof ApiError && e.status === 401) {
      signOut(t('error.unauthorized'));
      return;
    }
    console.error(e);
    showError(e?.message || t('error.network'), e?.detail);
  }

  function showError(title, detail) {
    $('error').replaceChildren(h('p', {}, h('strong', {}, title), detail ? ` ${detail}` : null));
  }
  const clearError = () => $('error').replaceChildren();

  // ---------- authentication ----------

  /** Takes #token=… from the address bar so it never stays in history or bookmarks. */
  function takeTokenFromFragment() {
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    const token = fragment.get('token');
    if (!token) return false;
    storage.set(sessionStorage, TOKEN_KEY, token);
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(history.state, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
    return true;
  }

  function signIn(token) {
    stopStream(); // a new token needs a new stream; it restarts after the first load
    state.token = token;
    $('sign-in').hidden = true;
    $('sign-out').hidden = false;
    clearError();
    // who is signed in decides what comes first, so the page shows once that is known and nothing moves after:
    // the organisation's panel, then the tiles with '–' in the place their numbers will take
    loadMine().then(loadPartnership).then(() => {
      renderMine();
      renderPartnership();
      if (!state.data) renderKpis({});
      $('dashboard').hidden = false;
      loadDashboard();
    }, handleError);
  }

  /** Drops the token and all data; shows the sign-in form with an optional reason. */
  function signOut(reason) {
    storage.remove(sessionStorage, TOKEN_KEY);
    state.token = null;
    state.data = null;
    state.mine = null;
    $('mine').hidden = true;
    state.loadCtrl?.abort();
    closeRecords(false);
    stopStream();
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    if (reason) showError(reason); else clearError();
    $('token-input').focus();
  }

  // ---------- filters ----------

  const isDate = (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

  function filtersFromUrl() {
    const q = new URLSearchParams(window.location.search);
    const date = (k) => (isDate(q.get(k)) ? q.get(k) : '');
    return { partnership: q.get('partnership') ?? '', from: date('from'), to: date('to'),
      includeSandbox: q.get('includeSandbox') === 'true' ? 'true' : '' };
  }

  function syncFilterInputs() {
    $('filter-partnership').value = state.filters.partnership;
    $('filter-from').value = state.filters.from;
    $('filter-to').value = state.filters.to;
    $('filter-to').min = state.filters.from;
    $('filter-sandbox').checked = state.filters.includeSandbox === 'true';
  }

  function onFilterSubmit(event) {
    event.preventDefault();
    const filters = {
      partnership: $('filter-partnership').value,
      from: $('filter-from').value,
      to: $('filter-to').value,
      includeSandbox: $('filter-sandbox').checked ? 'true' : '',
    };
    if (filters.from && filters.to && filters.from > filters.to) {
      showError(t('error.dateOrder'));
      $('filter-to').focus();
      return;
    }
    state.filters = filters;
    const query = viewQuery(filters);
    // Filters live in the page URL so a view can be shared or bookmarked.
    history.pushState(null, '', pageUrl(query));
    closeRecords(false);
    const streamChanged = filters.includeSandbox !== state.streamSandbox;
    loadDashboard();
    if (streamChanged && (state.stream.ctrl || state.stream.timer)) startStream();
  }

  /**
   * The address's query for a view: an organisation's page opens on its own partnership unless the address says
   * otherwise, so "the whole country" is kept as an empty partnership.
   */
  function viewQuery(filters) {
    const q = new URLSearchParams(filterQuery(filters));
    if (!filters.partnership && arr(state.mine?.partnerships).length) q.set('partnership', '');
    return q.toString();
  }

  function renderPartnershipOptions() {
    const select = $('filter-partnership');
    const list = arr(state.data?.partnerships).filter((p) => p && p.code);
    const signature = state.lang + JSON.stringify(list);
    if (signature === state.optionsSignature) return; // rebuilding would disturb an open select
    // Before the first build, the URL decides; afterwards keep what the user has picked.
    const wanted = state.optionsSignature === null ? state.filters.partnership : select.value;
    state.optionsSignature = signature;
    const options = list.map((p) => h('option', { value: p.code }, text(p.name, p.code)));
    if (wanted && !list.some((p) => p.code === wanted)) options.push(h('option', { value: wanted }, wanted));
    select.replaceChildren(h('option', { value: '', 'data-i18n': 'filters.all' }, t('filters.all')), ...options);
    select.value = wanted;
  }

  // ---------- the signed-in organisation ----------

  /** Who the token speaks for; its first partnership becomes the page's scope unless the address names one. */
  async function loadMine() {
    try {
      state.mine = await api('/api/dashboard/mine');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      state.mine = null; // the overview works without it
      return;
    }
    const first = arr(state.mine?.partnerships)[0]?.code;
    if (first && !new URLSearchParams(window.location.search).has('partnership')) {
      state.filters = { ...state.filters, partnership: first };
      history.replaceState(history.state, '', pageUrl(filterQuery(state.filters)) + window.location.hash);
      syncFilterInputs();
    }
  }

  function renderMine() {
    const section = $('mine');
    const m = state.mine;
    if (!m?.organisation) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    const partnerships = arr(m.partnerships).map((p) => text(p.name, p.code));
    const pilots = arr(m.pilots);
    const txt = (content) => ({ content, class: 'text' });
    const table = pilots.length ? dataTable(t('mine.pilots'),
      [t('mine.title'), ...['mine.status', 'mine.relation', 'mine.completed', 'mine.evaluation'].map((k) => txt(t(k)))],
      pilots.map((p) => ({
        class: p.overdue ? 'overdue' : null,
        cells: [h('a', { href: safeHref(inLanguage(p.href)) ?? '#', 'data-pilot': p.id }, text(p.title, p.id)),
          txt(t(`cmp.status.${p.status}`)), txt(t(`rel.${p.relation}`)), txt(p.completedShown ?? '–'),
          txt(p.overdue ? h('strong', { class: 'flag' }, t('mine.overdue')) : t('mine.notOverdue'))],
      }))) : h('p', {}, t('mine.none'));
    section.replaceChildren(
      h('h2', { id: 'mine-heading' }, t('mine.heading', { name: text(m.organisation.name, m.orgnr) })),
      h('p', {}, partnerships.length ? t('mine.partnerships', { list: partnerships.join(', ') }) : t('mine.noPartnership')),
      pilots.length ? h('p', { class: 'mine-summary' }, m.overdue > 0 ? t('mine.overdueCount', { n: fmtInt(m.overdue) })
        : t('mine.noneOverdue')) : null,
      h('div', { class: 'table-wrap' }, table),
      pilots.length ? h('p', { class: 'downloads' }, csvLink(table, 'own-pilots')) : null,
      m.subscriber ? h('p', {}, h('a', { href: pageLink('subscriptions.html'), id: 'to-subscriptions' }, t('mine.subscriptions'))) : null);
  }

  /** A link to another page of the app, in the page's language. */
  function inLanguage(href) {
    if (typeof href !== 'string' || !href || state.lang !== 'en') return href;
    return `${href}${href.includes('?') ? '&' : '?'}lang=en`;
  }

  /** Another page of the app in the same language (the session's token travels in sessionStorage). */
  function pageLink(path) {
    return state.lang === 'en' ? `${path}?lang=en` : path;
  }

  // ---------- the page for one partnership ----------

  /** Who the chosen partnership is; fetched before the page shows it, so the panel never pushes the figures down. */
  async function loadPartnership() {
    const code = state.filters.partnership;
    if (!code) {
      state.partnership = null;
      return;
    }
    if (state.partnership?.code === code) return;
    try {
      state.partnership = { code, info: await api(`/api/dashboard/partnerships/${encodeURIComponent(code)}`) };
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e;
      state.partnership = { code, info: null };
    }
  }

  function renderPartnership() {
    const section = $('partnership-panel');
    const p = state.partnership?.info;
    if (!p) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    const named = (m) => (m.name ? `${m.name}${m.kommunenummer ? ` (${m.kommunenummer})` : ''}` : m.code);
    const municipalities = arr(p.members).filter((m) => m.kind === 'MUNICIPALITY' || m.role === 'MUNICIPALITY');
    const others = arr(p.members).filter((m) => !municipalities.includes(m) && !arr(p.hospitalTrusts).some((t) => t.code === m.code));
    section.replaceChildren(
      h('h2', { id: 'partnership-heading' }, p.name ?? p.code),
      h('p', {}, t('ps.about', { region: REGION_NAMES[p.region] ?? p.region ?? '–' }), ' ',
        h('a', { href: pageUrl(viewQuery({ ...state.filters, partnership: '' })), id: 'to-country' }, t('ps.country'))),
      h('p', {}, `${t('ps.trusts')}: `, arr(p.hospitalTrusts).map(named).join(', ') || '–'),
      h('details', {}, h('summary', {}, t('ps.municipalities', { n: fmtInt(municipalities.length) })),
        h('p', {}, municipalities.map(named).join(', ') || '–')),
      others.length ? h('p', {}, `${t('ps.others')}: `, others.map(named).join(', ')) : null);
  }

  // ---------- loading ----------

  async function loadDashboard() {
    if (!state.token) return;
    state.loadCtrl?.abort();
    const ctrl = new AbortController();
    state.loadCtrl = ctrl;
    $('dashboard').setAttribute('aria-busy', 'true');
    try {
      const query = filterQuery(state.filters);
      const [data] = await Promise.all([api(`/api/dashboard${query ? `?${query}` : ''}`, ctrl.signal), loadPartnership()]);
      if (ctrl.signal.aborted) return;
      state.data = data && typeof data === 'object' ? data : {};
      clearTimeout(state.retry.timer);
      state.retry = { attempt: 0, timer: null };
      clearError();
      render();
      if (!state.stream.ctrl && !state.stream.timer) startStream();
    } catch (e) {
      handleError(e);
      if (e instanceof ApiError && (e.status === 0 || e.status >= 500)) retryLater(e);
    } finally {
      if (state.loadCtrl === ctrl) $('dashboard').removeAttribute('aria-busy');
    }
  }

  /** 1, 2, 4 … up to 30 seconds; the message says when, in the page's language. */
  function retryLater(e) {
    clearTimeout(state.retry.timer);
    const seconds = Math.min(30, 2 ** state.retry.attempt);
    state.retry.attempt += 1;
    showError(e.message, t('error.retrying', { s: seconds }));
    state.retry.timer = setTimeout(loadDashboard, seconds * 1000);
  }

  function scheduleRefresh() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(loadDashboard, REFRESH_DEBOUNCE_MS);
  }

  // ---------- live stream (fetch + manual text/event-stream parsing, since EventSource cannot send headers) ----------

  /** Returns a push(chunk) function; calls onEvent for each complete event block. */
  function createSseParser({ onId, onEvent }) {
    let buffer = '';
    let data = [];
    let type = '';
    let seen = false;

    function line(l) {
      if (l === '') {
        // Also dispatch blocks without data (e.g. id only): each one is a change worth refetching for.
        if (seen) onEvent({ type: type || 'message', data: data.join('\n') });
        data = [];
        type = '';
        seen = false;
        return;
      }
      if (l.startsWith(':')) return; // comment / keep-alive
      const colon = l.indexOf(':');
      const field = colon < 0 ? l : l.slice(0, colon);
      let value = colon < 0 ? '' : l.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') data.push(value);
      else if (field === 'event') type = value;
      else if (field === 'id') { if (!value.includes('\0')) onId(value); } else return;
      seen = true;
    }

    return (chunk) => {
      buffer += chunk;
      for (;;) {
        const m = /\r\n|\r|\n/.exec(buffer);
        if (!m) break;
        if (m[0] === '\r' && m.index === buffer.length - 1) break; // may be the first half of \r\n
        line(buffer.slice(0, m.index));
        buffer = buffer.slice(m.index + m[0].length);
      }
    };
  }

  async function startStream() {
    stopStream();
    const stream = state.stream;
    const ctrl = new AbortController();
    stream.ctrl = ctrl;
    setConnection('connecting');
    try {
      const headers = { Authorization: `Bearer ${state.token}`, Accept: 'text/event-stream' };
      if (stream.lastEventId) headers['Last-Event-ID'] = stream.lastEventId;
      // the same items the figures count: test and probe organisations' only when the filter includes them
      state.streamSandbox = state.filters.includeSandbox;
      const url = `/api/stream/outcomes${state.streamSandbox ? '?includeSandbox=true' : ''}`;
      const res = await fetch(url, { headers, cache: 'no-store', signal: ctrl.signal });
      if (res.status === 401) {
        stream.ctrl = null;
        signOut(t('error.unauthorized'));
        return;
      }
      if (!res.ok || !res.body) throw new Error(`stream HTTP ${res.status}`);
      setConnection('connected');
      const push = createSseParser({ onId: (id) => { stream.lastEventId = id; }, onEvent: scheduleRefresh });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        push(value);
      }
    } catch (e) {
      if (ctrl.signal.aborted) return;
      console.warn('live stream:', e);
    }
    if (stream.ctrl !== ctrl || ctrl.signal.aborted) return;
    stream.ctrl = null;
    setConnection('disconnected');
    stream.timer = setTimeout(() => { stream.timer = null; startStream(); }, RECONNECT_MS);
  }

  function stopStream() {
    const stream = state.stream;
    clearTimeout(stream.timer);
    stream.timer = null;
    const wasOpen = stream.ctrl != null;
    stream.ctrl?.abort();
    stream.ctrl = null;
    if (wasOpen) setConnection('disconnected');
  }

  function setConnection(status) {
    state.stream.status = status;
    renderConnection();
  }

  function renderConnection() {
    const el = $('live-connection');
    el.dataset.state = state.stream.status;
    el.querySelector('.live-text').textContent = t(`live.${state.stream.status}`);
  }

  function renderLiveStatus() {
    const generated = new Date(state.data?.generatedAt);
    const when = Number.isNaN(generated.getTime()) ? new Date() : generated;
    const time = new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(when);
    const n = num(state.data?.eventsApplied);
    $('live-status').textContent = n === null
      ? t('live.updated', { time })
      : t('live.updatedEvents', { time, n: fmtInt(n), events: t(n === 1 ? 'live.event' : 'live.events') });
  }

  // ---------- rendering ----------

  function applyStaticTexts() {
    document.documentElement.lang = state.lang;
    document.title = t('title');
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    const langSwitch = $('lang-switch');
    langSwitch.textContent = t('langSwitch');
    langSwitch.lang = state.lang === 'nb' ? 'en' : 'nb';
    renderConnection();
    for (const def of FIGURES) {
      const ui = state.figureUi.get(def.name);
      ui.heading.textContent = figureTitle(def.name);
      ui.how.textContent = t(`fig.${def.name}.how`);
      ui.empty.textContent = t('noData');
    }
  }

  function render() {
    applyStaticTexts();
    if (!state.data) return;
    const focus = rememberFocus();
    const figures = state.data.figures && typeof state.data.figures === 'object' ? state.data.figures : {};
    renderPartnershipOptions();
    renderMine();
    renderPartnership();
    renderKpis(figures);
    for (const def of FIGURES) {
      const ui = state.figureUi.get(def.name);
      try {
        def.render(def, figures[def.name], ui);
      } catch (e) {
        // One malformed figure must not take the whole page down.
        console.error(def.name, e);
        showEmpty(ui, t('error.render'));
      }
    }
    renderLiveStatus();
    if (state.records) renderRecords();
    restoreFocus(focus);
    const body = document.body;
    body.dataset.renders = String((Number(body.dataset.renders) || 0) + 1);
    body.dataset.loaded = 'true';
  }

  /** Builds the section skeletons once, so canvases (and their charts) survive re-renders. */
  function buildSections() {
    const container = $('figures');
    for (const def of FIGURES) {
      const id = `fig-${def.name}`;
      const ui = {
        heading: h('h2', { id: `${id}-heading`, tabindex: '-1' }),
        how: h('p', { class: 'how' }),
        empty: h('p', { class: 'empty', hidden: true }),
        // Wide tables scroll; the scrolling region must then be reachable by keyboard.
        // a region of its own (it scrolls, so it takes focus), named apart from the section around it
        tableWrap: def.scrollTable
          ? h('div', { class: 'table-wrap scroll', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-heading ${id}-table` })
          : h('div', { class: 'table-wrap' }),
        tableName: def.scrollTable ? h('span', { id: `${id}-table`, class: 'visually-hidden', 'data-i18n': 'table.scrollable' }) : null,
        chartWrap: null,
        canvas: null,
      };
      if (def.chartType !== null) {
        ui.canvas = h('canvas', { id: `${id}-chart`, role: 'img' });
        ui.chartWrap = h('div', { class: 'chart-wrap', hidden: true }, ui.canvas); // shown once there is data
      }
      ui.downloads = h('p', { class: 'downloads' });
      ui.section = h('section', { id, class: 'figure panel', 'aria-labelledby': `${id}-heading`, 'data-figure-section': def.name },
        ui.heading, ui.how, ui.empty, ui.chartWrap, ui.tableName, ui.tableWrap, ui.downloads);
      container.append(ui.section);
      state.figureUi.set(def.name, ui);
    }
  }

  function showEmpty(ui, message = t('noData')) {
    ui.downloads?.replaceChildren();
    ui.empty.textContent = message;
    ui.empty.hidden = false;
    if (ui.chartWrap) ui.chartWrap.hidden = true;
    ui.tableWrap.hidden = true;
    ui.tableWrap.replaceChildren();
  }

  function showFigure(ui, ...content) {
    ui.empty.hidden = true;
    if (ui.chartWrap) ui.chartWrap.hidden = typeof window.Chart === 'undefined';
    ui.tableWrap.hidden = false;
    ui.tableWrap.replaceChildren(...content);
    ui.downloads.replaceChildren(...downloadLinks(ui));
  }

  /** CSV of the figure's table as shown (RFC 4180, UTF-8 with a BOM for spreadsheets), and the chart as PNG. */
  /** A table as shown, as a CSV download link (RFC 4180, UTF-8 with a BOM so spreadsheets read æøå). */
  function csvLink(table, name) {
    const cell = (el) => {
      const v = el.textContent.replace(/\s+/g, ' ').trim();
      return /[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    };
    const lines = [...table.querySelectorAll('tr')].map((tr) => [...tr.children].map(cell).join(','));
    return h('a', { class: 'download', download: `${name}.csv`, 'data-download': 'csv',
      href: `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${lines.join('\r\n')}\r\n`)}` }, t('download.csv'));
  }

  function downloadLinks(ui) {
    const table = ui.tableWrap.querySelector('table');
    if (!table) return [];
    const name = ui.section.dataset.figureSection;
    const links = [csvLink(table, name)];
    if (ui.canvas && !ui.chartWrap.hidden) {
      links.push(h('a', { class: 'download', download: `${name}.png`, 'data-download': 'png', href: '#' }, t('download.png')));
    }
    return links;
  }

  /** A count that opens its records; plain text when the API gave no records URL. */
  function countCell(figure, key, url, shown, label) {
    if (!url) return h('span', { class: 'count-plain' }, shown);
    return h('button', {
      type: 'button', class: 'count', 'data-figure': figure, 'data-key': key, 'data-records': url,
      'aria-label': t('showRecords', { n: shown, label }),
    }, shown);
  }

  /** head: column headers; rows: [{class, cells: [row header, ...]}]; any cell is content or {content, class}. */
  function dataTable(caption, head, rows) {
    const spec = (c) => (c && typeof c === 'object' && !(c instanceof Node) && !Array.isArray(c) ? c : { content: c });
    return h('table', { class: 'data' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, head.map((c, i) => {
        const { content, class: cls } = spec(c);
        return h('th', { scope: 'col', class: cls ?? (i ? 'num' : null) }, content);
      }))),
      h('tbody', {}, rows.map((row) => h('tr', { class: row.class },
        row.cells.map((c, i) => {
          const { content, class: cls } = spec(c);
          return i === 0 ? h('th', { scope: 'row', class: cls }, content) : h('td', { class: cls ?? 'num' }, content);
        })))));
  }

  function renderKpis(figures) {
    const items = KPIS.map((k) => {
      const id = `kpi-${k.id}`;
      const url = k.url(figures);
      const value = k.value(figures);
      const unit = k.unit?.(figures);
      const labelledBy = [`${id}-label`, `${id}-value`, unit ? `${id}-unit` : null].filter(Boolean).join(' ');
      const valueEl = url
        ? h('a', { href: '#', id: `${id}-value`, class: 'kpi-value', 'data-figure': k.figure, 'data-key': k.key ?? '',
          'data-records': url, 'aria-labelledby': labelledBy }, value)
        : h('span', { id: `${id}-value`, class: 'kpi-value' }, value);
      return h('li', { class: 'kpi', 'data-kpi': k.id },
        h('span', { id: `${id}-label`, class: 'kpi-label' }, k.label ? k.label() : figureTitle(k.figure)),
        h('span', { class: 'kpi-line' }, valueEl, unit ? h('span', { id: `${id}-unit`, class: 'kpi-unit' }, unit) : null),
        k.sub ? h('span', { class: 'kpi-sub' }, k.sub(figures)) : null,
        k.how ? h('p', { class: 'how' }, t(`fig.${k.figure}.how`)) : null);
    });
    $('kpi-list').replaceChildren(...items);
  }

  function renderBuckets(def, fig, ui) {
    const buckets = arr(fig?.buckets).filter((b) => b && b.key != null);
    if (!buckets.length) return showEmpty(ui);
    const groupOf = def.groups?.of ?? (() => 'all');
    const keys = [...new Set(buckets.map((b) => String(b.key)))];
    const series = (def.groups?.ids ?? ['all'])
      .map((g) => ({ g, hits: keys.map((k) => buckets.find((b) => String(b.key) === k && groupOf(b) === g)) }))
      .filter((s) => s.hits.some(Boolean));
    const labelOf = (b) => text(b.label, b.key);

    const head = [t(`fig.${def.name}.keyHeader`), def.groups ? { content: t(`fig.${def.name}.groupHeader`), class: 'text' } : null, countHeader(def.name)]
      .filter((c) => c !== null);
    const rows = buckets.map((b) => {
      const group = groupOf(b);
      const nonCore = group === 'nonCore';
      return {
        class: nonCore ? 'non-core' : null,
        cells: [
          nonCore ? [h('span', { class: 'marker', 'aria-hidden': 'true' }, `${NON_CORE_MARKER} `), labelOf(b)] : labelOf(b),
          def.groups ? { content: t(`group.${group}`), class: 'text' } : null,
          countCell(def.name, String(b.key), b.records, fmtInt(b.count ?? 0), labelOf(b)),
        ].filter((c) => c !== null),
      };
    });
    showFigure(ui, dataTable(figureTitle(def.name), head, rows));

    // Horizontal bars keep long category labels readable; height follows the number of bars.
    ui.chartWrap.style.height = `${Math.max(160, 56 + keys.length * (series.length > 1 ? 44 : 32))}px`;
    drawChart(def, ui, 'bar', {
      labels: keys.map((k) => labelOf(buckets.find((b) => String(b.key) === k))),
      datasets: series.map((s) => ({
        label: def.groups ? t(`group.${s.g}`) : countHeader(def.name),
        data: s.hits.map((b) => (b ? num(b.count) ?? 0 : null)),
        backgroundColor: GROUP_COLOURS[s.g],
        borderColor: GROUP_COLOURS[s.g],
        skipNull: true,
        maxBarThickness: 28,
      })),
    }, series.map((s) => s.hits.map((b) => b && { figure: def.name, key: String(b.key), url: b.records })),
    { horizontal: true, legend: Boolean(def.groups), valueTitle: countHeader(def.name) });
  }

  /** Cumulative series over the union of months; months before a model's first point stay empty. */
  function cumulativeSeries(curve, months) {
    const byMonth = new Map(arr(curve.points).filter((p) => p && typeof p.month === 'string').map((p) => [p.month, num(p.adopters)]));
    let last = null;
    return months.map((m) => {
      if (byMonth.has(m) && byMonth.get(m) !== null) last = byMonth.get(m);
      return last;
    });
  }

  function modelName(curve) {
    const name = text(curve.name, curve.modelId);
    return curve.modelVersion != null ? t('modelVersion', { name, version: curve.modelVersion }) : name;
  }

  function renderSpreadCurves(def, fig, ui) {
    const curves = arr(fig).filter((c) => c && c.modelId != null);
    if (!curves.length) return showEmpty(ui);
    const months = [...new Set(curves.flatMap((c) => arr(c.points).map((p) => p?.month)))]
      .filter((m) => typeof m === 'string' && /^\d{4}-\d{2}/.test(m)).sort();
    const series = curves.map((c) => cumulativeSeries(c, months));

    const head = [t(`fig.${def.name}.keyHeader`), { content: t(`fig.${def.name}.provenHeader`), class: 'text' },
      { content: t(`fig.${def.name}.whyHeader`), class: 'text' }, countHeader(def.name), ...months.map(fmtMonth)];
    // the evidence rule model.proven named (its version and settings) and how many evaluations met it
    const why = (c) => (c.provenBy ? t(`fig.${def.name}.why`, { n: arr(c.provenBy.evaluationIds).length, rule: text(c.provenBy.rule, '') }) : '–');
    const rows = curves.map((c, i) => ({
      cells: [
        modelName(c),
        { content: fmtDate(c.provenAt), class: 'text' },
        { content: why(c), class: 'text' },
        countCell(def.name, String(c.modelId), c.records, fmtInt(c.adopters ?? series[i][series[i].length - 1] ?? 0), modelName(c)),
        ...series[i].map((v) => fmtInt(v)),
      ],
    }));
    showFigure(ui, dataTable(figureTitle(def.name), head, rows));

    drawChart(def, ui, 'line', {
      labels: months.map(fmtMonth),
      datasets: curves.map((c, i) => {
        const colour = PALETTE[i % PALETTE.length];
        return {
          label: modelName(c),
          data: series[i],
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: 2,
          borderDash: i >= PALETTE.length ? [6, 4] : [],
          pointStyle: POINT_STYLES[i % POINT_STYLES.length],
          pointRadius: 4,
          pointHoverRadius: 7,
        };
      }),
    }, curves.map((c) => months.map(() => ({ figure: def.name, key: String(c.modelId), url: c.records }))),
    { legend: true, valueTitle: t(`fig.${def.name}.axis`) });
  }

  function renderMatrix(def, fig, ui) {
    const rows = arr(fig?.rows).filter((r) => r && r.code != null);
    const columns = arr(fig?.columns).filter((c) => c && c.key != null);
    if (!rows.length || !columns.length) return showEmpty(ui);
    const cells = new Map(arr(fig.cells).filter(Boolean).map((c) => [`${c.row}|${c.column}`, c]));
    const max = Math.max(0, ...[...cells.values()].map((c) => num(c.count) ?? 0));
    // Five shading steps; the count itself sits on a white button, so text contrast never depends on the shade.
    const level = (n) => (n > 0 && max > 0 ? Math.ceil((n / max) * 4) : 0);

    const head = [t(`fig.${def.name}.keyHeader`), ...columns.map((c) => text(c.label, c.key))];
    const body = rows.map((r) => ({
      cells: [
        text(r.name, r.code),
        ...columns.map((c) => {
          const key = `${r.code}|${c.key}`;
          const cell = cells.get(key);
          const n = num(cell?.count) ?? 0;
          return {
            class: `num heat heat-${level(n)}`,
            content: countCell(def.name, key, cell?.records, fmtInt(n), `${text(r.name, r.code)} × ${text(c.label, c.key)}`),
          };
        }),
      ],
    }));
    showFigure(ui, dataTable(figureTitle(def.name), head, body), h('p', { class: 'legend-note' }, t('heatLegend')));
  }

  // ---------- partnerships side by side ----------

  // North to south; the regional health authorities (RHF) the partnerships' trusts belong to.
  const REGION_ORDER = ['RHF-NORD', 'RHF-MIDT', 'RHF-VEST', 'RHF-SOR-OST'];
  const REGION_NAMES = { 'RHF-NORD': 'Helse Nord', 'RHF-MIDT': 'Helse Midt-Norge', 'RHF-VEST': 'Helse Vest', 'RHF-SOR-OST': 'Helse Sør-Øst' };

  function comparisonValue(row, key) {
    if (key === 'name') return row.name ?? row.code;
    if (key.startsWith('status.')) return num(row.byStatus?.[key.slice(7)]);
    return num(row[key]);
  }

  function comparisonShown(row, col) {
    const v = comparisonValue(row, col.key);
    if (v == null) return t('cmp.unknown');
    return col.unit === 'share' ? fmtPct(v) : col.unit ? fmtDec(v) : fmtInt(v);
  }

  function renderComparison(def, fig, ui) {
    const rows = arr(fig?.partnerships).filter((r) => r && r.code != null);
    if (!rows.length) return showEmpty(ui);
    const cols = [
      { key: 'pilots', label: t('fig.pilotsByStatus.countHeader'), records: 'pilots' },
      ...['PLANNED', 'RUNNING', 'COMPLETED', 'ABANDONED'].map((st) => ({ key: `status.${st}`, label: t(`cmp.status.${st}`), records: st })),
      ...arr(fig.columns).filter((c) => c && c.key !== 'pilots')
        .map((c) => ({ key: c.key, label: text(c.label, c.key) + (c.unit && c.unit !== 'share' ? ` (${c.unit})` : ''), unit: c.unit, records: c.key, median: true })),
    ];
    cols[0].median = true;
    const median = fig.median ?? {};
    const sort = state.comparisonSort;
    const sorted = [...rows].sort((a, b) => {
      const x = comparisonValue(a, sort.key);
      const y = comparisonValue(b, sort.key);
      if (x == null && y == null) return 0;
      if (x == null) return 1; // unknown last, whichever the direction
      if (y == null) return -1;
      return (typeof x === 'string' ? x.localeCompare(y, LOCALES[state.lang]) : x - y) * sort.dir;
    });
    const headerButton = (key, label) => {
      const active = sort.key === key;
      return {
        content: h('button', { type: 'button', class: 'sort', 'data-sort': key,
          'aria-label': t('cmp.sortBy', { column: label }) }, label, active ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''),
        class: key === 'name' ? 'text' : 'num',
        sort: active ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none',
      };
    };
    const head = [headerButton('name', t('fig.partnershipComparison.keyHeader')), ...cols.map((c) => headerButton(c.key, c.label))];
    const body = sorted.map((r) => ({
      class: r.code === state.filters.partnership ? 'selected' : null,
      cells: [
        h('button', { type: 'button', class: 'link', 'data-partnership': r.code,
          'aria-label': t('cmp.filter', { name: r.name ?? r.code }) }, r.name ?? r.code),
        ...cols.map((c) => {
          const v = comparisonValue(r, c.key);
          const m = c.median ? num(median[c.key]) : null;
          const side = v == null || m == null || v === m ? null : v < m ? 'below' : 'above';
          const url = r.records?.[c.records];
          const shown = comparisonShown(r, c);
          return {
            class: `num${side ? ` vs-median ${side}` : ''}`,
            // below or above the median: an edge on the cell, and in words in the count's accessible name
            content: v == null ? h('span', { class: 'unknown' }, shown)
              : countCell(def.name, `${r.code}|${c.key}`, url, shown,
                `${r.name ?? r.code}: ${c.label}${side ? ` (${t(`cmp.${side}`)})` : ''}`),
          };
        }),
      ],
    }));
    body.push({
      class: 'median',
      cells: [t('cmp.median'), ...cols.map((c) => {
        const m = c.median ? num(median[c.key]) : null;
        return m == null ? (c.median ? t('cmp.unknown') : '') : c.unit === 'share' ? fmtPct(m) : c.unit ? fmtDec(m) : fmtDec(m);
      })],
    });
    const table = dataTable(figureTitle(def.name), head, body);
    table.querySelectorAll('thead th').forEach((th, i) => th.setAttribute('aria-sort', head[i].sort));
    showFigure(ui, comparisonMap(rows), table);
    norwayMap(ui);
  }

  /** A tile map: one tile per partnership, grouped by region north to south, shaded by the share evaluated. */
  // ---------- the map of Norway: municipalities coloured by their partnership's share evaluated ----------

  const MAP_VIEWBOX = '0 0 848 1000'; // the file's own, so the space is held before it arrives

  /** Loaded once the map scrolls near the screen: the boundaries (a data file) and which partnership each is in. */
  function norwayMap(ui) {
    if (!ui.norway) {
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('viewBox', MAP_VIEWBOX);
      svg.setAttribute('role', 'img');
      const caption = h('figcaption', {});
      const source = h('p', { class: 'legend-note' });
      const figure = h('figure', { class: 'norway-map' }, caption, svg, source);
      ui.norway = { figure, svg, caption, source, paths: new Map(), owner: new Map(), meta: null };
      ui.tableWrap.after(figure);
      svg.addEventListener('click', (event) => {
        const code = event.target.closest('path')?.dataset.partnership;
        if (code) choosePartnership(code);
      });
      const load = async () => {
        try {
          const [geo, owners] = await Promise.all([
            fetch('norway-municipalities.json', { cache: 'force-cache' }).then((r) => r.json()),
            api('/api/dashboard/partnership-map')]);
          for (const o of arr(owners)) ui.norway.owner.set(o.kommunenummer, o.partnership);
          ui.norway.meta = geo;
          for (const m of arr(geo.municipalities)) {
            const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
            path.setAttribute('d', m.d);
            path.dataset.kommune = m.k;
            const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
            path.append(title);
            ui.norway.paths.set(m.k, { path, title, name: m.n });
            svg.append(path);
          }
          colourNorway(ui);
        } catch (e) {
          handleError(e);
        }
      };
      if (typeof IntersectionObserver === 'undefined') load();
      else {
        const seen = new IntersectionObserver((entries) => {
          if (entries.some((e) => e.isIntersecting)) { seen.disconnect(); load(); }
        }, { rootMargin: '200px 0px' });
        seen.observe(figure);
      }
    }
    colourNorway(ui);
  }

  function colourNorway(ui) {
    const n = ui.norway;
    n.caption.textContent = t('cmp.norway');
    n.svg.setAttribute('aria-label', t('cmp.norwayAria'));
    n.source.textContent = n.meta ? t('cmp.norwaySource', { source: n.meta.source, licence: n.meta.licence }) : '';
    const rows = new Map(arr(state.data?.figures?.partnershipComparison?.partnerships).map((r) => [r.code, r]));
    for (const [k, p] of n.paths) {
      const code = n.owner.get(k);
      const row = rows.get(code);
      const share = num(row?.evaluatedShare);
      const level = !row ? 'none' : share == null ? 'unknown' : String(Math.min(4, Math.floor(share * 4.999)));
      p.path.setAttribute('class', `share-${level}${code && code === state.filters.partnership ? ' selected' : ''}`);
      if (code) p.path.dataset.partnership = code;
      p.title.textContent = `${p.name}: ${row ? `${text(row.name, code)}, ${share == null ? t('cmp.unknown') : fmtPct(share)}` : t('cmp.noPartnership')}`;
    }
  }

  function comparisonMap(rows) {
    const regions = [...new Set(rows.map((r) => r.region ?? ''))]
      .sort((a, b) => (REGION_ORDER.indexOf(a) + 1 || 99) - (REGION_ORDER.indexOf(b) + 1 || 99));
    return h('figure', { class: 'tile-map' },
      h('figcaption', {}, t('cmp.map')),
      h('div', { class: 'tile-regions' }, regions.map((region) => h('div', { class: 'tile-region', role: 'group',
        'aria-label': REGION_NAMES[region] ?? region },
        h('span', { class: 'tile-region-name' }, REGION_NAMES[region] ?? region),
        ...rows.filter((r) => (r.region ?? '') === region).map((r) => {
          const share = num(r.evaluatedShare);
          const level = share == null ? 'none' : String(Math.min(4, Math.floor(share * 4.999)));
          // the name a screen reader hears starts with the words on the tile (WCAG 2.5.3, label in name)
          return h('button', { type: 'button', class: `tile share-${level}${r.code === state.filters.partnership ? ' selected' : ''}`,
            'data-partnership': r.code },
          h('span', { class: 'tile-name' }, r.name ?? r.code), ' ',
          h('span', { class: 'tile-value' }, share == null ? ['–', h('span', { class: 'visually-hidden' }, ` ${t('cmp.unknown')}`)] : fmtPct(share)),
          h('span', { class: 'visually-hidden' }, ` – ${t('cmp.showPage')}`));
        })))),
      h('p', { class: 'legend-note' }, t('cmp.mapLegend')));
  }

  function choosePartnership(code) {
    const select = $('filter-partnership');
    select.value = code;
    $('filters').requestSubmit();
  }

  // One row per scope and basis (measured at the pilots' sites first): estimates for a region or the country are
  // shown apart, never added to what was realised, each as middle (low–high).
  function renderFreedTime(def, fig, ui) {
    const groups = arr(fig?.groups).filter(Boolean);
    if (!groups.length) return showEmpty(ui);
    const unit = text(fig.unit, '');
    const caption = `${figureTitle(def.name)} (${[unit, t('freed.range')].filter(Boolean).join('; ')})`;
    const range = (g, k) => {
      const mid = num(g?.middle?.[k]);
      if (mid === null) return '–';
      const low = num(g?.low?.[k]);
      const high = num(g?.high?.[k]);
      return low === null || high === null ? fmtDec(mid) : `${fmtDec(mid)} (${fmtDec(low)}–${fmtDec(high)})`;
    };
    const rows = groups.map((g) => ({
      cells: [text(g.label, ''), countCell(def.name, 'evaluations', fig.records, fmtInt(g.evaluations), t('freed.evaluations')),
        ...FREED_KEYS.map((k) => range(g, k))],
    }));
    showFigure(ui, dataTable(caption, [t('freed.group'), t('freed.evaluations'), ...FREED_KEYS.map((k) => t(`freed.${k}`))], rows));

    drawChart(def, ui, 'bar', {
      labels: groups.map((g) => text(g.label, '')),
      datasets: [{
        label: `${t('freed.net')} (${unit})`,
        data: groups.map((g) => num(g?.middle?.net) ?? 0),
        backgroundColor: PALETTE.slice(0, groups.length),
        maxBarThickness: 56,
      }],
    }, [groups.map(() => ({ figure: def.name, key: 'evaluations', url: fig.records }))],
    { integer: false, valueTitle: unit });
  }

  // One row per published outcome: the numbers behind the counts, each with the source line it comes from.
  function renderPublishedOutcomes(def, fig, ui) {
    const p = state.published;
    // the dashboard's own answer is the first page without a search; anything else was fetched for this view
    const page = p.q || p.offset ? p.data : fig;
    publishedControls(ui, page);
    const items = arr(page?.items).filter(Boolean);
    if (!items.length) {
      showEmpty(ui, p.q ? t('published.noMatch', { q: p.q }) : t('noData'));
      return;
    }
    const value = (o) => {
      if (num(o.resultValue) !== null) {
        const base = num(o.baselineValue) !== null ? `${fmtNumber(o.baselineValue, {})} → ` : '';
        return `${base}${fmtNumber(o.resultValue, {})}${o.unit ? ` ${o.unit}` : ''}`;
      }
      if (o.measurements > 0) return t('published.series', { n: fmtInt(o.measurements) });
      return o.qualitativeStatement ?? '';
    };
    const rows = items.flatMap((item) => arr(item.outcomes).filter(Boolean).map((o, i) => {
      const title = item.title ?? item.pilotId;
      return {
        class: i === 0 ? 'first-of-group' : null,
        cells: [
          // every row names its pilot for a screen reader; the eye sees it once per group
          i === 0 ? h('span', {}, h('a', { href: safeHref(inLanguage(item.href)) ?? '#', 'data-pilot': item.pilotId }, title), h('br'),
            h('small', {}, `${t('outcome.recommendation')}: ${has(`rec.${item.recommendation}`) ? t(`rec.${item.recommendation}`) : item.recommendation ?? ''}`))
            : h('span', { class: 'visually-hidden' }, title),
          { class: 'text', content: text(o.dimension, '') },
          { class: 'text', content: o.metric ?? '' },
          { class: 'text', content: value(o) },
          { class: 'text', content: o.source ?? '' },
        ],
      };
    }));
    showFigure(ui, dataTable(figureTitle(def.name), [t('outcome.pilot'), t('outcome.dimension'), t('outcome.what'),
      t('outcome.value'), t('outcome.source')].map((c) => ({ content: c, class: 'text' })), rows));
  }

  /** The search box and the pager above the published results (built once; their texts follow the language). */
  function publishedControls(ui, page) {
    if (!ui.controls) {
      const input = h('input', { type: 'search', id: 'published-q', name: 'q', maxlength: '200', autocomplete: 'off' });
      ui.controls = {
        label: h('label', { for: 'published-q' }),
        input,
        submit: h('button', { type: 'submit' }),
        status: h('p', { class: 'records-status', id: 'published-status', 'aria-live': 'polite' }),
        prev: h('button', { type: 'button', 'data-page': 'prev' }),
        next: h('button', { type: 'button', 'data-page': 'next' }),
      };
      const c = ui.controls;
      const form = h('form', { class: 'inline-form published-search', role: 'search' }, c.label, input, c.submit);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        loadPublished(input.value.trim(), 0);
      });
      const pager = h('nav', { class: 'pager' }, c.prev, ' ', c.status, ' ', c.next);
      pager.addEventListener('click', (event) => {
        const b = event.target.closest('[data-page]');
        if (!b) return;
        const cur = state.published;
        const step = Number(c.page?.limit) || 10;
        loadPublished(cur.q, Math.max(0, cur.offset + (b.dataset.page === 'next' ? step : -step)));
      });
      ui.section.insertBefore(form, ui.empty);
      ui.tableWrap.after(pager);
    }
    const c = ui.controls;
    c.page = page;
    c.label.textContent = t('published.search');
    c.submit.textContent = t('published.find');
    c.prev.textContent = t('published.prev');
    c.next.textContent = t('published.next');
    if (document.activeElement !== c.input) c.input.value = state.published.q;
    const total = Number(page?.total) || 0;
    const offset = Number(page?.offset) || 0;
    const shown = arr(page?.items).length;
    c.status.textContent = total ? t('published.showing', { from: fmtInt(offset + 1), to: fmtInt(offset + shown), total: fmtInt(total) }) : '';
    c.prev.disabled = offset <= 0;
    c.next.disabled = offset + shown >= total;
  }

  async function loadPublished(q, offset) {
    const ui = state.figureUi.get('publishedOutcomes');
    const params = { ...state.filters, q, offset: String(offset), limit: '10' };
    try {
      const data = await api(`/api/dashboard/published-outcomes?${filterQuery(params)}`);
      state.published = { q, offset, data };
      renderPublishedOutcomes(FIGURES.find((f) => f.name === 'publishedOutcomes'), state.data?.figures?.publishedOutcomes, ui);
    } catch (e) {
      handleError(e);
    }
  }

  // ---------- charts ----------

  function chartOptions(def, { horizontal = false, legend = false, valueTitle = '', integer = true }) {
    const valueAxis = horizontal ? 'x' : 'y';
    const categoryAxis = horizontal ? 'y' : 'x';
    return {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      locale: locale(),
      animation: reducedMotion() ? false : { duration: 250 },
      plugins: { legend: { display: legend, position: 'bottom' } },
      scales: {
        [valueAxis]: {
          beginAtZero: true,
          ticks: integer ? { precision: 0 } : {},
          title: { display: Boolean(valueTitle), text: valueTitle },
          grid: { color: '#d9d9d9' },
        },
        [categoryAxis]: { ticks: { autoSkip: !horizontal }, grid: { display: false } },
      },
      // Clicking a bar or point opens the same records as the matching count button in the table.
      onClick: (event, elements) => {
        const el = elements[0];
        const ref = el && state.chartRefs.get(def.name)?.[el.datasetIndex]?.[el.index];
        if (ref?.url) openRecords({ ...ref, trigger: null });
      },
      onHover: (event, elements) => {
        if (event.native?.target) event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
      },
    };
  }

  function drawChart(def, ui, type, data, refs, opts) {
    if (!ui.canvas) return;
    ui.canvas.setAttribute('aria-label', t('chart.aria', { type: t(`chart.${type}`), title: figureTitle(def.name) }));
    if (typeof window.Chart === 'undefined') return; // library missing: the tables still carry every number
    state.chartRefs.set(def.name, refs);
    const options = chartOptions(def, opts);
    const chart = state.charts.get(def.name);
    if (chart) {
      chart.data = data;
      chart.options = options;
      chart.update();
    } else if (state.pendingCharts.has(def.name)) {
      state.pendingCharts.set(def.name, { canvas: ui.canvas, type, data, options });
    } else {
      // a chart is drawn when it scrolls near the screen: eight charts at once would block the first paint
      state.pendingCharts.set(def.name, { canvas: ui.canvas, type, data, options });
      chartObserver().observe(ui.canvas);
    }
  }

  /** Draws a chart still waiting to scroll into view (all of them without a canvas), at once and unanimated. */
  function drawPending(canvas = null, animate = false) {
    for (const [name, p] of state.pendingCharts) {
      if (canvas && p.canvas !== canvas) continue;
      state.pendingCharts.delete(name);
      state.chartObserver?.unobserve(p.canvas);
      const options = animate ? p.options : { ...p.options, animation: false };
      state.charts.set(name, new window.Chart(p.canvas, { type: p.type, data: p.data, options }));
    }
  }

  function chartObserver() {
    if (!state.chartObserver) {
      const draw = (canvas) => drawPending(canvas, true);
      state.chartObserver = typeof IntersectionObserver === 'undefined'
        ? { observe: draw, unobserve: () => {} }
        : new IntersectionObserver((entries, observer) => {
          for (const e of entries) {
            if (!e.isIntersecting) continue;
            observer.unobserve(e.target);
            draw(e.target);
          }
        }, { rootMargin: '200px 0px' });
    }
    return state.chartObserver;
  }

  // ---------- records panel ----------

  function keyLabel(figure, key) {
    if (!key) return '';
    const fig = state.data?.figures?.[figure];
    if (figure === 'freedTime') return has(`freed.${key}`) ? t(`freed.${key}`) : key;
    if (figure === 'spreadCurves') {
      const curve = arr(fig).find((c) => String(c?.modelId) === key);
      return curve ? modelName(curve) : key;
    }
    if (figure === 'partnershipPriorityGroups') {
      const [row, column] = key.split('|');
      const r = arr(fig?.rows).find((x) => x?.code === row);
      const c = arr(fig?.columns).find((x) => x?.key === column);
      return `${text(r?.name, row)} × ${text(c?.label, column)}`;
    }
    const bucket = arr(fig?.buckets).find((b) => String(b?.key) === key);
    return bucket ? text(bucket.label, key) : key;
  }

  function findRecordsControl(figure, key, kpi) {
    const sel = `[data-figure="${CSS.escape(figure)}"][data-key="${CSS.escape(key ?? '')}"]`;
    return document.querySelector(`${kpi ? 'a.kpi-value' : 'button.count'}${sel}`);
  }

  async function openRecords({ figure, key, url, trigger }) {
    state.recordsCtrl?.abort();
    const ctrl = new AbortController();
    state.recordsCtrl = ctrl;
    const request = { figure, key, url, trigger, kpi: Boolean(trigger?.classList.contains('kpi-value')), status: 'loading', response: null };
    state.records = request;

    // Show the panel next to where it was asked for, so the reader keeps context.
    const panel = $('records');
    const anchor = trigger?.closest('section') ?? state.figureUi.get(figure)?.section ?? $('kpis');
    if (anchor && anchor !== panel) anchor.after(panel);
    renderRecords();
    panel.hidden = false;
    $('records-heading').focus();

    try {
      request.response = await api(url, ctrl.signal);
      request.status = 'ok';
      clearError();
    } catch (e) {
      if (e?.name === 'AbortError') return;
      request.status = 'error';
      handleError(e);
    }
    if (state.records === request) renderRecords();
  }

  function renderRecords() {
    const r = state.records;
    if (!r) return;
    const figure = r.figure || r.response?.figure || '';
    const key = r.key ?? r.response?.key ?? '';
    const label = keyLabel(figure, key);
    $('records-heading').textContent = label ? `${figureTitle(figure)}: ${label}` : figureTitle(figure);

    let status = t('records.loading');
    let table = null;
    if (r.status === 'error') status = t('records.failed');
    if (r.status === 'ok') {
      const list = arr(r.response?.records).filter(Boolean);
      const total = num(r.response?.count) ?? list.length;
      status = !list.length ? t('noData')
        : list.length < total ? t('records.partial', { shown: fmtInt(list.length), n: fmtInt(total) })
          : t('records.count', { n: fmtInt(total) });
      if (list.length) table = recordsTable(list);
    }
    $('records-status').textContent = status;
    $('records-body').replaceChildren(...(table ? [table, h('p', { class: 'downloads' },
      csvLink(table, `${figure}${key ? `-${key}` : ''}-records`.replace(/[^A-Za-z0-9_-]/g, '_')))] : []));
  }

  /** Only same-origin or http(s) links are rendered, so a record can never inject a javascript: URL. */
  function safeHref(href) {
    if (typeof href !== 'string' || !href) return null;
    try {
      const u = new URL(href, window.location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch {
      return null;
    }
  }

  function recordsTable(list) {
    const head = ['records.kind', 'records.title', 'records.organisation', 'records.date', 'records.sources',
      'records.link'].map((k) => t(k));
    return h('table', { class: 'data records-table', 'aria-labelledby': 'records-heading' },
      h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, list.map((rec) => {
        const title = rec.title ?? rec.id ?? '–';
        const href = safeHref(inLanguage(rec.href));
        return h('tr', {},
          h('td', {}, has(`kind.${rec.kind}`) ? t(`kind.${rec.kind}`) : (rec.kind ?? '–')),
          h('th', { scope: 'row' }, title),
          h('td', {}, rec.organisationName ? `${rec.organisationName} (${rec.organisation})` : rec.organisation ?? '–'),
          h('td', {}, rec.datePrecision && rec.datePrecision !== 'DAY' && rec.dateShown ? rec.dateShown : fmtDate(rec.date)),
          h('td', { class: 'text' }, arr(rec.sources).filter((x) => typeof x === 'string').join('; ') || '–'),
          h('td', {}, href ? h('a', { href, 'aria-label': t('records.openNamed', { title }) }, t('records.open')) : '–'));
      })));
  }

  function closeRecords(returnFocus = true) {
    const r = state.records;
    state.recordsCtrl?.abort();
    state.records = null;
    $('records').hidden = true;
    if (!returnFocus || !r) return;
    // The trigger may have been re-rendered by a live update; find its twin, else the figure heading.
    const target = (r.trigger?.isConnected ? r.trigger : null)
      ?? findRecordsControl(r.figure, r.key, r.kpi)
      ?? state.figureUi.get(r.figure)?.heading
      ?? $('kpis-heading');
    if (target === $('kpis-heading')) target.tabIndex = -1;
    target.focus();
  }

  // ---------- focus preservation across live re-renders ----------

  function rememberFocus() {
    const el = document.activeElement;
    if (!el?.matches?.('[data-records]')) return null;
    return { figure: el.dataset.figure, key: el.dataset.key, kpi: el.classList.contains('kpi-value') };
  }

  function restoreFocus(saved) {
    if (!saved) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    findRecordsControl(saved.figure, saved.key, saved.kpi)?.focus({ preventScroll: true });
  }

  // ---------- wiring ----------

  function setLanguage(lang) {
    state.lang = lang === 'en' ? 'en' : 'nb';
    storage.set(localStorage, LANG_KEY, state.lang);
    history.replaceState(history.state, '', pageUrl(viewQuery(state.filters)) + window.location.hash);
    render();
  }

  /** The page's address for a filter query, with the language, so a shared link opens as it was seen. */
  function pageUrl(query) {
    const q = new URLSearchParams(query);
    if (state.lang === 'en') q.set('lang', 'en');
    const s = q.toString();
    return window.location.pathname + (s ? `?${s}` : '');
  }

  function wire() {
    $('lang-switch').addEventListener('click', () => setLanguage(state.lang === 'nb' ? 'en' : 'nb'));
    $('sign-out').addEventListener('click', () => signOut());
    $('sign-in-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
      if (!token) return;
      storage.set(sessionStorage, TOKEN_KEY, token);
      $('token-input').value = '';
      signIn(token);
    });
    $('filters').addEventListener('submit', onFilterSubmit);
    $('filter-from').addEventListener('change', () => { $('filter-to').min = $('filter-from').value; });
    $('records-close').addEventListener('click', () => closeRecords());
    $('records').addEventListener('keydown', (event) => {
      if (event.key === 'Escape') closeRecords();
    });
    // One delegated handler for every count button and key-figure link (they are re-rendered often).
    $('dashboard').addEventListener('click', (event) => {
      const png = event.target.closest('[data-download="png"]');
      if (png) {
        // the chart as drawn now, on a white background (the canvas itself is transparent)
        const canvas = png.closest('section').querySelector('canvas');
        drawPending(canvas);
        const out = document.createElement('canvas');
        out.width = canvas.width;
        out.height = canvas.height;
        const g = out.getContext('2d');
        g.fillStyle = '#ffffff';
        g.fillRect(0, 0, out.width, out.height);
        g.drawImage(canvas, 0, 0);
        png.href = out.toDataURL('image/png');
        return; // the browser follows the link and saves the file
      }
      const sortBy = event.target.closest('[data-sort]');
      if (sortBy) {
        const key = sortBy.dataset.sort;
        const sort = state.comparisonSort;
        state.comparisonSort = { key, dir: sort.key === key ? -sort.dir : (key === 'name' ? 1 : -1) };
        render();
        document.querySelector(`[data-sort="${key}"]`)?.focus();
        return;
      }
      const partnership = event.target.closest('[data-partnership]');
      if (partnership) {
        choosePartnership(partnership.dataset.partnership);
        return;
      }
      const el = event.target.closest('[data-records]');
      if (!el) return;
      event.preventDefault();
      openRecords({ figure: el.dataset.figure, key: el.dataset.key, url: el.dataset.records, trigger: el });
    });
    window.addEventListener('popstate', () => {
      state.filters = filtersFromUrl();
      syncFilterInputs();
      closeRecords(false);
      loadDashboard();
    });
    window.addEventListener('hashchange', () => {
      if (takeTokenFromFragment()) signIn(storage.get(sessionStorage, TOKEN_KEY));
    });
  }

  function init() {
    window.addEventListener('beforeprint', () => drawPending()); // a printout has every chart
    const urlLang = new URLSearchParams(window.location.search).get('lang');
    state.lang = (urlLang ?? storage.get(localStorage, LANG_KEY)) === 'en' ? 'en' : 'nb';
    if (window.Chart) {
      window.Chart.defaults.color = '#1a1a1a';
      window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    }
    takeTokenFromFragment();
    state.filters = filtersFromUrl();
    buildSections();
    wire();
    syncFilterInputs();
    applyStaticTexts();
    const token = storage.get(sessionStorage, TOKEN_KEY);
    if (token) signIn(token); else signOut();
  }

  init();
})();
