import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * Verifiable prize draw (可验证抽奖). Documented so anyone can recompute it with any sha256 tool:
 *
 *   seed          32 random bytes written as 64 lower-case hex characters, kept secret until the draw.
 *   seedHash      sha256(seed as its 64 ASCII characters), hex — published at commit time.
 *   entryIds      the eligible entries' ids, sorted by code point (plain string sort), frozen at commit.
 *   entriesHash   sha256(entryIds joined with "\n", UTF-8), hex — published at commit time.
 *   ticket(id)    HMAC-SHA256(key = seed's 64 ASCII characters, message = id in UTF-8), hex.
 *   winners       entryIds ordered by ticket ascending (ties, practically impossible, by id),
 *                 the first `winnersCount` of them, in that order (rank 1 first).
 *
 * The seed is fixed before the list is known to the public and the list is fixed before the
 * seed is revealed, so neither the bank nor a participant can steer the outcome after commit.
 */
export const DRAW_ALGORITHM =
  'seedHash=sha256(seedHex); entriesHash=sha256(sortedEntryIds.join("\\n")); ticket=HMAC-SHA256(key=seedHex, msg=entryId); winners=first N entryIds by ticket ascending (tie: entryId)';

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export const newSeed = (): string => randomBytes(32).toString('hex');
export const seedHashOf = (seed: string): string => sha256(seed);
export const sortEntries = (ids: readonly string[]): string[] => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
export const entriesHashOf = (ids: readonly string[]): string => sha256(sortEntries(ids).join('\n'));
export const ticketOf = (seed: string, id: string): string => createHmac('sha256', seed).update(id, 'utf8').digest('hex');

export const drawWinners = (seed: string, ids: readonly string[], count: number): string[] =>
  sortEntries(ids)
    .map((id) => ({ id, t: ticketOf(seed, id) }))
    .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, count)
    .map((x) => x.id);

export type DrawCheck = { seedMatches: boolean; entriesMatch: boolean; winners: string[]; winnersMatch: boolean | null; valid: boolean };

/** Recomputes a published draw; any change to the seed, the list or the winners is detected. */
export const verifyDraw = (input: {
  seed: string;
  seedHash: string;
  entryIds: readonly string[];
  entriesHash: string;
  winnersCount: number;
  claimedWinners?: readonly string[] | undefined;
}): DrawCheck => {
  const seedMatches = seedHashOf(input.seed) === input.seedHash;
  const entriesMatch = entriesHashOf(input.entryIds) === input.entriesHash;
  const winners = drawWinners(input.seed, input.entryIds, input.winnersCount);
  const winnersMatch = input.claimedWinners ? input.claimedWinners.length === winners.length && input.claimedWinners.every((w, i) => w === winners[i]) : null;
  return { seedMatches, entriesMatch, winners, winnersMatch, valid: seedMatches && entriesMatch && winnersMatch !== false };
};
