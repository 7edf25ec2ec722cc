import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction, type UnitOfWork } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import { drawWinners, entriesHashOf, newSeed, seedHashOf, sortEntries } from '../domain/draw.ts';
import { EDU_PERMISSIONS } from '../policy.ts';
import { publicActor, takerKeyOf } from '../quiz-store.ts';
import { issueRedemptionCodes } from './redeem-prize.ts';

export const createDraw = async (
  deps: ModuleDeps,
  actor: Actor,
  input: {
    quizId: string;
    title: string;
    minScore: number;
    opensAt: string;
    closesAt: string;
    winners: number;
    prizes: { name: string; quantity: number }[];
  },
) => {
  requirePermission(actor, EDU_PERMISSIONS.draw);
  const quiz = await deps.db.selectFrom('edu_quizzes').select(['id', 'org_path']).where('id', '=', input.quizId).executeTakeFirst();
  assertInScope(actor, quiz);
  const id = newId();
  const seed = newSeed();
  return inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('edu_draws')
      .values({
        id,
        quiz_id: input.quizId,
        title: input.title,
        status: 'open',
        min_score: input.minScore,
        opens_at: input.opensAt,
        closes_at: input.closesAt,
        winners_count: input.winners,
        seed,
        seed_hash: seedHashOf(seed),
        entries_hash: null,
        entry_ids: null,
        winners: null,
        org_id: actor.orgId,
        org_path: actor.orgPath,
      })
      .execute();
    if (input.prizes.length)
      await uow.tx
        .insertInto('edu_draw_prizes')
        .values(input.prizes.map((p, i) => ({ id: newId(), draw_id: id, position: i + 1, name: p.name, quantity: p.quantity, remaining: p.quantity })))
        .execute();
    // The seed itself never enters the audit log before the draw; its hash is the public commitment.
    await uow.audit({ action: 'edu.draw.create', targetType: 'edu_draw', targetId: id, after: { ...input, seedHash: seedHashOf(seed) } });
    return { id };
  });
};

/** One entry per person, inside the window, with a finished attempt scoring at least the threshold. */
export const enterDraw = async (deps: ModuleDeps, drawId: string, deviceId: string, meta: { requestId: string; ip: string | null }) => {
  const takerKey = takerKeyOf(deviceId);
  try {
    return await inTransaction(deps, publicActor(meta.requestId, meta.ip), async ({ tx }) => {
      const d = await tx.selectFrom('edu_draws').selectAll().where('id', '=', drawId).executeTakeFirst();
      if (!d) throw new AppError('NOT_FOUND');
      const now = deps.clock.now();
      if (d.status !== 'open' || now < new Date(d.opens_at) || now > new Date(d.closes_at))
        throw new AppError('EDU_NOT_ELIGIBLE', [{ issue: 'outside_window' }]);
      const best = await tx
        .selectFrom('edu_attempts')
        .select(['id', 'score', 'nickname'])
        .where('quiz_id', '=', d.quiz_id)
        .where('taker_key', '=', takerKey)
        .where('status', '<>', 'in_progress')
        .where('submitted_at', '>=', d.opens_at)
        .orderBy('score', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!best || (best.score ?? 0) < d.min_score) throw new AppError('EDU_NOT_ELIGIBLE', [{ issue: `score_below_${d.min_score}` }]);
      // Entry ids are random and public; they reveal nothing about the person.
      const entryId = randomBytes(6).toString('hex');
      await tx
        .insertInto('edu_draw_entries')
        .values({ id: entryId, draw_id: drawId, taker_key: takerKey, nickname: best.nickname, attempt_id: best.id, score: best.score ?? 0 })
        .execute();
      return { entryId };
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new AppError('EDU_ALREADY_ENTERED');
    throw e;
  }
};

const runDrawAction = (
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  from: 'open' | 'committed',
  fn: (uow: UnitOfWork, d: { seed: string; entry_ids: string[] | null; winners_count: number; closes_at: Date }) => Promise<Record<string, unknown>>,
) => {
  requirePermission(actor, EDU_PERMISSIONS.draw);
  return inTransaction(deps, actor, async (uow) => {
    const d = await uow.tx.selectFrom('edu_draws').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    assertInScope(actor, d);
    if (!d) throw new AppError('OUT_OF_SCOPE');
    if (d.status !== from) throw new AppError('EDU_INVALID_STATE', [{ issue: `status_${d.status}` }]);
    const after = await fn(uow, d);
    await uow.audit({
      action: from === 'open' ? 'edu.draw.commit' : 'edu.draw.run',
      targetType: 'edu_draw',
      targetId: id,
      before: { status: d.status },
      after,
    });
    await uow.emit(from === 'open' ? 'education.draw_committed' : 'education.draw_drawn', { id });
    return after;
  });
};

/** Freezes the eligible list after the window closes and publishes sha256 of it next to the seed hash. */
export const commitDraw = (deps: ModuleDeps, actor: Actor, id: string) =>
  runDrawAction(deps, actor, id, 'open', async ({ tx }, d) => {
    if (deps.clock.now() <= new Date(d.closes_at)) throw new AppError('EDU_INVALID_STATE', [{ issue: 'window_still_open' }]);
    const ids = sortEntries((await tx.selectFrom('edu_draw_entries').select('id').where('draw_id', '=', id).execute()).map((e) => e.id));
    if (ids.length === 0) throw new AppError('EDU_INVALID_STATE', [{ issue: 'no_entries' }]);
    const entriesHash = entriesHashOf(ids);
    await tx
      .updateTable('edu_draws')
      .set({ status: 'committed', entry_ids: ids, entries_hash: entriesHash, committed_at: deps.clock.now() })
      .where('id', '=', id)
      .execute();
    return { status: 'committed', entries: ids.length, entriesHash };
  });

/** Draws with the committed seed and list, then reveals the seed. */
export const runDraw = (deps: ModuleDeps, actor: Actor, id: string) =>
  runDrawAction(deps, actor, id, 'committed', async ({ tx }, d) => {
    const winners = drawWinners(d.seed, d.entry_ids ?? [], d.winners_count);
    await tx.updateTable('edu_draws').set({ status: 'drawn', winners, drawn_at: deps.clock.now() }).where('id', '=', id).execute();
    const codes = await issueRedemptionCodes(tx, id, winners);
    return { status: 'drawn', winners, seed: d.seed, codesIssued: codes };
  });
