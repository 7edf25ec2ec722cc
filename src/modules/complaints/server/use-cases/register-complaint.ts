import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { assertInScope } from '../../../../platform/scope.ts';
import { findOrg, userDisplayName } from '../../../identity/index.ts';
import type { TRegisterComplaint } from '../../contract.ts';
import { COMPLAINT_PERMISSIONS } from '../policy.ts';
import { createComplaint } from './create-complaint.ts';

/** Staff register a complaint from any channel; the registering staff member is its first responder. */
export const registerComplaint = async (deps: ModuleDeps, actor: Actor, input: TRegisterComplaint) => {
  requirePermission(actor, COMPLAINT_PERMISSIONS.register);
  const org = await findOrg(deps.db, { id: input.orgId });
  if (!org) throw new AppError('VALIDATION_FAILED', [{ field: 'body.orgId', issue: 'unknown_org' }]);
  assertInScope(actor, { org_path: org.path });
  if (input.channel === 'regulator' && !input.regulatorTicket) {
    throw new AppError('VALIDATION_FAILED', [{ field: 'body.regulatorTicket', issue: 'required_for_regulator_transfer' }]);
  }
  if (input.party && input.party.role !== 'self' && (!input.party.agentName || !input.party.agentDocument)) {
    throw new AppError('VALIDATION_FAILED', [{ field: 'body.party.agentDocument', issue: 'agent_or_heir_needs_name_and_document' }]);
  }
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 60_000) throw new AppError('VALIDATION_FAILED', [{ field: 'body.receivedAt', issue: 'in_the_future' }]);
  const name = (actor.userId && (await userDisplayName(deps.db, actor.userId))) || actor.username;
  return inTransaction(deps, actor, (uow) =>
    createComplaint(
      uow,
      actor,
      {
        ...input,
        receivedAt,
        org,
        receivingOrgId: actor.orgId,
        elderly: input.flags?.elderly,
        mediaExposure: input.flags?.mediaExposure,
        firstResponder: actor.userId ? { id: actor.userId, name } : null,
      },
      now,
    ),
  );
};
