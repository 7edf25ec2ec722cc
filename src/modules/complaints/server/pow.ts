import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Proof-of-work for the public filing form, instead of a third-party CAPTCHA: the server hands
 * out a signed, short-lived challenge; the browser finds a nonce whose sha256 has `bits`
 * leading zero bits (about a second of work), which makes bulk abuse costly.
 */
export const POW_BITS = 16;
const TTL_MS = 10 * 60_000;

export const issueChallenge = (secret: string, now = Date.now()): { challenge: string; bits: number } => {
  const body = `${now}.${randomBytes(8).toString('hex')}`;
  const sig = createHmac('sha256', secret).update(body).digest('base64url').slice(0, 22);
  return { challenge: `${body}.${sig}`, bits: POW_BITS };
};

const leadingZeroBits = (buf: Buffer): number => {
  let n = 0;
  for (const byte of buf) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
};

export const verifyPow = (secret: string, challenge: string, nonce: string, now = Date.now()): boolean => {
  const [ts, rand, sig] = challenge.split('.');
  if (!ts || !rand || !sig) return false;
  const expected = createHmac('sha256', secret).update(`${ts}.${rand}`).digest('base64url').slice(0, 22);
  if (expected.length !== sig.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(sig))) return false;
  if (now - Number(ts) > TTL_MS || Number(ts) > now + 60_000) return false;
  return leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= POW_BITS;
};

/** What the portal page runs (also used by tests): brute-force a nonce. */
export const solvePow = (challenge: string, bits = POW_BITS): string => {
  for (let i = 0; ; i++) {
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${i}`).digest()) >= bits) return String(i);
  }
};
