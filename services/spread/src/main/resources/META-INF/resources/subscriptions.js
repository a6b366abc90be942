// A subscriber's own subscriptions: create and edit filters from the code lists, pause, resume, replay, rotate the
// signing secret (shown once) and read the delivery log attempt by attempt. Everything goes through the same API a
// municipality's developer uses.
'use strict';

(() => {
  const { $, arr, t, h, label, codes, api, section, table, showError, clearError, done } = window.Page;
  const TEXTS = {
    nb: {
      title: 'Abonnementer', intro: 'Velg hva virksomheten vil ha beskjed om, og hvor: en webhook, en strøm (SSE) eller en feed-adresse.',
      listHeading: 'Virksomhetens abonnementer', new: 'Nytt abonnement', none: 'Virksomheten har ingen abonnementer ennå.',
      name: 'Navn', status: 'Status', webhook: 'Webhook', filters: 'Utvalg', actions: 'Handlinger', created: 'Opprettet',
      'st.ACTIVE': 'aktiv', 'st.PAUSED': 'satt på pause', noWebhook: 'ingen (strøm og feed)', anyFilter: 'alt',
      edit: 'Endre utvalg', pause: 'Sett på pause', resume: 'Gjenoppta', replay: 'Send på nytt', rotate: 'Ny hemmelighet',
      showLog: 'Leveranselogg', remove: 'Slett', confirmRemove: 'Slette abonnementet «{name}»? Leveranseloggen slettes også.',
      newHeading: 'Nytt abonnement', editHeading: 'Endre «{name}»', save: 'Lagre', cancel: 'Avbryt',
      nameHint: 'Et navn dere kjenner igjen, for eksempel «Utfall i vårt helsefellesskap».',
      webhookHint: 'HTTPS-adressen som skal motta hendelsene (valgfri). Uten webhook leser dere strømmen eller feeden.',
      'f.partnerships': 'Helsefellesskap', 'f.priorityGroups': 'Prioriterte grupper', 'f.personnelGroups': 'Personellgrupper',
      'f.taskCategories': 'Oppgavekategorier', 'f.eventTypes': 'Hendelsestyper', 'f.recommendations': 'Anbefalinger',
      'f.kommunenummer': 'Kommunenummer', 'f.organisations': 'Organisasjonsnumre', 'f.includeSandbox': 'Ta med test- og prøveorganisasjoner',
      'f.models': 'Modeller', listHint: 'Skill flere med komma.', emptyMeansAll: 'Ingen valgt betyr alle.',
      created_: 'Abonnementet «{name}» er lagret.', saved: 'Endringene er lagret.',
      secretOnce: 'Hemmeligheten til å kontrollere signaturene vises bare nå. Lagre den hos mottakeren:',
      rotated: 'Ny hemmelighet laget. Den gamle gjelder til {until}, så mottakeren rekker å bytte.',
      paused: 'Abonnementet er satt på pause.', resumed: 'Abonnementet er i gang igjen.',
      replaySince: 'Send på nytt alt fra', replayed: '{n} hendelser sendes på nytt.', removed: 'Abonnementet er slettet.',
      logHeading: 'Leveranselogg for «{name}»', logNone: 'Ingen leveranser ennå.', refresh: 'Oppdater',
      event: 'Hendelse', occurred: 'Skjedde', state: 'Tilstand', attempts: 'Forsøk', lastStatus: 'Siste svar',
      delivered: 'Levert', nextAttempt: 'Neste forsøk', attemptNo: 'Forsøk {n}', at: 'Tidspunkt', code: 'Svar',
      latency: 'Tid (ms)', error: 'Feil', 'state.PENDING': 'venter', 'state.DELIVERED': 'levert', 'state.FAILED': 'feilet',
      'state.NONE': 'uten webhook', feeds: 'Strøm og feed (adresser for et program med tilgangsnøkkel)', pausedBecause: 'Pause: {why}',
      notSubscriber: 'Tilgangsnøkkelen gir ikke rollen «subscriber», som trengs for abonnementer.',
    },
    en: {
      title: 'Subscriptions', intro: 'Choose what your organisation wants to hear about, and where: a webhook, a stream (SSE) or a feed URL.',
      listHeading: 'Your organisation’s subscriptions', new: 'New subscription', none: 'Your organisation has no subscriptions yet.',
      name: 'Name', status: 'Status', webhook: 'Webhook', filters: 'Filters', actions: 'Actions', created: 'Created',
      'st.ACTIVE': 'active', 'st.PAUSED': 'paused', noWebhook: 'none (stream and feed)', anyFilter: 'everything',
      edit: 'Edit filters', pause: 'Pause', resume: 'Resume', replay: 'Replay', rotate: 'Rotate secret',
      showLog: 'Delivery log', remove: 'Delete', confirmRemove: 'Delete the subscription “{name}”? Its delivery log goes too.',
      newHeading: 'New subscription', editHeading: 'Edit “{name}”', save: 'Save', cancel: 'Cancel',
      nameHint: 'A name you recognise, for example “Outcomes in our partnership”.',
      webhookHint: 'The HTTPS address that receives the events (optional). Without a webhook, read the stream or the feed.',
      'f.partnerships': 'Partnerships', 'f.priorityGroups': 'Priority groups', 'f.personnelGroups': 'Personnel groups',
      'f.taskCategories': 'Task categories', 'f.eventTypes': 'Event types', 'f.recommendations': 'Recommendations',
      'f.kommunenummer': 'Municipality numbers', 'f.organisations': 'Organisation numbers', 'f.includeSandbox': 'Include test and probe organisations',
      'f.models': 'Models', listHint: 'Separate several with commas.', emptyMeansAll: 'None chosen means all.',
      created_: 'The subscription “{name}” is saved.', saved: 'The changes are saved.',
      secretOnce: 'The secret to verify signatures is shown only now. Store it with the receiver:',
      rotated: 'New secret made. The old one stays valid until {until}, so the receiver has time to switch.',
      paused: 'The subscription is paused.', resumed: 'The subscription is running again.',
      replaySince: 'Send again everything since', replayed: '{n} events are sent again.', removed: 'The subscription is deleted.',
      logHeading: 'Delivery log of “{name}”', logNone: 'No deliveries yet.', refresh: 'Refresh',
      event: 'Event', occurred: 'Occurred', state: 'State', attempts: 'Attempts', lastStatus: 'Last answer',
      delivered: 'Delivered', nextAttempt: 'Next attempt', attemptNo: 'Attempt {n}', at: 'Time', code: 'Answer',
      latency: 'Time (ms)', error: 'Error', 'state.PENDING': 'pending', 'state.DELIVERED': 'delivered', 'state.FAILED': 'failed',
      'state.NONE': 'no webhook', feeds: 'Stream and feed (addresses for a program with the token)', pausedBecause: 'Paused: {why}',
      notSubscriber: 'The token does not carry the role “subscriber”, which subscriptions need.',
    },
  };
  // Filters picked from code lists (the list each one's codes come from) and those typed as comma-separated values.
  const PICKED = [['partnerships', null], ['priorityGroups', 'priority-group'], ['taskCategories', 'task-category'],
    ['personnelGroups', 'personnel-group'], ['eventTypes', 'feed-event-type'], ['recommendations', 'recommendation']];
  const TYPED = ['kommunenummer', 'organisations'];
  const state = { list: [], partnerships: [], editing: null, log: null };

  const eventName = (type) => (type ?? '').replace(/^no\.helsefellesskap\./, '').replace(/\.v\d+$/, '');

  function options(field) {
    if (field === 'partnerships') return state.partnerships.map((p) => [p.code, p.name]);
    const list = PICKED.find(([f]) => f === field)[1];
    return codes(list).map(([c, n]) => [c, list === 'feed-event-type' ? eventName(c) : n]);
  }

  function filterSummary(f) {
    const parts = [...PICKED.map(([k]) => k), ...TYPED, 'models'].filter((k) => arr(f?.[k]).length).map((k) => {
      const names = arr(f[k]).map((v) => (k === 'partnerships' ? state.partnerships.find((p) => p.code === v)?.name ?? v
        : k === 'eventTypes' ? eventName(v) : PICKED.find(([x]) => x === k) ? label(PICKED.find(([x]) => x === k)[1], v) : v));
      return `${t(`f.${k}`)}: ${names.join(', ')}`;
    });
    if (f?.includeSandbox) parts.push(t('f.includeSandbox'));
    return parts.length ? parts.join(' · ') : t('anyFilter');
  }

  function notice(...content) {
    $('notice').replaceChildren(h('p', {}, ...content));
  }

  // ---------- list ----------

  function renderList() {
    const body = $('list-body');
    if (!state.list.length) {
      body.replaceChildren(h('p', {}, t('none')));
      return;
    }
    body.replaceChildren(table([t('name'), t('status'), t('webhook'), t('filters'), t('feeds'), t('actions')],
      state.list.map((s) => [
        h('span', { 'data-subscription': s.id }, s.name),
        h('span', {}, t(`st.${s.status}`), s.status === 'PAUSED' && s.pausedReason ? h('br') : null,
          s.status === 'PAUSED' && s.pausedReason ? h('small', {}, t('pausedBecause', { why: s.pausedReason })) : null),
        s.webhookUrl ?? t('noWebhook'),
        filterSummary(s.filters),
        // addresses for a feed reader or a program with the token, not links: opened here they would answer 401
        h('span', { class: 'links' }, 'Atom: ', h('code', {}, s.links?.atom ?? '–'), h('br'),
          'JSON Feed: ', h('code', {}, s.links?.jsonFeed ?? '–'), h('br'),
          'SSE: ', h('code', {}, s.links?.events ?? '–')),
        h('div', { class: 'actions' },
          button('edit', s), s.status === 'PAUSED' ? button('resume', s) : button('pause', s),
          s.webhookUrl ? button('replay', s) : null, s.webhookUrl ? button('rotate', s) : null,
          button('showLog', s), button('remove', s)),
      ])));
  }

  function button(action, s) {
    return h('button', { type: 'button', 'data-action': action, 'data-id': s.id,
      'aria-label': `${t(action)}: ${s.name}` }, t(action));
  }

  async function reload() {
    state.list = arr(await api('/api/subscriptions'));
    renderList();
  }

  // ---------- editor ----------

  function openEditor(s) {
    state.editing = s ?? null;
    const f = s?.filters ?? {};
    const fields = [
      h('div', { class: 'field' }, h('label', { for: 'sub-name' }, t('name')),
        h('input', { id: 'sub-name', name: 'name', required: true, maxlength: '200', value: s?.name ?? '', 'aria-describedby': 'sub-name-hint' }),
        h('p', { id: 'sub-name-hint', class: 'how' }, t('nameHint'))),
      h('div', { class: 'field' }, h('label', { for: 'sub-webhookUrl' }, t('webhook')),
        h('input', { id: 'sub-webhookUrl', name: 'webhookUrl', type: 'url', maxlength: '2000', value: s?.webhookUrl ?? '', 'aria-describedby': 'sub-webhook-hint' }),
        h('p', { id: 'sub-webhook-hint', class: 'how' }, t('webhookHint'))),
      h('p', { class: 'how' }, t('emptyMeansAll')),
      ...PICKED.map(([field]) => h('fieldset', { class: 'choices', 'data-filter': field, id: `sub-${field}` },
        h('legend', {}, t(`f.${field}`)),
        options(field).map(([code, name]) => h('label', { class: 'choice' },
          h('input', { type: 'checkbox', name: field, value: code, checked: arr(f[field]).includes(code) }), ` ${name}`)))),
      ...TYPED.map((field) => h('div', { class: 'field' }, h('label', { for: `sub-${field}` }, t(`f.${field}`)),
        h('input', { id: `sub-${field}`, name: field, value: arr(f[field]).join(', '), 'aria-describedby': 'sub-list-hint', inputmode: 'numeric' }))),
      h('p', { id: 'sub-list-hint', class: 'how' }, t('listHint')),
      h('div', { class: 'field field-check' }, h('input', { type: 'checkbox', id: 'sub-includeSandbox', name: 'includeSandbox', checked: f.includeSandbox === true }),
        h('label', { for: 'sub-includeSandbox' }, t('f.includeSandbox'))),
      h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('save')), ' ',
        h('button', { type: 'button', id: 'cancel' }, t('cancel'))),
    ];
    $('form').replaceChildren(...fields);
    $('editor-h').textContent = s ? t('editHeading', { name: s.name }) : t('newHeading');
    $('editor').hidden = false;
    $('editor-h').focus();
  }

  function formBody() {
    const form = $('form');
    const filters = { ...(state.editing?.filters ?? {}) }; // filters this form does not show (models) are kept
    for (const [field] of PICKED) filters[field] = [...form.querySelectorAll(`input[name="${field}"]:checked`)].map((i) => i.value);
    for (const field of TYPED) filters[field] = form.elements[field].value.split(',').map((v) => v.trim()).filter(Boolean);
    filters.includeSandbox = form.elements.includeSandbox.checked;
    return { name: form.elements.name.value.trim(), webhookUrl: form.elements.webhookUrl.value.trim() || null, filters };
  }

  /** Marks the refused inputs (aria-invalid) so a screen reader names them, and focuses the first. */
  function markInvalid(fields) {
    const form = $('form');
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    let first = null;
    for (const { field } of fields) {
      const name = String(field).replace(/^filters\./, '').replace(/\[\d+\]$/, '');
      const el = $(`sub-${name}`);
      if (el) {
        el.setAttribute('aria-invalid', 'true');
        first ??= el.matches('fieldset') ? el.querySelector('input') : el;
      }
    }
    first?.focus();
  }

  async function save(event) {
    event.preventDefault();
    clearError();
    const body = formBody();
    const editing = state.editing;
    try {
      const saved = await api(editing ? `/api/subscriptions/${editing.id}` : '/api/subscriptions',
        { method: editing ? 'PUT' : 'POST', body });
      $('editor').hidden = true;
      state.editing = null;
      await reload();
      notice(editing ? t('saved') : t('created_', { name: saved.name }),
        saved.secret ? [h('br'), t('secretOnce'), ' ', h('code', { id: 'secret' }, saved.secret)] : null);
      $('notice').focus?.();
    } catch (e) {
      showError(e);
      markInvalid(arr(e.fields));
    }
  }

  // ---------- actions ----------

  async function act(action, id) {
    const s = state.list.find((x) => x.id === id);
    if (!s) return;
    clearError();
    try {
      if (action === 'edit') return openEditor(s);
      if (action === 'showLog' || action === 'replay') return await showLog(s, action === 'replay');
      if (action === 'pause' || action === 'resume') {
        await api(`/api/subscriptions/${id}/${action}`, { method: 'POST' });
        notice(t(action === 'pause' ? 'paused' : 'resumed'));
      } else if (action === 'rotate') {
        const r = await api(`/api/subscriptions/${id}/secret`, { method: 'POST' });
        notice(t('rotated', { until: window.Page.dateTime(r.previousSecretsValidUntil) }), h('br'), t('secretOnce'), ' ',
          h('code', { id: 'secret' }, r.secret));
      } else if (action === 'remove') {
        if (!window.confirm(t('confirmRemove', { name: s.name }))) return;
        await api(`/api/subscriptions/${id}`, { method: 'DELETE' });
        if (state.log?.id === id) { state.log = null; $('log').hidden = true; }
        notice(t('removed'));
      }
      await reload();
    } catch (e) {
      showError(e);
    }
  }

  /** Sends again what matched since a time the subscriber picks (local time in the form, sent as an instant). */
  async function replay(event) {
    event.preventDefault();
    const s = state.log;
    const local = event.target.elements.since.value;
    if (!s || !local) return;
    clearError();
    try {
      const r = await api(`/api/subscriptions/${s.id}/replay`, { method: 'POST', body: { since: new Date(local).toISOString() } });
      notice(t('replayed', { n: r.requeued }));
      await showLog(s);
    } catch (e) {
      showError(e);
    }
  }

  async function showLog(s, focusReplay = false) {
    state.log = s;
    const deliveries = arr(await api(`/api/subscriptions/${s.id}/deliveries?limit=50`));
    $('log-h').textContent = t('logHeading', { name: s.name });
    const dt = window.Page.dateTime;
    const dayAgo = new Date(Date.now() - 24 * 3600 * 1000 - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 16);
    $('log-body').replaceChildren(
      h('p', {}, h('button', { type: 'button', 'data-action': 'showLog', 'data-id': s.id }, t('refresh'))),
      s.webhookUrl ? h('form', { id: 'replay-form', class: 'inline-form' },
        h('label', { for: 'replay-since' }, t('replaySince')), ' ',
        h('input', { type: 'datetime-local', id: 'replay-since', name: 'since', required: true, value: dayAgo }), ' ',
        h('button', { type: 'submit' }, t('replay'))) : null,
      h('div', { class: 'deliveries' }, deliveries.length ? deliveries.map((d) => h('div', { class: 'delivery', 'data-delivery': d.webhookId, 'data-state': d.state },
        h('h3', {}, `${eventName(d.type)} – ${t(`state.${d.state}`)}`),
        h('dl', { class: 'facts' },
          h('dt', {}, t('occurred')), h('dd', {}, dt(d.occurredAt)),
          h('dt', {}, t('attempts')), h('dd', {}, String(d.attempts)),
          h('dt', {}, t('lastStatus')), h('dd', {}, d.lastStatus ?? d.lastError ?? '–'),
          h('dt', {}, t('delivered')), h('dd', {}, dt(d.deliveredAt)),
          d.nextAttemptAt ? [h('dt', {}, t('nextAttempt')), h('dd', {}, dt(d.nextAttemptAt))] : null),
        arr(d.log).length ? table([t('attempts'), t('at'), t('code'), t('latency'), t('error')],
          arr(d.log).map((a) => [t('attemptNo', { n: a.attempt }), dt(a.at), a.statusCode ?? '–', a.latencyMs ?? '–', a.error ?? '–'])) : null))
        : h('p', {}, t('logNone'))));
    $('log').hidden = false;
    $('replay-form')?.addEventListener('submit', replay);
    (focusReplay ? $('replay-since') : $('log-h')).focus();
  }

  // ---------- page ----------

  function render() {
    document.title = `${t('title')} – Oppgavedeling`;
    if (state.loaded) renderList();
  }

  async function load() {
    await window.Page.loadCodes();
    try {
      state.partnerships = arr(await api('/api/dashboard/partnerships'));
      state.list = arr(await api('/api/subscriptions'));
    } catch (e) {
      if (e.status === 403) e.message = t('notSubscriber');
      throw e;
    }
    state.loaded = true;
    $('list').hidden = false;
    renderList();
    done();
  }

  $('new').addEventListener('click', () => openEditor(null));
  $('form').addEventListener('submit', save);
  $('form').addEventListener('click', (e) => {
    if (e.target.id === 'cancel') { $('editor').hidden = true; state.editing = null; }
  });
  document.body.addEventListener('click', (e) => {
    const b = e.target.closest('[data-action]');
    if (b) act(b.dataset.action, b.dataset.id);
  });
  window.Page.start({ texts: TEXTS, render, load });
})();
