// Reports: the period's documents for a regulator — the SLA report (CSV), the DSA transparency report
// (CSV), the statements of reasons (JSON, the EU Transparency Database's schema) and the safe-harbour
// statement (PDF) — and closing the period (frozen, signed, bound to the ledger checkpoint).
import { api, data, download, el, errorText, periodPicker, t, utcDate } from './core.js';

let period = null;

export async function renderReports(main) {
  period ??= { from: utcDate(-91), to: utcDate(1) };
  const result = el('p', { id: 'report-result', role: 'status' });
  const q = `from=${period.from}&to=${period.to}`;
  const documents = [
    ['download-sla-csv', 'reports.slaCsv', `reports/sla?${q}&tz=UTC&groupBy=regime`, 'text/csv', 'sla-report.csv'],
    ['download-dsa-csv', 'reports.dsaCsv', `reports/dsa-transparency?${q}&tz=UTC&part=notices`, 'text/csv', 'dsa-transparency.csv'],
    ['download-statements', 'reports.statements', `reports/statements-of-reasons?from=${period.from}T00:00:00Z&to=${period.to}T00:00:00Z`, 'application/json', 'statements-of-reasons.json'],
    ['download-safe-harbour', 'reports.safeHarbour', `reports/safe-harbour?${q}&format=pdf`, 'application/pdf', 'safe-harbour.pdf'],
  ];
  const buttons = documents.map(([id, name, path, accept, file]) => el('button', {
    type: 'button', id,
    onclick: async () => {
      result.textContent = '';
      try { await download(path, accept, file); result.textContent = t('download.done'); } catch (error) { result.textContent = errorText(error); }
    },
  }, t(name)));
  const closed = el('div', { id: 'closed-period' });
  const close = el('button', {
    type: 'button', id: 'close-period', className: 'primary',
    onclick: async () => {
      closed.replaceChildren();
      try {
        const answer = await api('reports/periods', { method: 'POST', body: { from: period.from, to: period.to, tz: 'UTC', groupBy: 'regime' } });
        closed.replaceChildren(el('p', { className: 'good' }, t('reports.closed')),
          el('dl', {}, el('dt', {}, t('reports.periodId')), el('dd', { id: 'period-id' }, data(answer.statement.periodId)),
            el('dt', {}, t('reports.statementSha256')), el('dd', {}, data(answer.statementSha256)),
            el('dt', {}, t('reports.treeSize')), el('dd', {}, data(String(answer.statement.checkpoint.treeSize)))));
      } catch (error) {
        closed.replaceChildren(el('p', { className: 'error', role: 'alert' }, errorText(error)));
      }
    },
  }, t('reports.close'));
  main.replaceChildren(
    el('h2', {}, t('reports.title')),
    periodPicker(period.from, period.to, (from, to) => { period = { from, to }; renderReports(main); }, 'period.choose'),
    el('h3', {}, t('reports.documents')),
    el('div', { className: 'filters' }, buttons), result,
    el('h3', {}, t('reports.closeTitle')),
    el('p', { className: 'muted' }, t('reports.closeHelp')),
    close, closed);
}
