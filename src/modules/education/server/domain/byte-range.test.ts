import { describe, expect, it } from 'vitest';
import { OPEN_ENDED_CHUNK, parseRange } from './byte-range.ts';

describe('parseRange', () => {
  it('serves single ranges, suffixes and open ends (capped)', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(parseRange('bytes=10-', 1000)).toEqual({ kind: 'partial', start: 10, end: 999 });
    expect(parseRange('bytes=0-', 10 * OPEN_ENDED_CHUNK)).toEqual({ kind: 'partial', start: 0, end: OPEN_ENDED_CHUNK - 1 });
  });
  it('ignores what it need not honour and refuses what cannot be satisfied', () => {
    expect(parseRange(undefined, 1000)).toEqual({ kind: 'full' });
    expect(parseRange('items=0-1', 1000)).toEqual({ kind: 'full' });
    expect(parseRange('bytes=0-1,5-9', 1000)).toEqual({ kind: 'full' });
    for (const bad of ['bytes=1000-', 'bytes=5000-6000', 'bytes=9-3', 'bytes=-0', 'bytes=abc', 'bytes=-', 'bytes=1-2-3'])
      expect(parseRange(bad, 1000), bad).toEqual({ kind: 'unsatisfiable' });
  });
});
