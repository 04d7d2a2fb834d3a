// Cases: the tenant's cases a page at a time, filtered by state, regime and acceptance dates; a case
// shows its stages against their deadlines as a timeline, its steps, its incident, and its evidence
// bundle as JSON and PDF downloads.
import { api, data, download, el, errorText, formatDuration, formatTime, label, t, table } from './core.js';
import { chart, color } from './charts.js';

const filters = { state: '', regime: '', from: '', to: '' };
const pageSize = 20;

export async function renderCases(main) {
  await renderList(main, null, []);
}

async function renderList(main, continuation, previous) {
  const query = new URLSearchParams({ pageSize: String(pageSize) });
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (continuation) query.set('continuation', continuation);
  const page = await api(`cases?${query}`);
  const input = (name, type = 'text') => {
    const field = el('input', { type, id: `filter-${name}`, value: filters[name] });
    return el('label', { htmlFor: `filter-${name}` }, t(`filter.${name}`), field);
  };
  const form = el('form', { className: 'filters' }, input('state'), input('regime'), input('from', 'date'), input('to', 'date'), el('button', { type: 'submit' }, t('filter.apply')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    for (const name of Object.keys(filters)) filters[name] = document.getElementById(`filter-${name}`).value.trim();
    renderList(main, null, []).catch(error => main.append(el('p', { className: 'error', role: 'alert' }, errorText(error))));
  });
  const rows = page.cases.map(c => [
    el('button', { type: 'button', className: 'link', dataset: { caseId: c.caseId }, onclick: () => renderCase(main, c.caseId) }, data(c.caseId)),
    label('regime', c.regime), label('category', c.category), label('state', c.state), c.severity ? label('severity', c.severity.level) : '—', formatTime(c.receivedAt)]);
  const pager = el('div', { className: 'filters' });
  if (previous.length) pager.append(el('button', { type: 'button', id: 'page-previous', onclick: () => renderList(main, previous.at(-1), previous.slice(0, -1)) }, t('cases.previous')));
  if (page.continuation) pager.append(el('button', { type: 'button', id: 'page-next', onclick: () => renderList(main, page.continuation, [...previous, continuation]) }, t('cases.next')));
  main.replaceChildren(
    el('h2', {}, t('cases.title')), form,
    page.cases.length ? table(['col.case', 'col.regime', 'col.category', 'col.state', 'col.severity', 'col.receivedAt'], rows, { id: 'case-list' }) : el('p', {}, t('cases.none')),
    pager);
  main.dataset.ready = 'cases';
}

async function renderCase(main, id) {
  main.dataset.ready = '';
  const c = await api(`cases/${encodeURIComponent(id)}`);
  const start = new Date(c.clockStartedAt).getTime();
  const stages = c.deadlines.filter(d => d.dueAt);
  const timeline = chart('chart-timeline', t('case.timelineChart'), {
    type: 'bar',
    data: {
      labels: stages.map(d => label('stage', d.stage)),
      datasets: [
        { label: t('case.deadline'), backgroundColor: color(0), data: stages.map(d => [start, new Date(d.dueAt).getTime()]) },
        { label: t('case.completed'), backgroundColor: color(2), data: stages.map(d => d.completedAt ? [start, new Date(d.completedAt).getTime()] : null) },
      ],
    },
    options: {
      indexAxis: 'y', grouped: true,
      // Starts at the clock start (a floating bar's scale would otherwise begin at 1970).
      scales: { x: { type: 'linear', min: start, ticks: { maxTicksLimit: 6, callback: v => formatTime(new Date(v).toISOString()) } } },
      plugins: { tooltip: { callbacks: { label: ctx => `${ctx.dataset.label}: ${formatTime(new Date(ctx.raw[1]).toISOString())}` } } },
    },
  });
  const stageRows = c.deadlines.map(d => [label('stage', d.stage), el('span', { className: d.status === 'breached' ? 'bad' : d.status === 'met' ? 'good' : '' }, label('status', d.status)),
    deadlineCell(d), formatTime(d.completedAt), d.margin ? formatDuration(marginMs(d.margin)) : '—', d.provisional ? t('case.provisional') : '']);
  const stepRows = (c.timeline ?? []).map(s => [String(s.sequence), label('step', s.kind), formatTime(s.recordedAt), formatTime(s.occurredAt), data(s.actor)]);
  const result = el('p', { id: 'download-result', role: 'status' });
  const get = (format) => async () => {
    result.textContent = '';
    try {
      await download(`cases/${encodeURIComponent(id)}/evidence${format === 'pdf' ? '?format=pdf' : ''}`, format === 'pdf' ? 'application/pdf' : 'application/json', `evidence-${id}.${format}`);
      result.textContent = t('download.done');
    } catch (error) { result.textContent = errorText(error); }
  };
  main.replaceChildren(
    el('button', { type: 'button', id: 'back-to-cases', onclick: () => renderList(main, null, []) }, t('case.back')),
    el('h2', {}, t('case.title'), ' ', data(c.caseId)),
    el('dl', {},
      el('dt', {}, t('col.regime')), el('dd', {}, label('regime', c.regime)),
      el('dt', {}, t('col.state')), el('dd', { id: 'case-state' }, label('state', c.state)),
      el('dt', {}, t('case.incident')), el('dd', { id: 'case-incident' }, c.incident ? data(c.incident) : t('case.noIncident')),
      el('dt', {}, t('col.receivedAt')), el('dd', {}, formatTime(c.receivedAt)),
      el('dt', {}, t('case.clockStarted')), el('dd', {}, formatTime(c.clockStartedAt))),
    el('h3', {}, t('case.stages')),
    table(['col.stage', 'col.status', 'col.deadline', 'col.completedAt', 'col.margin', 'col.note'], stageRows, { id: 'case-stages' }),
    el('div', { className: 'charts' }, timeline),
    el('h3', {}, t('case.steps')),
    table(['col.sequence', 'col.kind', 'col.recordedAt', 'col.occurredAt', 'col.actor'], stepRows, { id: 'case-steps' }),
    el('h3', {}, t('case.evidence')),
    el('div', { className: 'filters' },
      el('button', { type: 'button', id: 'evidence-json', onclick: get('json') }, t('case.evidenceJson')),
      el('button', { type: 'button', id: 'evidence-pdf', onclick: get('pdf') }, t('case.evidencePdf'))),
    result);
  main.dataset.ready = 'case';
}

/** The deadline in the viewer's zone and, where it counts local days of the regime's calendar, in that zone too. */
function deadlineCell(d) {
  if (!d.dueAt || !d.timeZone) return formatTime(d.dueAt);
  return el('span', {}, formatTime(d.dueAt), el('br'), el('span', { className: 'muted' }, t('case.regimeZone', { time: formatTime(d.dueAt, d.timeZone) }), ' ', data(d.timeZone)));
}

/** A .NET TimeSpan ("-1.02:03:04.5", "00:10:00") in milliseconds. */
function marginMs(text) {
  const m = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return 0;
  const ms = ((+(m[2] ?? 0) * 24 + +m[3]) * 60 + +m[4]) * 60000 + +m[5] * 1000 + Math.round(+`0.${m[6] ?? 0}` * 1000);
  return m[1] ? -ms : ms;
}
