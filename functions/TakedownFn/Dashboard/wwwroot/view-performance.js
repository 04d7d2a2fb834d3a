// Performance: the SLA report's figures for a period — share met per regime per week, time to action
// (p50/p90) per week, and counts by regime, category and severity. Every figure is the SLA report's
// (GET /api/reports/sla), weeks and days counted in UTC.
import { api, data, el, formatNumber, formatPercent, label, num, periodPicker, t, table, utcDate } from './core.js';
import { chart, color } from './charts.js';

let period = null;

const report = (groupBy) => api(`reports/sla?from=${period.from}&to=${period.to}&tz=UTC&groupBy=${groupBy}`);
const actStage = g => g.stages.find(s => s.stage === 'act');

export async function renderPerformance(main) {
  period ??= { from: utcDate(-91), to: utcDate(1) };
  const [byRegimeWeek, byWeek, byRegime, byCategory, bySeverity] = await Promise.all(
    ['regime,week', 'week', 'regime', 'category', 'severity'].map(report));
  const weeks = [...new Set(byWeek.groups.map(g => g.key.week))].sort();
  const regimes = [...new Set(byRegimeWeek.groups.map(g => g.key.regime))].sort();
  const shareChart = chart('chart-share-met', t('perf.shareMetChart'), {
    type: 'line',
    data: {
      labels: weeks,
      datasets: regimes.map((r, i) => ({
        label: label('regime', r), borderColor: color(i), backgroundColor: color(i),
        data: weeks.map(w => { const g = byRegimeWeek.groups.find(x => x.key.regime === r && x.key.week === w); const s = g && actStage(g); return s?.shareMet == null ? null : s.shareMet * 100; }),
      })),
    },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: t('perf.percentMet') } } } },
  });
  const timeChart = chart('chart-time-to-action', t('perf.timeChart'), {
    type: 'bar',
    data: {
      labels: weeks,
      datasets: [['p50Seconds', 'perf.p50'], ['p90Seconds', 'perf.p90']].map(([field, name], i) => ({
        label: t(name), backgroundColor: color(i),
        data: weeks.map(w => { const s = actStage(byWeek.groups.find(g => g.key.week === w)); return s?.[field] == null ? null : s[field] / 3600; }),
      })),
    },
    options: { scales: { y: { min: 0, title: { display: true, text: t('perf.hours') } } } },
  });
  const total = byRegime.total;
  const act = actStage(total);
  const counts = (rep, dim) => table([`col.${dim}`, 'col.received', 'col.valid', 'col.shareMet', 'col.p50', 'col.p90'],
    rep.groups.map(g => { const s = actStage(g); return [label(dim, g.key[dim]), num(formatNumber(g.received)), num(formatNumber(g.valid)), num(formatPercent(s?.shareMet)), num(hours(s?.p50Seconds)), num(hours(s?.p90Seconds))]; }),
    { id: `counts-${dim}` });
  main.replaceChildren(
    el('h2', {}, t('perf.title')),
    periodPicker(period.from, period.to, (from, to) => { period = { from, to }; renderPerformance(main).then(() => { main.dataset.ready = 'performance'; }); }),
    el('p', { className: 'muted' }, t('perf.basis')),
    table(['col.received', 'col.valid', 'col.incomplete', 'col.stillOpen', 'col.shareMet', 'col.p50', 'col.p90'], [[
      num(formatNumber(total.received), { id: 'total-received' }), num(formatNumber(total.valid), { id: 'total-valid' }), num(formatNumber(total.incomplete)),
      num(formatNumber(total.stillOpen)), num(formatPercent(act?.shareMet), { id: 'total-share-met' }), num(hours(act?.p50Seconds)), num(hours(act?.p90Seconds))]], { id: 'totals' }),
    el('div', { className: 'charts' }, shareChart, timeChart),
    el('h3', {}, t('perf.byRegime')), counts(byRegime, 'regime'),
    el('h3', {}, t('perf.byCategory')), counts(byCategory, 'category'),
    el('h3', {}, t('perf.bySeverity')), counts(bySeverity, 'severity'),
    el('p', { className: 'muted' }, t('perf.period'), ' ', data(`${period.from} – ${period.to}`)));
}

function hours(seconds) {
  return seconds == null ? '—' : t('unit.hoursShort', { n: formatNumber(seconds / 3600, 2) });
}
