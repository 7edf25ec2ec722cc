import type { z } from 'zod';
import { AppError } from '../../../../kernel/errors.ts';
import type { Db } from '../../../../platform/db/schema.ts';
import { maskName } from '../../../../platform/pii/mask.ts';
import type { ZDrawPublic } from '../../contract.ts';
import { DRAW_ALGORITHM, verifyDraw } from '../domain/draw.ts';

/** What anyone may see: the commitment at once; the list after commit; the seed and winners after the draw. */
export const getPublicDraw = async (db: Db, id: string): Promise<z.infer<typeof ZDrawPublic>> => {
  const d = await db.selectFrom('edu_draws').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw new AppError('NOT_FOUND');
  const entries = await db.selectFrom('edu_draw_entries').select(['id', 'nickname']).where('draw_id', '=', id).execute();
  const nick = new Map(entries.map((e) => [e.id, e.nickname]));
  const prizes = await db.selectFrom('edu_draw_prizes').select(['id', 'name', 'quantity', 'remaining']).where('draw_id', '=', id).orderBy('position').execute();
  // Rank r holds the prize whose cumulative quantity first reaches r (the same rule as the codes).
  const prizeOfRank = prizes.flatMap((p) => Array.from({ length: p.quantity }, () => p.name));
  return {
    id: d.id,
    title: d.title,
    status: d.status,
    minScore: d.min_score,
    opensAt: new Date(d.opens_at).toISOString(),
    closesAt: new Date(d.closes_at).toISOString(),
    winnersCount: d.winners_count,
    algorithm: DRAW_ALGORITHM,
    seedHash: d.seed_hash,
    entriesHash: d.entries_hash,
    entryIds: d.entry_ids,
    seed: d.status === 'drawn' ? d.seed : null,
    winners: d.winners ? d.winners.map((w, i) => ({ rank: i + 1, entryId: w, nickname: maskName(nick.get(w) ?? '?'), prize: prizeOfRank[i] ?? null })) : null,
    entries: entries.length,
    prizes: prizes.map((p) => ({ name: p.name, quantity: p.quantity, remaining: p.remaining })),
  };
};

/** Recomputes a drawn draw from its published data; a changed seed, list or winner shows as a mismatch. */
export const verifyStoredDraw = async (db: Db, id: string) => {
  const d = await getPublicDraw(db, id);
  if (d.status !== 'drawn' || !d.seed || !d.seedHash || !d.entriesHash || !d.entryIds) throw new AppError('EDU_INVALID_STATE', [{ issue: 'not_drawn_yet' }]);
  return verifyDraw({
    seed: d.seed,
    seedHash: d.seedHash,
    entryIds: d.entryIds,
    entriesHash: d.entriesHash,
    winnersCount: d.winnersCount,
    claimedWinners: (d.winners ?? []).map((w) => w.entryId),
  });
};
