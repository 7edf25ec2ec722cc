import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Db, Executor } from '../../../../platform/db/schema.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { maskName } from '../../../../platform/pii/mask.ts';
import { inScope, isPathInScope } from '../../../../platform/scope.ts';
import type { TRedemption } from '../../contract.ts';
import { EDU_PERMISSIONS } from '../policy.ts';
import { takerKeyOf } from '../quiz-store.ts';

/** 10 characters without look-alikes (no 0/O, 1/I/L): 31^10 ≈ 8·10^14, read out over a counter. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const newRedemptionCode = () => [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('');

/** At the draw: rank r gets the prize whose cumulative quantity first reaches r; one code per winner. */
export const issueRedemptionCodes = async (tx: Executor, drawId: string, winners: string[]) => {
  const prizes = await tx.selectFrom('edu_draw_prizes').select(['id', 'quantity']).where('draw_id', '=', drawId).orderBy('position').execute();
  if (prizes.length === 0) return 0;
  const rows = [];
  let rank = 0;
  for (const p of prizes)
    for (let i = 0; i < p.quantity && rank < winners.length; i++, rank++)
      rows.push({ code: newRedemptionCode(), draw_id: drawId, entry_id: winners[rank] as string, prize_id: p.id, rank: rank + 1, status: 'issued' as const });
  if (rows.length) await tx.insertInto('edu_redemptions').values(rows).execute();
  return rows.length;
};

/**
 * Who may redeem: staff of the institution that ran the draw, of any office under it (an outlet
 * hands out its branch's prizes), or above it. Anyone else learns nothing (OUT_OF_SCOPE, 404).
 */
const mayRedeem = (actor: Actor, drawOrgPath: string) => actor.orgPath.startsWith(drawOrgPath) || isPathInScope(actor, drawOrgPath);

const load = (db: Executor, code: string) =>
  db
    .selectFrom('edu_redemptions as r')
    .innerJoin('edu_draws as d', 'd.id', 'r.draw_id')
    .innerJoin('edu_draw_prizes as p', 'p.id', 'r.prize_id')
    .innerJoin('edu_draw_entries as e', (j) => j.onRef('e.id', '=', 'r.entry_id').onRef('e.draw_id', '=', 'r.draw_id'))
    .select([
      'r.code',
      'r.draw_id',
      'r.prize_id',
      'r.rank',
      'r.status',
      'r.redeemed_at',
      'r.redeemed_by',
      'r.redeemed_org_path',
      'd.title',
      'd.org_path',
      'p.name as prize',
      'p.remaining',
      'e.nickname',
    ])
    .where('r.code', '=', code);

type Loaded = NonNullable<Awaited<ReturnType<ReturnType<typeof load>['executeTakeFirst']>>>;
const present = (r: Loaded, orgName: string | null): TRedemption => ({
  code: r.code,
  drawId: r.draw_id,
  drawTitle: r.title,
  prize: r.prize,
  rank: r.rank,
  nickname: maskName(r.nickname),
  status: r.status,
  redeemedAt: r.redeemed_at ? new Date(r.redeemed_at).toISOString() : null,
  redeemedBy: r.redeemed_by,
  redeemedOrg: orgName,
});

const find = async (db: Executor, actor: Actor, code: string) => {
  const r = await load(db, code).executeTakeFirst();
  if (!r) throw new AppError('EDU_CODE_INVALID');
  if (!mayRedeem(actor, r.org_path)) throw new AppError('OUT_OF_SCOPE');
  return r;
};

/** Staff check a code before handing out the prize (not audited: it reveals only a masked nickname). */
export const lookupRedemption = async (db: Db, actor: Actor, code: string) => {
  requirePermission(actor, EDU_PERMISSIONS.redeem);
  return present(await find(db, actor, code), null);
};

/** Hands out the prize once: locks the code, decrements the prize's stock, records who and where; audited. */
export const redeemPrize = async (deps: ModuleDeps, actor: Actor, code: string) => {
  requirePermission(actor, EDU_PERMISSIONS.redeem);
  return inTransaction(deps, actor, async (uow) => {
    const locked = await uow.tx.selectFrom('edu_redemptions').select('code').where('code', '=', code).forUpdate().executeTakeFirst();
    if (!locked) throw new AppError('EDU_CODE_INVALID');
    const r = await find(uow.tx, actor, code);
    if (r.status === 'redeemed') throw new AppError('EDU_CODE_USED', [{ issue: 'redeemed_at', message: new Date(r.redeemed_at as Date).toISOString() }]);
    const stock = await uow.tx
      .updateTable('edu_draw_prizes')
      .set((eb) => ({ remaining: eb('remaining', '-', 1) }))
      .where('id', '=', r.prize_id)
      .where('remaining', '>', 0)
      .executeTakeFirst();
    if (Number(stock.numUpdatedRows) === 0) throw new AppError('EDU_PRIZE_OUT_OF_STOCK');
    const now = deps.clock.now();
    await uow.tx
      .updateTable('edu_redemptions')
      .set({ status: 'redeemed', redeemed_at: now, redeemed_by: actor.username, redeemed_org_id: actor.orgId, redeemed_org_path: actor.orgPath })
      .where('code', '=', code)
      .execute();
    await uow.audit({
      action: 'edu.prize.redeem',
      targetType: 'edu_draw',
      targetId: r.draw_id,
      before: { status: 'issued' },
      after: { status: 'redeemed', prize: r.prize, rank: r.rank, code: `${code.slice(0, 3)}*******`, orgId: actor.orgId },
    });
    await uow.emit('education.prize_redeemed', { drawId: r.draw_id, prize: r.prize, rank: r.rank, orgId: actor.orgId });
    return present({ ...r, status: 'redeemed', redeemed_at: now, redeemed_by: actor.username, redeemed_org_path: actor.orgPath }, null);
  });
};

/** Redemptions handed out in the actor's scope (an outlet sees its own), newest first. */
export const listRedemptions = async (db: Db, actor: Actor) => {
  requirePermission(actor, EDU_PERMISSIONS.redeem);
  const rows = await db
    .selectFrom('edu_redemptions as r')
    .innerJoin('edu_draws as d', 'd.id', 'r.draw_id')
    .innerJoin('edu_draw_prizes as p', 'p.id', 'r.prize_id')
    .select(['r.code', 'r.rank', 'r.redeemed_at', 'r.redeemed_by', 'd.title', 'p.name'])
    .where('r.status', '=', 'redeemed')
    .where(inScope(actor, 'r.redeemed_org_path'))
    .orderBy('r.redeemed_at', 'desc')
    .limit(200)
    .execute();
  return {
    items: rows.map((r) => ({
      code: `${r.code.slice(0, 3)}*******`,
      drawTitle: r.title,
      prize: r.name,
      rank: r.rank,
      redeemedAt: new Date(r.redeemed_at as Date).toISOString(),
      redeemedBy: r.redeemed_by,
    })),
  };
};

/** The winner's own view: their prize and code, found by the device that entered the draw. */
export const myPrize = async (db: Db, drawId: string, deviceId: string) => {
  const r = await db
    .selectFrom('edu_draw_entries as e')
    .innerJoin('edu_redemptions as r', (j) => j.onRef('r.entry_id', '=', 'e.id').onRef('r.draw_id', '=', 'e.draw_id'))
    .innerJoin('edu_draw_prizes as p', 'p.id', 'r.prize_id')
    .select(['r.code', 'r.rank', 'r.status', 'p.name', 'e.id as entry_id'])
    .where('e.draw_id', '=', drawId)
    .where('e.taker_key', '=', takerKeyOf(deviceId))
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND');
  return { entryId: r.entry_id, prize: r.name, rank: r.rank, code: r.code, status: r.status };
};
