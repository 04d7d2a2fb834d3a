// Now: the stages at risk (breached, or due within a day) sorted by deadline with live countdowns,
// the open breaches, and the streams whose doxxing surge is open.
import { api, data, el, formatDuration, formatNumber, formatTime, label, num, t, table } from './core.js';

export async function renderNow(main, { every }) {
  const risk = await api('sla/at-risk?within=P1D');
  const breaches = risk.items.filter(i => i.status === 'breached');
  const countdowns = [];
  const row = i => {
    const cell = num('', { dataset: { deadline: i.deadline ?? '' } });
    countdowns.push(cell);
    return [data(i.caseId), label('stage', i.stage), el('span', { className: i.status === 'due-soon' ? '' : 'bad' }, label('atRisk', i.status)), formatTime(i.deadline), cell];
  };
  const surges = risk.surges.map(s => [data(s.stream), data(s.caseId), formatTime(s.firedAt), num(formatNumber(s.windowCount)), num(formatNumber(s.expected, 2)),
    s.recommendedMeasures.map(m => label('measure', m)).join(t('list.separator'))]);
  main.replaceChildren(
    el('h2', {}, t('now.title')),
    el('p', { className: 'muted' }, t('now.asOf', { time: formatTime(risk.asOf) })),
    el('h3', {}, t('now.atRisk'), ' ', el('span', { id: 'at-risk-count' }, formatNumber(risk.items.length))),
    risk.items.length ? table(['col.case', 'col.stage', 'col.status', 'col.deadline', 'col.countdown'], risk.items.map(row), { id: 'at-risk' }) : el('p', {}, t('now.none')),
    el('h3', {}, t('now.breaches'), ' ', el('span', { id: 'breach-count' }, formatNumber(breaches.length))),
    breaches.length ? table(['col.case', 'col.stage', 'col.deadline'], breaches.map(b => [data(b.caseId), label('stage', b.stage), formatTime(b.deadline)]), { id: 'breaches' }) : el('p', {}, t('now.none')),
    el('h3', {}, t('now.surges'), ' ', el('span', { id: 'surge-count' }, formatNumber(risk.surges.length))),
    surges.length ? table(['col.stream', 'col.firedBy', 'col.firedAt', 'col.windowCount', 'col.expected', 'col.measures'], surges, { id: 'surges' }) : el('p', {}, t('now.none')));
  const tick = () => {
    for (const cell of countdowns) {
      if (!cell.dataset.deadline) { cell.textContent = '—'; continue; }
      const left = new Date(cell.dataset.deadline) - Date.now();
      cell.textContent = left < 0 ? t('now.overdueBy', { time: formatDuration(-left) }) : formatDuration(left);
      cell.className = left < 0 ? 'num bad' : 'num';
    }
  };
  tick();
  every(1000, tick);
}
