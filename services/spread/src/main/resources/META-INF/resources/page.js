// What every page beside the dashboard shares: the session (the token the dashboard stored in sessionStorage), the
// language (kept in the address), texts, element building, API calls with errors in the page's language, code lists.
'use strict';

window.Page = (() => {
  const TOKEN_KEY = 'spread.token';
  const LANG_KEY = 'spread.lang';
  const LOCALES = { nb: 'nb-NO', en: 'en-GB' };
  const COMMON = {
    nb: {
      skipLink: 'Hopp til hovedinnhold', back: 'Til oversikten', langSwitch: 'English',
      notSignedIn: 'Du er ikke logget inn. Åpne siden fra oversikten, der du logger inn.',
      network: 'Fikk ikke kontakt med tjenesten. Prøv igjen.', notFound: 'Fant ikke det du ba om.',
      forbidden: 'Du har ikke tilgang til dette.', failed: 'Tjenesten svarte med en feil (HTTP {status}).',
      invalid: 'Ikke lagret – rett opp dette:', none: 'Ikke oppgitt', loading: 'Henter …',
    },
    en: {
      skipLink: 'Skip to main content', back: 'Back to the overview', langSwitch: 'Norsk',
      notSignedIn: 'You are not signed in. Open this page from the overview, where you sign in.',
      network: 'Could not reach the service. Please try again.', notFound: 'Not found.',
      forbidden: 'You do not have access to this.', failed: 'The service answered with an error (HTTP {status}).',
      invalid: 'Not saved – please correct:', none: 'Not given', loading: 'Loading …',
    },
  };
  const s = { lang: 'nb', token: null, texts: COMMON, codes: new Map(), render: () => {} };
  const $ = (id) => document.getElementById(id);
  const arr = (x) => (Array.isArray(x) ? x : []);
  const stored = (store, key) => { try { return store.getItem(key); } catch { return null; } };

  function t(key, params = {}) {
    const raw = s.texts[s.lang]?.[key] ?? s.texts.nb?.[key] ?? key;
    return raw.replace(/\{(\w+)\}/g, (m, k) => (params[k] ?? m));
  }

  function h(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) if (v != null && v !== false) el.setAttribute(k, v === true ? '' : v);
    el.append(...children.flat(Infinity).filter((c) => c != null && c !== false).map((c) => (c instanceof Node ? c : String(c))));
    return el;
  }

  /** A code's name from the code lists in the page's language; the code itself when no list names it. */
  function label(list, code) {
    const c = s.codes.get(`${list}/${code}`);
    return c ? (s.lang === 'en' ? c.nameEn : c.nameNb) || code : code;
  }

  /** The codes of one list as [code, name] in the page's language, for a picker. */
  function codes(list) {
    return [...s.codes.entries()].filter(([k]) => k.startsWith(`${list}/`)).map(([, c]) => [c.code, label(list, c.code)]);
  }

  const locale = () => LOCALES[s.lang];
  const dateTime = (iso) => (iso ? new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'medium' }) : '–');
  const date = (iso) => (iso ? new Date(iso).toLocaleDateString(locale()) : '–');

  /** An error the page can show: its message is in the page's language, {@code fields} names what was refused. */
  class ApiError extends Error {
    constructor(status, message, fields = []) {
      super(message);
      this.status = status;
      this.fields = fields;
    }
  }

  async function api(url, { method = 'GET', body } = {}) {
    let res;
    try {
      res = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${s.token}`, Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, t('network'));
    }
    if (res.ok) return res.status === 204 ? null : res.json();
    let problem = null;
    try { problem = await res.json(); } catch { /* not problem+json */ }
    const st = res.status;
    const fields = arr(problem?.errors).map((e) => ({ field: e.field, message: e.message }));
    const message = st === 401 ? t('notSignedIn') : st === 403 ? t('forbidden') : st === 404 ? t('notFound')
      : st === 400 || st === 422 ? t('invalid') : t('failed', { status: st });
    throw new ApiError(st, message, fields);
  }

  async function loadCodes() {
    const all = await api('/api/code-lists').catch(() => null);
    for (const list of arr(all?.lists)) for (const c of arr(list.codes)) s.codes.set(`${list.name}/${c.code}`, c);
  }

  function section(id, heading, ...content) {
    return h('section', { class: 'panel', id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, heading), ...content);
  }

  function table(head, rows, caption) {
    return h('div', { class: 'table-wrap' }, h('table', { class: 'data' }, caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col', class: 'text' }, c)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: 'text' }, c))))))));
  }

  /** Shows an error where the page keeps them (role=alert), with the refused fields listed. */
  function showError(e) {
    const fields = arr(e?.fields);
    $('error').replaceChildren(h('p', {}, e?.message ?? String(e)),
      fields.length ? h('ul', {}, fields.map((f) => h('li', { 'data-field': f.field }, `${f.field}: ${f.message}`))) : null);
  }

  const clearError = () => $('error').replaceChildren();

  /** The address of another page in this language. */
  function link(path, params = {}) {
    const q = new URLSearchParams(params);
    if (s.lang === 'en') q.set('lang', 'en');
    const qs = q.toString();
    return qs ? `${path}?${qs}` : path;
  }

  function applyTexts() {
    document.documentElement.lang = s.lang;
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    const sw = $('lang-switch');
    sw.textContent = t('langSwitch');
    sw.lang = s.lang === 'nb' ? 'en' : 'nb';
    const back = $('back');
    if (back) back.href = link('./');
  }

  /** A link may carry #token=… (as the dashboard's does): kept for this tab's session, dropped from the address. */
  function takeTokenFromFragment() {
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    const token = fragment.get('token');
    if (!token) return;
    try { sessionStorage.setItem(TOKEN_KEY, token); } catch { /* storage disabled: this page only */ }
    s.token = token;
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(history.state, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
  }

  /** Reads language and session, wires the language switch, then renders and loads. */
  function start({ texts, render, load }) {
    s.texts = { nb: { ...COMMON.nb, ...texts.nb }, en: { ...COMMON.en, ...texts.en } };
    s.render = () => { applyTexts(); render(); };
    const params = new URLSearchParams(window.location.search);
    s.lang = params.get('lang') === 'en' || (!params.get('lang') && stored(localStorage, LANG_KEY) === 'en') ? 'en' : 'nb';
    takeTokenFromFragment();
    s.token = stored(sessionStorage, TOKEN_KEY) ?? s.token;
    $('lang-switch').addEventListener('click', () => {
      s.lang = s.lang === 'nb' ? 'en' : 'nb';
      try { localStorage.setItem(LANG_KEY, s.lang); } catch { /* storage disabled */ }
      const u = new URL(window.location.href);
      if (s.lang === 'en') u.searchParams.set('lang', 'en'); else u.searchParams.delete('lang');
      history.replaceState(null, '', u);
      s.render();
    });
    s.render();
    if (!s.token) {
      showError(new ApiError(401, t('notSignedIn')));
      done();
      return;
    }
    Promise.resolve(load()).catch((e) => { showError(e.status !== undefined ? e : new ApiError(0, t('network'))); done(); });
  }

  /** Marks the page as loaded (tests and print wait for it). */
  function done() {
    const l = $('loading');
    if (l) l.hidden = true;
    document.body.dataset.loaded = 'true';
  }

  return { $, arr, t, h, label, codes, api, ApiError, loadCodes, section, table, showError, clearError, link, start,
    done, date, dateTime, locale, render: () => s.render(), lang: () => s.lang };
})();
