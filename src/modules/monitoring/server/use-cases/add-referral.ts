import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { newId } from '../../../../kernel/ids.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { ZReferralInput } from '../../contract.ts';
import { runIncidentAction } from '../incident-store.ts';

/** A referral to a regulator or the police, kept as a record on the incident. */
export const addReferral = async (deps: ModuleDeps, actor: Actor, incidentId: string, input: z.infer<typeof ZReferralInput>): Promise<{ id: string }> =>
  runIncidentAction(deps, actor, incidentId, 'add_referral', async (_i, uow, now) => {
    const id = newId();
    await uow.tx
      .insertInto('monitor_referrals')
      .values({
        id,
        incident_id: incidentId,
        partner_kind: input.partnerKind,
        partner: input.partner,
        shared: input.shared,
        reference: input.reference ?? null,
        outcome: input.outcome ?? null,
        created_by_name: actor.username,
        created_at: now,
      })
      .execute();
    return { data: { referralId: id, partnerKind: input.partnerKind, partner: input.partner, reference: input.reference ?? null }, result: { id } };
  });
