import { type Actor, systemActor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { createGroupCommitter } from '../../../../platform/db/group-commit.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { createComplaints, type NewComplaint } from './create-complaint.ts';

export type IntegrationIntake = { actor: Actor; key: string; hash: string; input: NewComplaint };
export type IntakeOutcome = { status: 200 | 201; trackingCode: string; deadline: string };

/**
 * The integration API's writer: concurrent pushes are group-committed (one transaction, multi-row
 * statements), each answered only after the commit. The Idempotency-Key row is claimed in the same
 * transaction as the case; a key that is already taken (a retry, or a concurrent twin) creates
 * nothing and is answered with the complaint that holds the key — or 409 if the body differs.
 */
export const createIntegrationIntake = (deps: ModuleDeps) => {
  const write = async (items: IntegrationIntake[]): Promise<(IntakeOutcome | Error)[]> => {
    const keyOf = (i: IntegrationIntake) => `${i.actor.username}\u0000${i.key}`;
    const firstByKey = new Map<string, IntegrationIntake>();
    for (const i of items) if (!firstByKey.has(keyOf(i))) firstByKey.set(keyOf(i), i);
    const candidates = [...firstByKey.values()].map((i) => ({ ...i, id: newId() }));
    const now = deps.clock.now();
    const created = await inTransaction(deps, systemActor('group-commit'), async (uow) => {
      const claimed = await uow.tx
        .insertInto('complaint_idempotency')
        .values(candidates.map((c) => ({ key: c.key, client: c.actor.username, complaint_id: c.id, request_hash: c.hash })))
        .onConflict((oc) => oc.columns(['client', 'key']).doNothing())
        .returning(['client', 'key'])
        .execute();
      const won = new Set(claimed.map((c) => `${c.client}\u0000${c.key}`));
      const fresh = candidates.filter((c) => won.has(keyOf(c)));
      const out = await createComplaints(uow, fresh, now);
      return new Map(fresh.map((c, k) => [c, out[k]]));
    });
    const outcome = new Map<IntegrationIntake, IntakeOutcome | Error>();
    for (const [c, r] of created) if (r) outcome.set(firstByKey.get(keyOf(c)) as IntegrationIntake, { status: 201, ...r });
    const rest = items.filter((i) => !outcome.has(i));
    if (rest.length > 0) {
      // Keys held by an earlier request (or by a twin in this group): answer with that complaint.
      const held = await deps.db
        .selectFrom('complaint_idempotency as i')
        .innerJoin('complaints as c', 'c.id', 'i.complaint_id')
        .select(['i.client', 'i.key', 'i.request_hash', 'c.tracking_code', 'c.deadline'])
        .where(
          'i.key',
          'in',
          rest.map((i) => i.key),
        )
        .execute();
      const byKey = new Map(held.map((h) => [`${h.client}\u0000${h.key}`, h]));
      for (const i of rest) {
        const h = byKey.get(keyOf(i));
        if (!h) outcome.set(i, new AppError('INTERNAL'));
        else if (h.request_hash !== i.hash)
          outcome.set(i, new AppError('CONFLICT', [{ field: 'headers.idempotency-key', issue: 'reused_with_different_body' }]));
        else outcome.set(i, { status: 200, trackingCode: h.tracking_code, deadline: h.deadline });
      }
    }
    return items.map((i) => outcome.get(i) ?? new AppError('INTERNAL'));
  };
  return createGroupCommitter<IntegrationIntake, IntakeOutcome>({ write, lingerMs: 2, maxBatch: 64 });
};
