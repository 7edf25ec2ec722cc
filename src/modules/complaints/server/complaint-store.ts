import type { Actor } from '../../../kernel/actor.ts';
import { AppError } from '../../../kernel/errors.ts';
import { newId } from '../../../kernel/ids.ts';
import type { Executor } from '../../../platform/db/schema.ts';
import { assertInScope } from '../../../platform/scope.ts';
import { type ClockEvent, type ClockState, computeClock } from './domain/clock.ts';
import type { CaseFacts } from './policy.ts';

export const CLOCK_EVENT_TYPES = ['received', 'extended', 'paused', 'resumed', 'restarted', 'stopped'] as const;

export const appendEvent = (tx: Executor, complaintId: string, actor: Actor, type: string, data: Record<string, unknown> = {}, at = new Date()) =>
  appendEvents(tx, [{ complaintId, actor, type, data, at }]);

export const appendEvents = async (
  tx: Executor,
  events: ReadonlyArray<{ complaintId: string; actor: Actor; type: string; data: Record<string, unknown>; at: Date }>,
): Promise<void> => {
  if (events.length === 0) return;
  await tx
    .insertInto('complaint_events')
    .values(
      events.map((e) => ({
        complaint_id: e.complaintId,
        at: e.at,
        type: e.type,
        actor_id: e.actor.userId,
        actor_name: e.actor.username,
        data: JSON.stringify(e.data),
      })),
    )
    .execute();
};

export const clockEventsOf = async (tx: Executor, complaintId: string): Promise<ClockEvent[]> => {
  const rows = await tx
    .selectFrom('complaint_events')
    .select(['type', 'at', 'data'])
    .where('complaint_id', '=', complaintId)
    .where('type', 'in', [...CLOCK_EVENT_TYPES])
    .orderBy('id')
    .execute();
  return rows.map((r) =>
    r.type === 'extended'
      ? { type: 'extended', at: r.at, limitDays: r.data.limitDays as 30 | 60 }
      : { type: r.type as Exclude<ClockEvent['type'], 'extended'>, at: r.at },
  );
};

/** Recomputes the clock from the event history and stores deadline and stage for list queries. */
export const refreshClock = async (tx: Executor, complaintId: string, now: Date): Promise<ClockState> => {
  const clock = computeClock(await clockEventsOf(tx, complaintId), now);
  await tx.updateTable('complaints').set({ deadline: clock.deadline, stage: clock.stage, updated_at: now }).where('id', '=', complaintId).execute();
  return clock;
};

/** Loads a case in the actor's scope (404 otherwise), locked for the rest of the transaction. */
export const loadCase = async (tx: Executor, actor: Actor, id: string, lock = true) => {
  let q = tx.selectFrom('complaints').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  assertInScope(actor, row);
  return row as NonNullable<typeof row>;
};

export const loadCaseFacts = async (
  tx: Executor,
  row: { id: string; status: CaseFacts['status']; org_path: string; owner_id: string | null; flags: string[]; decision: Record<string, unknown> | null },
  now: Date,
): Promise<CaseFacts> => {
  const pending = await tx.selectFrom('complaint_requests').selectAll().where('complaint_id', '=', row.id).where('status', '=', 'pending').execute();
  const ext = pending.find((p) => p.kind === 'extension');
  const ho = pending.find((p) => p.kind === 'handover');
  const na = pending.find((p) => p.kind === 'not_accepted');
  const clock = computeClock(await clockEventsOf(tx, row.id), now);
  return {
    status: row.status,
    org_path: row.org_path,
    owner_id: row.owner_id,
    flags: row.flags,
    decision: row.decision,
    pendingHandoverTo: ho?.assignee_id ?? null,
    pendingExtension: ext ? { limitDays: Number(ext.data.limitDays), requestedBy: ext.requested_by } : null,
    pendingNotAccepted: na ? { requestedBy: na.requested_by } : null,
    limitDays: clock.limitDays,
  };
};

export const requireAction = (allowed: string[], action: string): void => {
  if (!allowed.includes(action)) throw new AppError('FORBIDDEN', [{ issue: 'action_not_allowed_now', message: action }]);
};

/** Files a request that waits for someone else's decision (hand-over, extension, 不予受理). */
export const fileRequest = async (
  tx: Executor,
  actor: Actor,
  r: { complaintId: string; kind: 'handover' | 'extension' | 'not_accepted'; data: Record<string, unknown>; assigneeId?: string | null; now: Date },
): Promise<void> => {
  await tx
    .insertInto('complaint_requests')
    .values({
      id: newId(),
      complaint_id: r.complaintId,
      kind: r.kind,
      status: 'pending',
      data: JSON.stringify(r.data),
      requested_by: actor.userId ?? '',
      requested_by_name: actor.username,
      assignee_id: r.assigneeId ?? null,
      created_at: r.now,
    })
    .execute();
};
