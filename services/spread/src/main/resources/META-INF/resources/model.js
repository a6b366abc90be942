// One task-sharing model: will it work here (the signed-in organisation's own competence against what the model's
// tasks require), why it is PROVEN, how it spread and where, its versions, pilots and adoptions.
'use strict';

(() => {
  const { $, arr, t, h, label, api, section, table, done, locale } = window.Page;
  const TEXTS = {
    nb: {
      loading: 'Henter modellen …', notFound: 'Fant ingen modell med denne lenken.',
      lifecycle: 'Livsløp', latest: 'Nyeste versjon', 'lc.DRAFT': 'utkast', 'lc.PUBLISHED': 'publisert',
      'lc.PROVEN': 'utprøvd og dokumentert (PROVEN)', 'lc.RETIRED': 'trukket tilbake',
      fit: 'Passer modellen hos oss?', fitNoOrg: 'Logg inn som en virksomhet for å se virksomhetens egen kompetanse mot kravene.',
      fitGroups: 'Modellens krav mot virksomhetens egne registrerte kompetansetall (siste telling per enhet, antall, aldri personer), etter samme regel som kompetanseregisteret.',
      'verdict.READY': '{org} oppfyller alle modellens kompetansekrav.',
      'verdict.GAPS': '{org} oppfyller ikke alle modellens kompetansekrav: se tabellen.',
      'verdict.NONE': 'Modellen oppgir ingen kompetansekrav.',
      competence: 'Kompetanse', group: 'Personellgruppe', required: 'Krav (antall)', headcount: 'Hos dere', countedOn: 'Telt', status: 'Status',
      'gap.MET': 'oppfylt', 'gap.SHORT': 'for få', 'gap.MISSING': 'mangler', notCounted: 'ingen telling registrert',
      why: 'Hvorfor den er utprøvd og dokumentert', whyNot: 'Ingen versjon er dokumentert ennå etter evidensregelen.',
      rule: 'Regel', provenAt: 'Dokumentert', provenBy: 'Evalueringer som oppfylte regelen',
      evidence: 'Publiserte evalueringer', pilot: 'Pilot', version: 'Versjon', recommendation: 'Anbefaling',
      evidenceLevel: 'Evidensnivå', published: 'Publisert', proves: 'Teller for versjon',
      spread: 'Spredning', spreadHow: 'Adopsjoner (ikke avbrutte) summert per måned de ble meldt.', month: 'Måned',
      cumulative: 'Adopsjoner i alt', map: 'Hvor adopterende virksomheter hører hjemme, per helsefellesskap',
      adopters: '{n} adopterende', noAdopters: 'ingen',
      versions: 'Versjoner', name: 'Navn', type: 'Type', moved: 'Fra → til', tasks: 'Oppgaver',
      requirements: 'Kompetansekrav', requiredBy: 'Kreves av', noRequirements: 'Ingen registrerte krav.',
      pilots: 'Piloter som følger modellen', adoptions: 'Adopsjoner', adopter: 'Virksomhet', partnership: 'Helsefellesskap',
      declared: 'Meldt', completed: 'Fullført', abandoned: 'Avbrutt', reason: 'Grunn',
      'st.PLANNED': 'Planlagt', 'st.RUNNING': 'Pågår', 'st.COMPLETED': 'Fullført', 'st.ABANDONED': 'Avbrutt',
      'ad.DECLARED': 'meldt', 'ad.COMPLETED': 'innført', 'ad.ABANDONED': 'avbrutt', none: 'Ingen',
      chartAria: 'Linjediagram: adopsjoner i alt per måned. Tallene står i tabellen under.',
    },
    en: {
      loading: 'Loading the model …', notFound: 'No model found for this link.',
      lifecycle: 'Lifecycle', latest: 'Latest version', 'lc.DRAFT': 'draft', 'lc.PUBLISHED': 'published',
      'lc.PROVEN': 'tried and documented (PROVEN)', 'lc.RETIRED': 'retired',
      fit: 'Will it work here?', fitNoOrg: 'Sign in as an organisation to see its own competence against the requirements.',
      fitGroups: 'The model’s requirements against the organisation’s own recorded competence counts (the latest count per unit; numbers, never people), by the same rule as the competence registry.',
      'verdict.READY': '{org} meets every competence requirement of the model.',
      'verdict.GAPS': '{org} does not meet every competence requirement of the model: see the table.',
      'verdict.NONE': 'The model states no competence requirements.',
      competence: 'Competence', group: 'Personnel group', required: 'Required (headcount)', headcount: 'Yours', countedOn: 'Counted', status: 'Status',
      'gap.MET': 'met', 'gap.SHORT': 'too few', 'gap.MISSING': 'missing', notCounted: 'no count recorded',
      why: 'Why it is tried and documented', whyNot: 'No version is documented by the evidence rule yet.',
      rule: 'Rule', provenAt: 'Documented', provenBy: 'Evaluations that met the rule',
      evidence: 'Published evaluations', pilot: 'Pilot', version: 'Version', recommendation: 'Recommendation',
      evidenceLevel: 'Evidence level', published: 'Published', proves: 'Counts for version',
      spread: 'Spread', spreadHow: 'Adoptions (not abandoned) summed by the month they were declared.', month: 'Month',
      cumulative: 'Adoptions in all', map: 'Where the adopting organisations belong, by partnership',
      adopters: '{n} adopting', noAdopters: 'none',
      versions: 'Versions', name: 'Name', type: 'Type', moved: 'From → to', tasks: 'Tasks',
      requirements: 'Competence requirements', requiredBy: 'Required by', noRequirements: 'No recorded requirements.',
      pilots: 'Pilots following the model', adoptions: 'Adoptions', adopter: 'Organisation', partnership: 'Partnership',
      declared: 'Declared', completed: 'Completed', abandoned: 'Abandoned', reason: 'Reason',
      'st.PLANNED': 'Planned', 'st.RUNNING': 'Running', 'st.COMPLETED': 'Completed', 'st.ABANDONED': 'Abandoned',
      'ad.DECLARED': 'declared', 'ad.COMPLETED': 'in place', 'ad.ABANDONED': 'abandoned', none: 'None',
      chartAria: 'Line chart: adoptions in all by month. The numbers are in the table below.',
    },
  };
  const REGIONS = [['RHF-NORD', 'Helse Nord'], ['RHF-MIDT', 'Helse Midt-Norge'], ['RHF-VEST', 'Helse Vest'],
    ['RHF-SOR-OST', 'Helse Sør-Øst']];
  const state = { model: null, chart: null };

  /** The four health regions in their order, then any other region the data names (shown by its code). */
  function regions(list) {
    const known = REGIONS.map(([c]) => c);
    const other = [...new Set(arr(list).map((p) => p.region ?? '').filter((r) => !known.includes(r)))].sort();
    return [...REGIONS, ...other.map((r) => [r, r || '–'])].filter(([c]) => arr(list).some((p) => (p.region ?? '') === c));
  }

  const date = (iso) => (iso ? new Date(iso).toLocaleDateString(locale()) : '–');
  const groups = (l) => arr(l).map((g) => label('personnel-group', g)).join(', ') || '–';
  const pilotLink = (id, title) => h('a', { href: window.Page.link('pilot.html', { id }), 'data-pilot': id }, title);

  /** Cumulative adoptions (not abandoned) by month of declaration. */
  function curve(adoptions) {
    const months = arr(adoptions).filter((a) => a.status !== 'ABANDONED' && a.declaredAt).map((a) => a.declaredAt.slice(0, 7)).sort();
    const out = [];
    for (const m of months) {
      if (out.length && out[out.length - 1].month === m) out[out.length - 1].cumulative += 1;
      else out.push({ month: m, cumulative: (out.length ? out[out.length - 1].cumulative : 0) + 1 });
    }
    return out;
  }

  function fit(m) {
    const g = m.gap;
    if (!g) return section('fit', t('fit'), h('p', { class: 'unknown' }, t('fitNoOrg')));
    const org = g.organisationName ?? g.orgnr;
    return section('fit', t('fit'),
      h('p', { class: `verdict verdict-${g.verdict}`, 'data-verdict': g.verdict, role: 'status' }, h('strong', {}, t(`verdict.${g.verdict}`, { org }))),
      h('p', { class: 'how' }, t('fitGroups')),
      arr(g.rows).length ? table([t('competence'), t('group'), t('required'), t('headcount'), t('status'), t('countedOn')],
        arr(g.rows).map((r) => [label('competence', r.competence), label('personnel-group', r.personnelGroup), String(r.required),
          r.counted ? String(r.available) : '–',
          h('span', { 'data-gap': r.status, 'data-counted': String(r.counted) }, t(`gap.${r.status}`), r.counted ? null : ` (${t('notCounted')})`),
          r.countedOn ?? '–'])) : null);
  }

  function render() {
    const m = state.model;
    if (!m) return;
    document.title = `${m.name ?? m.modelId} – Oppgavedeling`;
    const latest = arr(m.versions)[arr(m.versions).length - 1] ?? {};
    const proven = arr(m.versions).filter((v) => v.provenAt);
    const points = curve(m.adoptions);
    const canvas = h('canvas', { role: 'img', 'aria-label': t('chartAria'), id: 'spread-chart' });
    $('model').replaceChildren(
      h('h1', { id: 'model-title' }, m.name ?? m.modelId),
      h('dl', { class: 'facts' }, h('dt', {}, t('lifecycle')), h('dd', { 'data-fact': 'lifecycle' }, t(`lc.${m.lifecycle}`)),
        h('dt', {}, t('latest')), h('dd', {}, String(latest.version ?? '–'))),
      fit(m),
      section('why', t('why'), proven.length ? proven.map((v) => h('div', { class: 'evaluation', 'data-proven-version': v.version },
        h('h3', {}, `${t('version')} ${v.version} – ${t('provenAt')} ${date(v.provenAt)}`),
        v.provenRule ? h('p', {}, `${t('rule')}: ${v.provenRule}`) : null,
        h('p', {}, `${t('provenBy')}:`),
        h('ul', {}, arr(m.evidence).filter((e) => e.provesVersion === v.version).map((e) =>
          h('li', {}, pilotLink(e.pilotId, e.pilotTitle ?? e.pilotId), ` – ${label('recommendation', e.recommendation)}, ${label('evidence-level', e.evidenceLevel)}`)))))
        : h('p', { class: 'unknown' }, t('whyNot'))),
      section('evidence', t('evidence'), arr(m.evidence).length ? table(
        [t('pilot'), t('version'), t('recommendation'), t('evidenceLevel'), t('published'), t('proves')],
        arr(m.evidence).map((e) => [pilotLink(e.pilotId, e.pilotTitle ?? e.pilotId), e.modelVersion ?? '–',
          label('recommendation', e.recommendation), label('evidence-level', e.evidenceLevel), date(e.publishedAt), e.provesVersion ?? '–']))
        : h('p', { class: 'unknown' }, t('none'))),
      section('spread', t('spread'), h('p', { class: 'how' }, t('spreadHow')),
        points.length ? [h('div', { class: 'chart-wrap' }, canvas),
          table([t('month'), t('cumulative')], points.map((p) => [p.month, p.cumulative]))] : h('p', { class: 'unknown' }, t('none')),
        h('figure', { class: 'tile-map adopter-map' }, h('figcaption', {}, t('map')),
          h('div', { class: 'tile-regions' }, regions(m.adopterMap).map(([code, name]) => h('div', { class: 'tile-region', role: 'group', 'aria-label': name },
            h('span', { class: 'tile-region-name' }, name),
            arr(m.adopterMap).filter((p) => (p.region ?? '') === code).map((p) => h('div', {
              class: `tile share-${p.adopters > 0 ? Math.min(4, p.adopters) : 0}`, 'data-partnership': p.code, 'data-adopters': p.adopters },
            h('span', { class: 'tile-name' }, p.name), ' ',
            h('span', { class: 'tile-value' }, p.adopters > 0 ? t('adopters', { n: p.adopters }) : t('noAdopters'))))))))),
      section('requirements', t('requirements'), arr(latest.requirements).length ? table([t('competence'), t('group'), t('required')],
        arr(latest.requirements).map((r) => [label('competence', r.competence), label('personnel-group', r.personnelGroup), String(r.minimumHeadcount)]))
        : h('p', { class: 'unknown' }, t('noRequirements'))),
      section('versions', t('versions'), table([t('version'), t('name'), t('type'), t('lifecycle'), t('moved'), t('tasks'), t('published'), t('provenAt')],
        arr(m.versions).map((v) => [String(v.version), v.name ?? '–', label('model-type', v.modelType), t(`lc.${v.lifecycle}`),
          `${groups(v.fromGroups)} → ${groups(v.toGroups)}`, arr(v.tasks).map((x) => x.name ?? x.taskId).join(', ') || '–',
          date(v.publishedAt), date(v.provenAt)]))),
      section('pilots', t('pilots'), arr(m.pilots).length ? table([t('pilot'), t('status'), t('partnership'), t('version')],
        arr(m.pilots).map((p) => [pilotLink(p.pilotId, p.title ?? p.pilotId), t(`st.${p.status}`), p.partnership ?? '–', p.modelVersion ?? '–']))
        : h('p', { class: 'unknown' }, t('none'))),
      section('adoptions', t('adoptions'), arr(m.adoptions).length ? table(
        [t('adopter'), t('version'), t('status'), t('declared'), t('completed'), t('abandoned'), t('reason')],
        arr(m.adoptions).map((a) => [a.adopterName ? `${a.adopterName} (${a.adopterOrgnr})` : a.adopterOrgnr, String(a.modelVersion),
          t(`ad.${a.status}`), date(a.declaredAt), date(a.completedAt), date(a.abandonedAt), a.reason ? label('abandonment-reason', a.reason) : '–']))
        : h('p', { class: 'unknown' }, t('none'))),
    );
    state.chart?.destroy();
    state.chart = null;
    if (points.length && window.Chart) {
      state.chart = new window.Chart(canvas, {
        type: 'line',
        data: { labels: points.map((p) => p.month),
          datasets: [{ label: t('cumulative'), data: points.map((p) => p.cumulative), borderColor: '#1f4e79', backgroundColor: '#1f4e79', stepped: true }] },
        options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    }
    $('model').hidden = false;
    done();
  }

  async function load() {
    const id = new URLSearchParams(window.location.search).get('id');
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new window.Page.ApiError(404, t('notFound'));
    const [model] = await Promise.all([api(`/api/models/${encodeURIComponent(id)}`), window.Page.loadCodes()]);
    state.model = model;
    render();
  }

  window.Page.start({ texts: TEXTS, render, load });
})();
