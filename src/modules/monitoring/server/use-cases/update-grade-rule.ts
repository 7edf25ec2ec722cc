import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { isPathInScope } from '../../../../platform/scope.ts';
import type { ZGradeRuleUpdate } from '../../contract.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/**
 * Tunes or disables a grading rule. Rules grade every post (the pipeline loads all enabled ones);
 * the seeded defaults belong to '/', so whoever manages monitoring may tune them.
 */
export const updateGradeRule = async (deps: ModuleDeps, actor: Actor, id: string, input: z.infer<typeof ZGradeRuleUpdate>): Promise<void> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  await inTransaction(deps, actor, async (uow) => {
    const r = await uow.tx.selectFrom('monitor_grade_rules').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!r || (r.org_path !== '/' && !isPathInScope(actor, r.org_path))) throw new AppError('OUT_OF_SCOPE');
    await uow.tx
      .updateTable('monitor_grade_rules')
      .set({
        ...(input.grade !== undefined ? { grade: input.grade } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(input.condition !== undefined ? { condition: JSON.stringify(input.condition) } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      })
      .where('id', '=', id)
      .execute();
    const before = { grade: r.grade, name: r.name, priority: r.priority, condition: r.condition, enabled: r.enabled };
    await uow.audit({
      action: 'monitoring.grade_rule_updated',
      targetType: 'monitor_grade_rule',
      targetId: id,
      before: Object.fromEntries(Object.keys(input).map((k) => [k, before[k as keyof typeof before]])),
      after: { ...input },
    });
    await uow.emit('monitoring.grade_rule_updated', { ruleId: id });
  });
};
