import type { Actor } from '../../../../kernel/actor.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import type { TRule, TSegmentPreview } from '../../contract.ts';
import { OUTREACH_PERMISSIONS } from '../policy.ts';
import { evaluateSegment } from '../queries/evaluate-segment.ts';

/** Saves a segment (new, or a new rule for an existing one) after evaluating it, so an unknown org fails here. */
export const saveSegment = async (
  deps: ModuleDeps,
  actor: Actor,
  input: { name: string; description?: string | undefined; rule: TRule },
  id?: string,
): Promise<{ id: string; preview: TSegmentPreview }> => {
  requirePermission(actor, OUTREACH_PERMISSIONS.segment);
  const preview = await evaluateSegment(deps.db, actor, input.rule, deps.clock.now());
  const segId = id ?? newId();
  const now = deps.clock.now();
  await inTransaction(deps, actor, async (uow) => {
    const values = {
      name: input.name,
      description: input.description ?? '',
      rule: JSON.stringify(input.rule),
      last_count: preview.count,
      last_counted_at: now,
      updated_at: now,
    };
    if (id) {
      const row = await uow.tx.selectFrom('outreach_segments').select(['org_path', 'name']).where('id', '=', id).forUpdate().executeTakeFirst();
      assertInScope(actor, row);
      await uow.tx.updateTable('outreach_segments').set(values).where('id', '=', id).execute();
    } else {
      await uow.tx
        .insertInto('outreach_segments')
        .values({ id: segId, ...values, org_id: actor.orgId, org_path: actor.orgPath, created_by: actor.username })
        .execute();
    }
    await uow.audit({
      action: id ? 'outreach.segment.update' : 'outreach.segment.create',
      targetType: 'outreach_segment',
      targetId: segId,
      after: { name: input.name, count: preview.count },
    });
  });
  return { id: segId, preview };
};
