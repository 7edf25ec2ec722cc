import type { z } from 'zod';
import { systemActor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { findOrg } from '../../../identity/index.ts';
import type { ZPublicComplaint } from '../../contract.ts';
import { createComplaint } from './create-complaint.ts';

/** The branch that receives public and integration complaints when no outlet is named. */
export const DEFAULT_RECEIVING_ORG_CODE = 'CC';

/** A customer files on the public portal (no login); the case is routed to a handler. */
export const filePublicComplaint = async (
  deps: ModuleDeps,
  input: z.infer<typeof ZPublicComplaint>,
  meta: { ip: string; requestId: string },
  channel: 'web' | 'app' = 'web',
) => {
  const branch = await findOrg(deps.db, { code: DEFAULT_RECEIVING_ORG_CODE });
  const outlet = input.outletCode ? await findOrg(deps.db, { code: input.outletCode }) : null;
  if (input.outletCode && !outlet) throw new AppError('VALIDATION_FAILED', [{ field: 'body.outletCode', issue: 'unknown_outlet' }]);
  const org = outlet ?? branch;
  if (!org) throw new AppError('INTERNAL');
  const actor = { ...systemActor(meta.requestId), username: 'public-portal', ip: meta.ip };
  const now = deps.clock.now();
  return inTransaction(deps, actor, (uow) =>
    createComplaint(uow, actor, { ...input, channel, receivedAt: now, org, receivingOrgId: (branch ?? org).id, firstResponder: null }, now),
  );
};
