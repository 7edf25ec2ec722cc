import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawWinners, entriesHashOf, newSeed, seedHashOf, verifyDraw } from './draw.ts';

describe('verifiable draw', () => {
  const ids = Array.from({ length: 50 }, (_, i) => `e${String(i).padStart(3, '0')}`);
  it('is deterministic, independent of input order, and matches the documented recipe', () => {
    const seed = 'a'.repeat(64);
    const w = drawWinners(seed, ids, 5);
    expect(drawWinners(seed, [...ids].reverse(), 5)).toEqual(w);
    const manual = [...ids].sort((a, b) =>
      createHmac('sha256', seed).update(a).digest('hex').localeCompare(createHmac('sha256', seed).update(b).digest('hex')),
    );
    expect(w).toEqual(manual.slice(0, 5));
    expect(entriesHashOf(ids)).toBe(createHash('sha256').update(ids.join('\n')).digest('hex'));
  });
  it('detects a swapped seed, an altered entry list and forged winners', () => {
    const seed = newSeed();
    const base = { seed, seedHash: seedHashOf(seed), entryIds: ids, entriesHash: entriesHashOf(ids), winnersCount: 3 };
    const ok = verifyDraw({ ...base, claimedWinners: drawWinners(seed, ids, 3) });
    expect(ok.valid).toBe(true);
    expect(verifyDraw({ ...base, seed: newSeed() }).seedMatches).toBe(false);
    expect(verifyDraw({ ...base, entryIds: [...ids.slice(1), 'x999'] }).entriesMatch).toBe(false);
    expect(verifyDraw({ ...base, claimedWinners: ids.slice(0, 3) }).valid).toBe(false);
  });
});
