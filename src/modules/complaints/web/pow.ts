const leadingZeroBits = (bytes: Uint8Array): number => {
  let n = 0;
  for (const byte of bytes) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
};

const BATCH = 256;

/**
 * The portal's proof-of-work (see server/pow.ts): the lowest decimal nonce, counting up from 0, for
 * which sha256(`${challenge}:${nonce}`) has `bits` leading zero bits. WebCrypto digests are hashed
 * a batch at a time (checked in order), which keeps ~65k tries at 16 bits to about a second.
 * WebCrypto exists only in secure contexts: serve the portal over HTTPS (or localhost).
 */
export const solvePow = async (challenge: string, bits: number, onProgress?: (tries: number) => void): Promise<string> => {
  const encoder = new TextEncoder();
  for (let start = 0; ; start += BATCH) {
    const digests = await Promise.all(Array.from({ length: BATCH }, (_, k) => crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${start + k}`))));
    const hit = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d)) >= bits);
    if (hit >= 0) return String(start + hit);
    onProgress?.(start + BATCH);
  }
};
