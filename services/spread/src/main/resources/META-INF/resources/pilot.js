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
      'run.heading': 'Forløpsdiagram: {metric}', 'run.median': 'Median', 'run.value': 'Verdi', 'run.date': 'Dato',
      'run.signals': 'Signal', 'run.none': '–', 'run.SHIFT': 'skift', 'run.TREND': 'trend', 'run.ASTRONOMICAL': 'astronomisk punkt',
      'run.changes': 'Endringer underveis', 'run.change': 'Endring {n}',
      'run.how': 'Målt {n} ganger. Regler for ikke-tilfeldige signaler (Perla, Provost og Murray 2011): skift = seks eller flere punkter på rad på samme side av medianen; trend = fem eller flere punkter på rad som stiger eller faller; astronomisk punkt = ett punkt som hopper bort fra begge naboene og tilbake, mer enn 3,865 × median glidende variasjonsbredde.',
      'run.few': 'Færre enn ti målinger: les signalene med varsomhet.',
      'run.found': 'Signaler: {list}.', 'run.noSignal': 'Ingen ikke-tilfeldige signaler etter reglene.',
      'run.aria': 'Forløpsdiagram for {metric}: {n} målinger med median {median}. Tallene står i tabellen under.',
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
      'run.heading': 'Run chart: {metric}', 'run.median': 'Median', 'run.value': 'Value', 'run.date': 'Date',
      'run.signals': 'Signal', 'run.none': '–', 'run.SHIFT': 'shift', 'run.TREND': 'trend', 'run.ASTRONOMICAL': 'astronomical point',
      'run.changes': 'Changes made', 'run.change': 'Change {n}',
      'run.how': 'Measured {n} times. Rules for a non-random signal (Perla, Provost and Murray 2011): shift = six or more points in a row on one side of the median; trend = five or more points in a row going up or down; astronomical point = a single point that jumps away from both neighbours and back by more than 3.865 × the median moving range.',
      'run.few': 'Fewer than ten measurements: read the signals with care.',
      'run.found': 'Signals: {list}.', 'run.noSignal': 'No non-random signal by the rules.',
      'run.aria': 'Run chart of {metric}: {n} measurements with median {median}. The numbers are in the table below.',
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
    charts.length = 0;
    drawn.splice(0).forEach((c) => c.destroy());
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
            o.baselineValue ?? '–', o.resultValue ?? '–', o.qualitativeStatement ?? '–', o.source ?? '–'])) : null,
        arr(e.outcomes).map((o, i) => (o.runChart ? runChart(o, `${e.evaluationId}-${i}`) : null)))))),
      section('lineage', t('lineage'), h('ul', {},
        p.modelId ? h('li', {}, `${t('model')}: `, h('a', { href: window.Page.link('model.html', { id: p.modelId }), 'data-model': p.modelId },
          p.modelName ?? p.modelId), p.modelVersion ? `, ${t('version', { v: p.modelVersion })}` : '') : null,
        p.derivedFromPilot ? h('li', {}, t('derived'), ': ', h('a', { href: window.Page.link('pilot.html', { id: p.derivedFromPilot }) }, p.derivedFromPilot)) : null,
        !p.modelId && !p.derivedFromPilot ? h('li', { class: 'unknown' }, t('none')) : null)),
      section('contact', t('contact'), p.contactMailbox
        ? h('p', {}, h('a', { href: `mailto:${p.contactMailbox}` }, p.contactMailbox), ' ', h('span', { class: 'how' }, t('contactNote')))
        : h('p', { class: 'unknown' }, t('none'))),
      section('sources', t('sources'), orNone(p.sources, (l) => h('ul', {}, l.map((s) => h('li', {}, s))))),
    );
    article.hidden = false;
    drawRunCharts();
    done();
  }

  // ---------- run charts ----------

  const SIGNAL_COLOUR = '#b85c00';
  const charts = [];
  const drawn = [];

  /** A run chart's figure: the chart (drawn once the article is in the page), the rules, the numbers and the changes. */
  function runChart(o, key) {
    const rc = o.runChart;
    const series = arr(o.series);
    const notes = arr(o.annotations);
    const num = (x) => (x == null ? '–' : Number(x).toLocaleString(locale(), { maximumFractionDigits: 2 }));
    const kinds = [...new Set(arr(rc.runs).map((r) => r.signal))];
    const metric = [o.metric, o.unit ? `(${o.unit})` : null].filter(Boolean).join(' ');
    const canvas = h('canvas', { role: 'img', 'data-run-chart': key,
      'aria-label': t('run.aria', { metric, n: series.length, median: num(rc.median) }) });
    charts.push({ canvas, o });
    return h('figure', { class: 'run-chart', 'data-run-chart-figure': key },
      h('h4', {}, t('run.heading', { metric })),
      h('div', { class: 'chart-wrap' }, canvas),
      h('figcaption', { class: 'how' }, t('run.how', { n: series.length }), ' ', rc.enoughPoints ? null : h('strong', {}, t('run.few')), ' ',
        h('span', { class: 'run-verdict' }, kinds.length ? t('run.found', { list: kinds.map((k) => t(`run.${k}`)).join(', ') }) : t('run.noSignal'))),
      table([t('run.date'), t('run.value'), t('run.median'), t('run.signals')],
        series.map((m, i) => [m.on, num(m.value), num(rc.median),
          h('span', { 'data-signals': arr(rc.signals?.[i]).join(' ') }, arr(rc.signals?.[i]).map((s) => t(`run.${s}`)).join(', ') || t('run.none'))])),
      notes.length ? [h('h5', {}, t('run.changes')), h('ol', {}, notes.map((a) => h('li', {}, `${a.on}: ${a.text}`)))] : null);
  }

  /** Draws each run chart: the points (signals marked by colour and shape), the median, numbered change lines. */
  function drawRunCharts() {
    while (charts.length) {
      const { canvas, o } = charts.shift();
      if (!window.Chart || !canvas.isConnected) continue;
      const series = arr(o.series);
      const rc = o.runChart;
      const labels = series.map((m) => m.on);
      const flagged = (i) => arr(rc.signals?.[i]).length > 0;
      const notes = arr(o.annotations);
      const changeLines = {
        id: 'changeLines',
        afterDatasetsDraw(chart) {
          const { ctx, chartArea, scales: { x } } = chart;
          const days = labels.map((d) => Date.parse(d));
          notes.forEach((a, n) => {
            const at = Date.parse(a.on);
            let px = null;
            for (let i = 0; i < days.length - 1 && px === null; i++) {
              if (at >= days[i] && at <= days[i + 1]) {
                const f = days[i + 1] === days[i] ? 0 : (at - days[i]) / (days[i + 1] - days[i]);
                px = x.getPixelForValue(i) + f * (x.getPixelForValue(i + 1) - x.getPixelForValue(i));
              }
            }
            if (px === null) px = at < days[0] ? chartArea.left : chartArea.right;
            ctx.save();
            ctx.strokeStyle = '#1a1a1a';
            ctx.setLineDash([2, 3]);
            ctx.beginPath();
            ctx.moveTo(px, chartArea.top);
            ctx.lineTo(px, chartArea.bottom);
            ctx.stroke();
            ctx.fillStyle = '#1a1a1a';
            ctx.fillText(String(n + 1), px + 3, chartArea.top + 10);
            ctx.restore();
          });
        },
      };
      drawn.push(new window.Chart(canvas, {
        type: 'line',
        data: {
          labels,
          datasets: [
            { label: o.metric ?? t('run.value'), data: series.map((m) => m.value), borderColor: '#1f4e79', backgroundColor: '#1f4e79',
              pointRadius: series.map((m, i) => (flagged(i) ? 6 : 3)),
              pointStyle: series.map((m, i) => (flagged(i) ? 'rectRot' : 'circle')),
              pointBackgroundColor: series.map((m, i) => (flagged(i) ? SIGNAL_COLOUR : '#1f4e79')) },
            { label: t('run.median'), data: series.map(() => rc.median), borderColor: '#555555', borderDash: [6, 4], pointRadius: 0 },
          ],
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false,
          plugins: { legend: { position: 'bottom' } }, scales: { y: { title: { display: Boolean(o.unit), text: o.unit ?? '' } } } },
        plugins: [changeLines],
      }));
    }
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
