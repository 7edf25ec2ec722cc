import type { Updateable } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import { type TRiskAlertInput, ZRiskAlertInput } from '../../contract.ts';
import type { OutreachRiskAlertsTable } from '../db/tables.ts';
import { alertPolicy, OUTREACH_PERMISSIONS } from '../policy.ts';

const columnsOf = (i: ReturnType<typeof ZRiskAlertInput.parse>) => ({
  fraud_type: i.fraudType,
  title: i.title,
  what_happens: i.whatHappens,
  how_to_protect: i.howToProtect,
  where_to_report: i.whereToReport,
  keywords: i.keywords,
  cited_incident_id: i.citedIncidentId ?? null,
  cited_note: i.citedNote ?? null,
});

export const createRiskAlert = async (deps: ModuleDeps, actor: Actor, raw: TRiskAlertInput): Promise<{ id: string }> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.alertEdit);
  const input = ZRiskAlertInput.parse(raw);
  const id = newId();
  await inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('outreach_risk_alerts')
      .values({
        id,
        ...columnsOf(input),
        status: 'draft',
        author_id: actor.userId,
        author_name: actor.username,
        reviewer_id: null,
        reviewer_name: null,
        review_comment: null,
        published_at: null,
        org_id: actor.orgId,
        org_path: actor.orgPath,
      })
      .execute();
    await uow.audit({
      action: 'outreach.alert.create',
      targetType: 'outreach_risk_alert',
      targetId: id,
      after: { title: input.title, fraudType: input.fraudType },
    });
    await uow.emit('outreach.alert_created', { alertId: id });
  });
  return { id };
};

type Action = 'edit' | 'submit' | 'review' | 'archive';

/** Lock, check the same policy the UI shows, change, audit, emit — one transaction. */
const runAlertAction = (deps: ModuleDeps, actor: Actor, id: string, action: Action, patch: (now: Date) => Updateable<OutreachRiskAlertsTable>) =>
  inTransaction(deps, actor, async (uow) => {
    const row = await uow.tx.selectFrom('outreach_risk_alerts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    assertInScope(actor, row);
    const r = row as NonNullable<typeof row>;
    if (!alertPolicy[action]?.(actor, r)) {
      requirePermission(actor, action === 'review' || action === 'archive' ? OUTREACH_PERMISSIONS.alertReview : OUTREACH_PERMISSIONS.alertEdit);
      if (action === 'review' && r.status === 'in_review' && r.author_id === actor.userId) throw new AppError('OUTREACH_SELF_REVIEW');
      throw new AppError('OUTREACH_INVALID_STATE', [{ issue: `status_${r.status}`, message: action }]);
    }
    const now = deps.clock.now();
    const change = patch(now);
    await uow.tx
      .updateTable('outreach_risk_alerts')
      .set({ ...change, updated_at: now })
      .where('id', '=', id)
      .execute();
    await uow.audit({
      action: `outreach.alert.${action}`,
      targetType: 'outreach_risk_alert',
      targetId: id,
      before: { status: r.status },
      after: { status: change.status ?? r.status },
    });
    const status = change.status ?? r.status;
    await uow.emit(status === 'published' && r.status !== 'published' ? 'outreach.alert_published' : `outreach.alert_${action}`, { alertId: id, status });
  });

export const updateRiskAlert = (deps: ModuleDeps, actor: Actor, id: string, raw: TRiskAlertInput) => {
  const input = ZRiskAlertInput.parse(raw);
  return runAlertAction(deps, actor, id, 'edit', () => columnsOf(input));
};
export const submitRiskAlert = (deps: ModuleDeps, actor: Actor, id: string) =>
  runAlertAction(deps, actor, id, 'submit', () => ({ status: 'in_review', review_comment: null }));

/** 消保审查 by someone other than the author: approval publishes on the portal at once. */
export const reviewRiskAlert = (deps: ModuleDeps, actor: Actor, id: string, approve: boolean, comment?: string) =>
  runAlertAction(deps, actor, id, 'review', (now) => ({
    reviewer_id: actor.userId,
    reviewer_name: actor.username,
    review_comment: comment ?? null,
    ...(approve ? { status: 'published' as const, published_at: now } : { status: 'draft' as const }),
  }));
export const archiveRiskAlert = (deps: ModuleDeps, actor: Actor, id: string) => runAlertAction(deps, actor, id, 'archive', () => ({ status: 'archived' }));
