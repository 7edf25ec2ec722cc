import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { newId } from '../../../../kernel/ids.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { ZGradeRuleInput } from '../../contract.ts';
import { MONITORING_PERMISSIONS } from '../policy.ts';

/** Adds a grading rule (local rules may be stricter than the defaults). */
export const createGradeRule = async (deps: ModuleDeps, actor: Actor, input: z.infer<typeof ZGradeRuleInput>): Promise<{ id: string }> => {
  requirePermission(actor, MONITORING_PERMISSIONS.manage);
  const id = newId();
  await inTransaction(deps, actor, async (uow) => {
    await uow.tx
      .insertInto('monitor_grade_rules')
      .values({ id, grade: input.grade, name: input.name, priority: input.priority, condition: JSON.stringify(input.condition), org_path: actor.orgPath })
      .execute();
    await uow.audit({ action: 'monitoring.grade_rule_created', targetType: 'monitor_grade_rule', targetId: id, after: { ...input } });
    await uow.emit('monitoring.grade_rule_created', { ruleId: id });
  });
  return { id };
};
