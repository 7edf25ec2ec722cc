import { describe, expect, it } from 'vitest';
import { issueChallenge, solvePow, verifyPow } from './pow.ts';

describe('public-form proof of work', () => {
  it('accepts a solved challenge and refuses forged, stale or unsolved ones', () => {
    const { challenge } = issueChallenge('s3cret', 1_000_000);
    const nonce = solvePow(challenge);
    expect(verifyPow('s3cret', challenge, nonce, 1_000_500)).toBe(true);
    expect(verifyPow('other', challenge, nonce, 1_000_500)).toBe(false);
    expect(verifyPow('s3cret', challenge, nonce, 1_000_000 + 11 * 60_000)).toBe(false);
    expect(verifyPow('s3cret', `${challenge}x`, nonce, 1_000_500)).toBe(false);
    const wrong = [...Array(20).keys()].map(String).find((n) => !verifyPow('s3cret', challenge, n, 1_000_500));
    expect(wrong).toBeDefined();
  });
});
