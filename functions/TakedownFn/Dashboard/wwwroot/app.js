// The dashboard's shell: sign-in (an officer or auditor key, kept for this browser session only),
// language switch, and the view navigation. Each view module renders into <main>.
import { ApiError, api, el, errorText, loadLanguage, preferredLanguage, session, setStatus, t, label } from './core.js';
import { renderNow } from './view-now.js';
import { renderPerformance } from './view-performance.js';
import { renderCases } from './view-cases.js';
import { renderReports } from './view-reports.js';
import { renderLedger } from './view-ledger.js';

const views = { now: renderNow, performance: renderPerformance, cases: renderCases, reports: renderReports, ledger: renderLedger };
const allowedRoles = ['officer', 'auditor'];
let current = 'now';
let timers = [];

/** Views register their intervals here so leaving the view stops them. */
export function every(ms, fn) { timers.push(setInterval(fn, ms)); }

async function show(view) {
  current = view;
  timers.forEach(clearInterval);
  timers = [];
  for (const b of document.querySelectorAll('#views button')) {
    if (b.dataset.view === view) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
  }
  const main = document.getElementById('main');
  main.replaceChildren(el('p', { className: 'muted' }, t('status.loading')));
  main.dataset.view = view;
  try {
    await views[view](main, { every });
    main.dataset.ready = view;
    setStatus('');
  } catch (error) {
    console.error(error);
    main.replaceChildren(el('p', { className: 'error', role: 'alert' }, errorText(error)));
    main.dataset.ready = view;
  }
}

async function signIn(key) {
  const message = document.getElementById('sign-in-error');
  message.textContent = '';
  let me;
  try {
    me = await api('me', { key });
  } catch (error) {
    message.textContent = error instanceof ApiError && error.status === 401 ? t('signin.unknownKey') : errorText(error);
    return false;
  }
  if (!allowedRoles.includes(me.role)) {
    message.textContent = t('signin.refused', { role: label('role', me.role) });
    return false;
  }
  session.key = key;
  session.me = me;
  document.getElementById('sign-in').hidden = true;
  document.getElementById('views').hidden = false;
  const who = document.getElementById('who');
  who.hidden = false;
  who.replaceChildren(t('signin.as', { role: label('role', me.role) }), ' ', el('span', { translate: 'no', className: 'mono', id: 'tenant-id' }, me.tenantId));
  document.getElementById('sign-out').hidden = false;
  await show(current);
  return true;
}

function signOut() {
  session.key = null;
  session.me = null;
  timers.forEach(clearInterval);
  document.getElementById('sign-in').hidden = false;
  document.getElementById('views').hidden = true;
  document.getElementById('who').hidden = true;
  document.getElementById('sign-out').hidden = true;
  document.getElementById('main').replaceChildren();
  document.getElementById('api-key').focus();
}

async function start() {
  const picker = document.getElementById('language');
  picker.value = preferredLanguage();
  await loadLanguage(picker.value);
  picker.addEventListener('change', async () => {
    await loadLanguage(picker.value);
    if (session.me) await signIn(session.key); else document.getElementById('sign-in-error').textContent = '';
  });
  document.getElementById('sign-in-form').addEventListener('submit', async e => {
    e.preventDefault();
    const input = document.getElementById('api-key');
    if (await signIn(input.value.trim())) input.value = '';
  });
  document.getElementById('sign-out').addEventListener('click', signOut);
  for (const b of document.querySelectorAll('#views button')) b.addEventListener('click', () => show(b.dataset.view));
  document.body.dataset.started = 'true';
  if (session.key && !(await signIn(session.key))) session.key = null;
}

start();
