import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import { authorize } from '../../../../kernel/policy.ts';
import { inTransaction } from '../../../../platform/db/unit-of-work.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { ZReportInput } from '../../contract.ts';
import { factsOf, loadEvent } from '../campaign-store.ts';
import { assertAllowedNow, eventPolicy } from '../policy.ts';

/** The short report after the event: what happened, people reached beyond the room, on-site quiz takers. */
export const saveEventReport = async (deps: ModuleDeps, actor: Actor, eventId: string, input: z.infer<typeof ZReportInput>): Promise<void> => {
  await inTransaction(deps, actor, async (uow) => {
    const e = await loadEvent(uow.tx, actor, eventId, true);
    assertAllowedNow(actor, 'report', factsOf(e));
    authorize(eventPolicy, 'report', actor, factsOf(e));
    const now = deps.clock.now();
    await uow.tx
      .updateTable('cmp_events')
      .set({
        report_summary: input.summary,
        extra_reach: input.extraReach,
        quiz_participants: input.quizParticipants,
        report_by: actor.username,
        report_at: now,
        updated_at: now,
      })
      .where('id', '=', eventId)
      .execute();
    await uow.audit({
      action: 'campaign.event_reported',
      targetType: 'campaign_event',
      targetId: eventId,
      before: { summary: e.report_summary, extraReach: e.extra_reach, quizParticipants: e.quiz_participants },
      after: { ...input },
    });
  });
};
