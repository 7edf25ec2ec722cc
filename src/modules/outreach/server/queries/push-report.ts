import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { assertInScope, inScope } from '../../../../platform/scope.ts';
import type { TPushReport } from '../../contract.ts';
import { OUTREACH_PERMISSIONS } from '../policy.ts';

/** Per channel: queued / sending / sent / delivered / failed / skipped (with reasons), opens and clicks. */
export const pushReport = async (db: Executor, actor: Actor, id: string): Promise<TPushReport> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.read);
  const push = await db.selectFrom('outreach_pushes').selectAll().where('id', '=', id).executeTakeFirst();
  assertInScope(actor, push);
  const p = push as NonNullable<typeof push>;
  const [by, reasons, errors] = await Promise.all([
    sql<TPushReport['byChannel'][number]>`
      select channel,
        count(*) filter (where status = 'queued')::int as queued, count(*) filter (where status = 'sending')::int as sending,
        count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status = 'delivered')::int as delivered,
        count(*) filter (where status = 'failed')::int as failed, count(*) filter (where status = 'skipped')::int as skipped,
        count(opened_at)::int as opened, count(clicked_at)::int as clicked
      from outreach_deliveries where push_id = ${id} group by channel order by channel`.execute(db),
    sql<{ channel: string; reason: string; count: number }>`
      select channel, skip_reason as reason, count(*)::int as count from outreach_deliveries
      where push_id = ${id} and status = 'skipped' group by 1, 2 order by 3 desc`.execute(db),
    sql<{ channel: string; error: string; count: number }>`
      select channel, last_error as error, count(*)::int as count from outreach_deliveries
      where push_id = ${id} and last_error is not null group by 1, 2 order by 3 desc limit 20`.execute(db),
  ]);
  return {
    id,
    title: p.title,
    status: p.status,
    recipients: p.recipients,
    channels: p.channels,
    byChannel: by.rows,
    skipReasons: reasons.rows,
    errors: errors.rows,
  };
};

export const listPushes = async (db: Executor, actor: Actor) => {
  requirePermission(actor, OUTREACH_PERMISSIONS.read);
  const rows = await db
    .selectFrom('outreach_pushes as p')
    .innerJoin('outreach_segments as s', 's.id', 'p.segment_id')
    .select([
      'p.id',
      'p.title',
      'p.content_kind',
      'p.channels',
      'p.status',
      'p.recipients',
      'p.scheduled_at',
      'p.started_at',
      'p.finished_at',
      's.name as segment_name',
    ])
    .where(inScope(actor, 'p.org_path'))
    .orderBy('p.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    contentKind: r.content_kind,
    channels: r.channels,
    status: r.status,
    recipients: r.recipients,
    segmentName: r.segment_name,
    scheduledAt: r.scheduled_at ? new Date(r.scheduled_at).toISOString() : null,
    startedAt: r.started_at ? new Date(r.started_at).toISOString() : null,
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  }));
};

export const listSegments = async (db: Executor, actor: Actor) => {
  requirePermission(actor, OUTREACH_PERMISSIONS.read);
  const rows = await db.selectFrom('outreach_segments').selectAll().where(inScope(actor)).orderBy('updated_at', 'desc').limit(200).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, rule: r.rule, lastCount: r.last_count, createdBy: r.created_by }));
};
