// One pilot's structured case, as spread knows it from the events: what moved from whom to whom, where, with whom,
// on what conditions, how it went and where each fact comes from. Opened from the dashboard in the same session.
'use strict';

(() => {
  const { $, arr, t, h, label, api, section, table, done, locale } = window.Page;
  const TEXTS = {
    nb: {
      loading: 'Henter piloten …',
      notSignedIn: 'Du er ikke logget inn. Åpne piloten fra oversikten, der du logger inn.',
      notFound: 'Fant ingen pilot med denne lenken.', failed: 'Kunne ikke hente piloten ({status}).',
      status: 'Status', owner: 'Eier', partnership: 'Helsefellesskap', registered: 'Registrert',
      started: 'Startet', completed: 'Fullført', abandoned: 'Avbrutt', abandonReason: 'Grunn', unknownDate: 'dato ukjent',
      moved: 'Hva flyttes fra hvem til hvem', from: 'Fra', to: 'Til', priorityGroups: 'Prioriterte grupper',
      settings: 'Tjenestenivå', sites: 'Steder', partners: 'Samarbeidspartnere og deres svar', answer: 'Svar',
      preconditions: 'Forutsetninger', item: 'Punkt', note: 'Merknad', forsvarlighet: 'Forsvarlighetsvurdering',
      baseline: 'Plan for måling av utgangspunktet', funding: 'Finansiering', source: 'Kilde', amount: 'Beløp (kr)',
      staffing: 'Bemanning', group: 'Personellgruppe', headcount: 'Antall', adaptations: 'Tilpasninger',
      what: 'Hva', why: 'Hvorfor', evaluations: 'Evalueringer', evaluator: 'Evaluator', design: 'Design',
      published: 'Publisert', draft: 'utkast', recommendation: 'Anbefaling', evidence: 'Evidensnivå',
      outcomes: 'Resultater', dimension: 'Dimensjon', metric: 'Mål', before: 'Før', after: 'Etter',
      statement: 'Beskrivelse', lineage: 'Opphav', model: 'Følger modell', version: 'versjon {v}',
      derived: 'Bygger på pilot', contact: 'Kontakt', contactNote: 'Funksjonsadresse, ikke en person.',
      sources: 'Kilder', none: 'Ikke oppgitt', notCarried: 'Ikke registrert for denne piloten.',
      overdue: 'Evaluering forfalt siden {date}',
      'st.PLANNED': 'Planlagt', 'st.RUNNING': 'Pågår', 'st.COMPLETED': 'Fullført', 'st.ABANDONED': 'Avbrutt',
      'answer.INVITED': 'invitert', 'answer.CONFIRMED': 'bekreftet', 'answer.DECLINED': 'takket nei',
    },
    en: {
      loading: 'Loading the pilot …',
      notSignedIn: 'You are not signed in. Open the pilot from the overview, where you sign in.',
      notFound: 'No pilot found for this link.', failed: 'Could not load the pilot ({status}).',
      status: 'Status', owner: 'Owner', partnership: 'Partnership', registered: 'Registered',
      started: 'Started', completed: 'Completed', abandoned: 'Abandoned', abandonReason: 'Reason', unknownDate: 'date unknown',
      moved: 'What moves from whom to whom', from: 'From', to: 'To', priorityGroups: 'Priority groups',
      settings: 'Service level', sites: 'Sites', partners: 'Partners and their answers', answer: 'Answer',
      preconditions: 'Preconditions', item: 'Item', note: 'Note', forsvarlighet: 'Professional soundness (forsvarlighet)',
      baseline: 'Plan for measuring the baseline', funding: 'Funding', source: 'Source', amount: 'Amount (NOK)',
      staffing: 'Staffing', group: 'Personnel group', headcount: 'Headcount', adaptations: 'Adaptations',
      what: 'What', why: 'Why', evaluations: 'Evaluations', evaluator: 'Evaluator', design: 'Design',
      published: 'Published', draft: 'draft', recommendation: 'Recommendation', evidence: 'Evidence level',
      outcomes: 'Outcomes', dimension: 'Dimension', metric: 'Measure', before: 'Before', after: 'After',
      statement: 'Statement', lineage: 'Lineage', model: 'Follows model', version: 'version {v}',
      derived: 'Builds on pilot', contact: 'Contact', contactNote: 'A role mailbox, not a person.',
      sources: 'Sources', none: 'Not given', notCarried: 'Not recorded for this pilot.',
      overdue: 'Evaluation overdue since {date}',
      'st.PLANNED': 'Planned', 'st.RUNNING': 'Running', 'st.COMPLETED': 'Completed', 'st.ABANDONED': 'Abandoned',
      'answer.INVITED': 'invited', 'answer.CONFIRMED': 'confirmed', 'answer.DECLINED': 'declined',
    },
  };
  const state = { pilot: null };

  function org(orgnr) {
    const name = state.pilot?.organisationNames?.[orgnr];
    return name ? `${name} (${orgnr})` : orgnr;
  }

  function date(fact, raw) {
    if (fact?.shown) return fact.shown;
    if (!raw) return t('unknownDate');
    return new Date(`${raw}T00:00:00`).toLocaleDateString(locale(), { year: 'numeric', month: 'long', day: 'numeric' });
  }

  const orNone = (list, render) => (arr(list).length ? render(arr(list)) : h('p', { class: 'unknown' }, t('none')));

  function render() {
    const p = state.pilot;
    if (!p) return;
    document.title = `${p.title} – Oppgavedeling`;
    const d = p.details ?? null;
    const answers = p.partnerAnswers ?? {};
    const facts = [
      [t('status'), t(`st.${p.status}`)],
      [t('owner'), org(p.ownerOrgnr)],
      [t('partnership'), p.partnership ?? t('none')],
      [t('registered'), p.registeredAt ? new Date(p.registeredAt).toLocaleDateString(locale()) : t('none')],
      p.startedOn || p.dates?.started ? [t('started'), date(p.dates?.started, p.startedOn)] : null,
      p.completedOn || p.dates?.completed ? [t('completed'), date(p.dates?.completed, p.completedOn)] : null,
      p.abandonedOn || p.status === 'ABANDONED' ? [t('abandoned'), `${date(p.dates?.abandoned, p.abandonedOn)}${p.abandonmentReason ? ` – ${t('abandonReason')}: ${label('abandonment-reason', p.abandonmentReason)}` : ''}`] : null,
    ].filter(Boolean);
    const article = $('pilot');
    article.replaceChildren(
      h('h1', { id: 'pilot-title' }, p.title ?? p.pilotId),
      p.evaluationOverdueSince ? h('p', { class: 'overdue', role: 'status' }, t('overdue', { date: date(null, p.evaluationOverdueSince) })) : null,
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', { 'data-fact': k }, v)])),
      section('moved', t('moved'), table([t('from'), t('to')], [[arr(p.fromGroups).map((g) => label('personnel-group', g)).join(', ') || t('none'),
        arr(p.toGroups).map((g) => label('personnel-group', g)).join(', ') || t('none')]]),
      h('p', {}, `${t('priorityGroups')}: ${arr(p.priorityGroups).map((g) => label('priority-group', g)).join(', ') || t('none')}`)),
      section('sites', t('sites'), d ? orNone(d.sites, (l) => h('ul', {}, l.map((s) => h('li', {}, s)))) : h('p', { class: 'unknown' }, t('notCarried'))),
      section('partners', t('partners'), orNone(p.partnerOrgnrs, (l) => table([t('owner'), t('answer')],
        l.map((n) => [org(n), t(`answer.${answers[n] ?? 'INVITED'}`)])))),
      section('preconditions', t('preconditions'), !d ? h('p', { class: 'unknown' }, t('notCarried')) : orNone(d.preconditions, (l) =>
        table([t('item'), t('status'), t('note')], l.map((x) => [label('precondition', x.item), label('precondition-status', x.status), x.note ?? '–'])))),
      section('forsvarlighet', t('forsvarlighet'), h('p', { class: d?.forsvarlighetAssessment ? null : 'unknown' }, d?.forsvarlighetAssessment ?? (d ? t('none') : t('notCarried')))),
      section('baseline', t('baseline'), h('p', { class: d?.baselinePlan ? null : 'unknown' }, d?.baselinePlan ?? (d ? t('none') : t('notCarried')))),
      section('funding', t('funding'), !d ? h('p', { class: 'unknown' }, t('notCarried')) : orNone(d.funding, (l) =>
        table([t('source'), t('amount')], l.map((x) => [x.source, x.amountNok == null ? '–' : Number(x.amountNok).toLocaleString(locale())])))),
      section('staffing', t('staffing'), !d ? h('p', { class: 'unknown' }, t('notCarried')) : orNone(d.staffing, (l) =>
        table([t('group'), t('headcount')], l.map((x) => [label('personnel-group', x.group), x.headcount ?? '–'])))),
      section('adaptations', t('adaptations'), !d ? h('p', { class: 'unknown' }, t('notCarried')) : orNone(d.adaptations, (l) =>
        table([t('what'), t('why')], l.map((x) => [x.what, x.why])))),
      section('evaluations', t('evaluations'), orNone(p.evaluations, (l) => l.map((e) => h('div', { class: 'evaluation' },
        h('h3', {}, `${org(e.evaluatorOrgnr)} – ${e.publishedAt ? `${t('published')} ${new Date(e.publishedAt).toLocaleDateString(locale())}` : t('draft')}`),
        h('p', {}, [e.design ? `${t('design')}: ${label('evaluation-design', e.design)}` : null,
          e.recommendation ? `${t('recommendation')}: ${label('recommendation', e.recommendation)}` : null,
          e.evidenceLevel ? `${t('evidence')}: ${label('evidence-level', e.evidenceLevel)}` : null].filter(Boolean).join(' · ')),
        arr(e.outcomes).length ? table([t('dimension'), t('metric'), t('before'), t('after'), t('statement'), t('source')],
          arr(e.outcomes).map((o) => [label('outcome-dimension', o.dimension), [o.metric, o.unit ? `(${o.unit})` : null].filter(Boolean).join(' ') || '–',
            o.baselineValue ?? '–', o.resultValue ?? '–', o.qualitativeStatement ?? '–', o.source ?? '–'])) : null)))),
      section('lineage', t('lineage'), h('ul', {},
        p.modelId ? h('li', {}, `${t('model')}: ${p.modelName ?? p.modelId}${p.modelVersion ? `, ${t('version', { v: p.modelVersion })}` : ''}`) : null,
        p.derivedFromPilot ? h('li', {}, t('derived'), ': ', h('a', { href: `pilot.html?id=${encodeURIComponent(p.derivedFromPilot)}` }, p.derivedFromPilot)) : null,
        !p.modelId && !p.derivedFromPilot ? h('li', { class: 'unknown' }, t('none')) : null)),
      section('contact', t('contact'), p.contactMailbox
        ? h('p', {}, h('a', { href: `mailto:${p.contactMailbox}` }, p.contactMailbox), ' ', h('span', { class: 'how' }, t('contactNote')))
        : h('p', { class: 'unknown' }, t('none'))),
      section('sources', t('sources'), orNone(p.sources, (l) => h('ul', {}, l.map((s) => h('li', {}, s))))),
    );
    article.hidden = false;
    done();
  }

  async function load() {
    const id = new URLSearchParams(window.location.search).get('id');
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new window.Page.ApiError(404, t('notFound'));
    const [pilot] = await Promise.all([api(`/api/pilots/${encodeURIComponent(id)}`), window.Page.loadCodes()]);
    state.pilot = pilot;
    render();
  }

  window.Page.start({ texts: TEXTS, render, load });
})();
