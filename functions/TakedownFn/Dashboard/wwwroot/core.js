// Shared by every view: the signed-in key, API calls, translations, formatting and small DOM helpers.
const KEY = 'takedownfn.apiKey';
const LANG = 'takedownfn.language';

let catalog = {};
export let language = 'en';

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  set key(value) { if (value) sessionStorage.setItem(KEY, value); else sessionStorage.removeItem(KEY); },
  me: null,
};

export function preferredLanguage() {
  const saved = localStorage.getItem(LANG);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export async function loadLanguage(lang) {
  const response = await fetch(`i18n/${lang}.json`);
  catalog = await response.json();
  language = lang;
  localStorage.setItem(LANG, lang);
  document.documentElement.lang = lang;
  document.title = t('app.title');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}

/** The label for key in the current language, with {name} placeholders filled. */
export function t(key, values = {}) {
  const text = catalog[key];
  if (text === undefined) { console.error(`missing translation: ${key}`); return key; }
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

/** A label for a wire id (regime, stage, status …) when the catalogue has one, else the id itself. */
export function label(kind, id) {
  return catalog[`${kind}.${id}`] ?? id;
}

/** What went wrong, in the current language; never the server's own text. */
export function errorText(error) {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('error.forbidden');
    if (error.status === 401) return t('error.unauthorized');
    return t('error.api', { status: error.status });
  }
  return t('error.network');
}


export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the API with the signed-in key (or the given one); JSON answers are parsed, others returned as a Response. */
export async function api(path, { method = 'GET', body, accept = 'application/json', key = session.key, raw = false } = {}) {
  const headers = { 'X-Api-Key': key, Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`/api/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not problem details */ }
    throw new ApiError(response.status, problem);
  }
  return raw ? response : response.json();
}

/** Fetches a document with the key and hands it to the browser as a download. */
export async function download(path, accept, fileName) {
  const response = await api(path, { accept, raw: true });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function viewerZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** An instant in the viewer's time zone (named), or in the given zone. */
export function formatTime(iso, timeZone) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(iso));
}

export function formatNumber(n, digits = 0) {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

export function formatPercent(share) {
  if (share === null || share === undefined) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A signed duration in milliseconds as "1 h 02 min 03 s" in the current language. */
export function formatDuration(ms) {
  const sign = ms < 0 ? '-' : '';
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const parts = [];
  if (d) parts.push(t('unit.days', { n: d }));
  if (d || h) parts.push(t('unit.hours', { n: h }));
  parts.push(t('unit.minutes', { n: String(m).padStart(2, '0') }));
  parts.push(t('unit.seconds', { n: String(s).padStart(2, '0') }));
  return sign + parts.join(' ');
}

/** Creates an element: el('td', { className: 'num' }, 'text', child…). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'translate') node.setAttribute('translate', value);
    else if (name in node && !name.includes('-')) node[name] = value;
    else node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Data (ids, codes) that is not a label: marked so translators and the language test skip it. */
export function data(value, tag = 'span') {
  return el(tag, { translate: 'no', className: 'mono' }, value);
}

/** A table with translated headings; rows are arrays of cells (a Node, or text). */
export function table(headings, rows, props = {}) {
  return el('table', props,
    el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col' }, t(h))))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => c instanceof Node && c.tagName === 'TD' ? c : el('td', {}, c))))));
}

export function num(value, props = {}) {
  return el('td', { className: 'num', ...props }, value);
}

export function setStatus(text) {
  document.getElementById('status').textContent = text;
}

/** The UTC date (yyyy-mm-dd) days from today. */
export function utcDate(offsetDays = 0) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

/** A period picker (from, to as UTC dates; to exclusive) whose submit calls onChange(from, to). */
export function periodPicker(from, to, onChange, submitLabel = 'period.show') {
  const fromInput = el('input', { type: 'date', id: 'period-from', value: from, required: true });
  const toInput = el('input', { type: 'date', id: 'period-to', value: to, required: true });
  const form = el('form', { className: 'filters' },
    el('label', { htmlFor: 'period-from' }, t('period.from'), fromInput),
    el('label', { htmlFor: 'period-to' }, t('period.to'), toInput),
    el('button', { type: 'submit' }, t(submitLabel)),
    el('span', { className: 'muted' }, t('period.utc')));
  form.addEventListener('submit', e => { e.preventDefault(); onChange(fromInput.value, toInput.value); });
  return form;
}
