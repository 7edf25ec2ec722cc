import type { Actor } from '../../../../kernel/actor.ts';
import { allowedActions, requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { assertInScope, inScope } from '../../../../platform/scope.ts';
import { searchComplaintRefs } from '../../../complaints/index.ts';
import type { TRiskAlert } from '../../contract.ts';
import type { OutreachRiskAlertsTable } from '../db/tables.ts';
import { alertPolicy, OUTREACH_PERMISSIONS } from '../policy.ts';

type Row = Omit<OutreachRiskAlertsTable, 'published_at' | 'created_at' | 'updated_at'> & { published_at: Date | null };

export const presentAlert = (r: Row, actor: Actor | null): TRiskAlert => ({
  id: r.id,
  fraudType: r.fraud_type,
  title: r.title,
  whatHappens: r.what_happens,
  howToProtect: r.how_to_protect,
  whereToReport: r.where_to_report,
  keywords: r.keywords,
  status: r.status,
  authorName: r.author_name,
  reviewerName: r.reviewer_name,
  reviewComment: r.review_comment,
  citedIncidentId: r.cited_incident_id,
  citedNote: r.cited_note,
  publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
  allowedActions: actor ? allowedActions(alertPolicy, actor, r) : [],
});

export const listRiskAlerts = async (db: Executor, actor: Actor): Promise<TRiskAlert[]> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.read);
  const rows = await db.selectFrom('outreach_risk_alerts').selectAll().where(inScope(actor)).orderBy('updated_at', 'desc').limit(200).execute();
  return rows.map((r) => presentAlert(r, actor));
};

export const getRiskAlert = async (db: Executor, actor: Actor, id: string): Promise<TRiskAlert> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.read);
  const row = await db.selectFrom('outreach_risk_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  assertInScope(actor, row);
  return presentAlert(row as NonNullable<typeof row>, actor);
};

export const listPublishedAlerts = async (db: Executor, id?: string) => {
  let q = db.selectFrom('outreach_risk_alerts').selectAll().where('status', '=', 'published');
  if (id) q = q.where('id', '=', id);
  return (await q.orderBy('published_at', 'desc').limit(100).execute()).map((r) => presentAlert(r, null));
};

const WEEK = 7 * 86_400_000;

/**
 * The alert's effect: complaints matching any of its keywords per week, for the weeks before and
 * after publication (through complaints' exported searchComplaintRefs, so scope rules apply;
 * at most 100 matches per keyword are looked at).
 */
export const alertEffect = async (db: Executor, actor: Actor, id: string, weeks = 6) => {
  const alert = await getRiskAlert(db, actor, id);
  const pivot = alert.publishedAt ? new Date(alert.publishedAt).getTime() : Date.now();
  const seen = new Map<string, number>();
  for (const k of alert.keywords.length ? alert.keywords : [alert.fraudType]) {
    for (const ref of await searchComplaintRefs(db, actor, { text: k }, 100)) seen.set(ref.id, new Date(ref.receivedAt).getTime());
  }
  const buckets = Array.from({ length: weeks * 2 }, (_, i) => ({ week: i - weeks, count: 0 }));
  for (const at of seen.values()) {
    const w = Math.floor((at - pivot) / WEEK);
    const b = buckets.find((x) => x.week === w);
    if (b) b.count++;
  }
  const before = buckets.filter((b) => b.week < 0).reduce((t, b) => t + b.count, 0);
  const after = buckets.filter((b) => b.week >= 0).reduce((t, b) => t + b.count, 0);
  return { publishedAt: alert.publishedAt, keywords: alert.keywords, weeks: buckets, before, after };
};
