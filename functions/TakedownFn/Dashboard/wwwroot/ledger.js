// Checks a ledger checkpoint in the browser, trusting nothing the server says beyond its bytes:
// the C2SP signed note's ECDSA P-256 signature (signed-note type 0x02: key id = the first four bytes
// of SHA-256 of the DER SubjectPublicKeyInfo; signature DER over SHA-256 of the note text), checked
// with WebCrypto against the published keys, and an RFC 9162 §2.1.4.2 consistency proof from the
// last checkpoint this browser verified.

const enc = new TextEncoder();

export function base64ToBytes(text) {
  return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}

export function hex(bytes) {
  return [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
}

function hexToBytes(text) {
  return Uint8Array.from(text.match(/../g) ?? [], h => parseInt(h, 16));
}

function equal(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Splits a signed note at its last blank line: text (ending in a newline) and signature lines. */
export function parseNote(note) {
  const blank = note.lastIndexOf('\n\n');
  if (blank < 0 || !note.endsWith('\n')) throw new Error('malformed note');
  const text = note.slice(0, blank + 1);
  const signatures = note.slice(blank + 2, -1).split('\n').map(line => {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m) throw new Error('malformed signature line');
    const payload = base64ToBytes(m[2]);
    return { name: m[1], keyId: hex(payload.slice(0, 4)), signature: payload.slice(4) };
  });
  const lines = text.split('\n');
  if (lines.length < 4 || !/^\d+$/.test(lines[1])) throw new Error('malformed checkpoint');
  return { text, signatures, origin: lines[0], treeSize: Number(lines[1]), rootHash: hex(base64ToBytes(lines[2])) };
}

/** An ASN.1 DER Ecdsa-Sig-Value (RFC 3279) as the 64-byte r || s WebCrypto verifies. */
export function derToP1363(der) {
  let at = 2;
  if (der[0] !== 0x30) throw new Error('signature is not a DER sequence');
  if (der[1] & 0x80) at = 2 + (der[1] & 0x7f);
  const out = new Uint8Array(64);
  for (let part = 0; part < 2; part++) {
    if (der[at] !== 0x02) throw new Error('signature integer expected');
    const length = der[at + 1];
    let value = der.slice(at + 2, at + 2 + length);
    while (value.length > 32 && value[0] === 0) value = value.slice(1);
    if (value.length > 32) throw new Error('signature integer too long');
    out.set(value, part * 32 + 32 - value.length);
    at += 2 + length;
  }
  return out;
}

function pemToDer(pem) {
  return base64ToBytes(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''));
}

/** Verifies the note's signatures against the published keys; the answer says which key signed it. */
export async function verifySignature(note, publishedKeys, origin) {
  const keys = await Promise.all(publishedKeys.map(async k => {
    const spki = pemToDer(k.publicKeyPem);
    const id = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', spki)).slice(0, 4));
    const key = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return { id, key };
  }));
  for (const s of note.signatures) {
    const key = keys.find(k => k.id === s.keyId);
    if (!key || s.name !== origin) continue;
    let raw;
    try { raw = derToP1363(s.signature); } catch { return { ok: false, keyId: s.keyId }; }
    const ok = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key.key, raw, enc.encode(note.text));
    return { ok, keyId: s.keyId };
  }
  return { ok: false, keyId: null };
}

async function sha256(...parts) {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { joined.set(p, at); at += p.length; }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

const nodePrefix = new Uint8Array([1]); // RFC 6962 §2.1: interior node hash prefix

/** RFC 9162 §2.1.4.2: does proof show the tree of size first (root firstRoot) is a prefix of second (root secondRoot)? */
export async function verifyConsistency(first, second, firstRootHex, secondRootHex, proofHex) {
  const firstRoot = hexToBytes(firstRootHex);
  const secondRoot = hexToBytes(secondRootHex);
  let proof = proofHex.map(hexToBytes);
  let fn = BigInt(first) - 1n;
  let sn = BigInt(second) - 1n;
  if (first === second) return proof.length === 0 && equal(firstRoot, secondRoot);
  if (first < 1 || first > second || proof.length === 0 && (BigInt(first) & BigInt(first) - 1n) !== 0n) return false;
  if ((BigInt(first) & (BigInt(first) - 1n)) === 0n) proof = [firstRoot, ...proof];
  while (fn & 1n) { fn >>= 1n; sn >>= 1n; }
  let fr = proof[0];
  let sr = proof[0];
  for (const c of proof.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) || fn === sn) {
      fr = await sha256(nodePrefix, c, fr);
      sr = await sha256(nodePrefix, c, sr);
      if (!(fn & 1n)) { while (!(fn & 1n) && fn !== 0n) { fn >>= 1n; sn >>= 1n; } }
    } else {
      sr = await sha256(nodePrefix, sr, c);
    }
    fn >>= 1n; sn >>= 1n;
  }
  return sn === 0n && equal(fr, firstRoot) && equal(sr, secondRoot);
}
