// Ledger: the latest checkpoint, checked here in the browser (signature against the published keys,
// and consistency with the last checkpoint this browser verified, kept in localStorage per log), with
// a plain statement of what was checked. A checkpoint that fails a check is flagged and not remembered.
import { api, data, el, formatNumber, formatTime, t } from './core.js';
import { parseNote, verifyConsistency, verifySignature } from './ledger.js';

const seenKey = origin => `takedownfn.checkpoint.${origin}`;

export async function renderLedger(main) {
  const [checkpoint, keys] = await Promise.all([api('ledger/checkpoint'), api('ledger/keys')]);
  const checks = [];
  // A check's text is translated; an id it names (a key id) is data, shown apart from the sentence.
  const check = (ok, text, id = null) => { checks.push({ ok, text, id }); return ok; };
  let note = null;
  try { note = parseNote(checkpoint.checkpoint); } catch { check(false, t('ledger.malformed')); }
  if (note) {
    const signature = await verifySignature(note, keys.keys, keys.origin);
    check(signature.ok, signature.ok ? t('ledger.signatureOk') : t('ledger.signatureBad'), signature.ok ? signature.keyId : null);
    check(note.origin === keys.origin, note.origin === keys.origin ? t('ledger.originOk') : t('ledger.originBad'));
    const fields = note.treeSize === checkpoint.treeSize && note.rootHash === checkpoint.rootHash;
    check(fields, fields ? t('ledger.fieldsOk') : t('ledger.fieldsBad'));
    const seen = JSON.parse(localStorage.getItem(seenKey(note.origin)) ?? 'null');
    if (!seen) {
      check(true, t('ledger.firstVisit'));
    } else if (seen.treeSize > note.treeSize) {
      check(false, t('ledger.shrank', { before: formatNumber(seen.treeSize), now: formatNumber(note.treeSize) }));
    } else {
      let consistent;
      if (seen.treeSize === note.treeSize) {
        consistent = seen.rootHash === note.rootHash;
      } else {
        const proof = await api(`ledger/proofs/consistency?from=${seen.treeSize}&to=${note.treeSize}`);
        // The roots come from the checkpoints this browser checked, never from the proof's answer.
        consistent = await verifyConsistency(seen.treeSize, note.treeSize, seen.rootHash, note.rootHash, proof.proof);
      }
      check(consistent, consistent
        ? t('ledger.consistentOk', { before: formatNumber(seen.treeSize), now: formatNumber(note.treeSize) })
        : t('ledger.consistentBad', { before: formatNumber(seen.treeSize), now: formatNumber(note.treeSize) }));
    }
  }
  const verified = checks.every(c => c.ok);
  if (verified) localStorage.setItem(seenKey(note.origin), JSON.stringify({ treeSize: note.treeSize, rootHash: note.rootHash, at: new Date().toISOString() }));
  main.replaceChildren(
    el('h2', {}, t('ledger.title')),
    el('p', { id: 'ledger-verdict', className: verified ? 'good' : 'bad', role: 'status', dataset: { verified: String(verified) } },
      verified ? t('ledger.verified') : t('ledger.tampered')),
    el('dl', {},
      el('dt', {}, t('ledger.origin')), el('dd', {}, data(checkpoint.origin)),
      el('dt', {}, t('ledger.treeSize')), el('dd', { id: 'ledger-tree-size' }, formatNumber(checkpoint.treeSize)),
      el('dt', {}, t('ledger.rootHash')), el('dd', {}, data(checkpoint.rootHash)),
      el('dt', {}, t('ledger.publishedAt')), el('dd', {}, formatTime(checkpoint.publishedAt))),
    el('h3', {}, t('ledger.checked')),
    el('ul', { className: 'checks', id: 'ledger-checks' }, checks.map(c => el('li', { className: c.ok ? 'good' : 'bad' }, (c.ok ? '✓ ' : '✗ ') + c.text, c.id ? ' ' : '', c.id ? data(c.id) : ''))),
    el('p', { className: 'muted' }, t('ledger.notChecked')),
    el('h3', {}, t('ledger.keys')),
    el('ul', {}, keys.keys.map(k => el('li', {}, data(k.keyId), k.signing ? ` (${t('ledger.signingKey')})` : ''))));
}
