import type { z } from 'zod';
import type { Actor } from '../../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { ZAction } from '../../contract.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent } from '../complaint-store.ts';

/** The decision notice's required content (办法 Art 19): verified facts, basis and reasons, outcome, remedies. */
export const draftDecision = (deps: ModuleDeps, actor: Actor, id: string, d: z.infer<typeof ZAction.draftDecision>) =>
  runCaseAction(deps, actor, id, 'draft_decision', async ({ actor, tx, now }) => {
    const decision = { ...d, draftedBy: actor.userId, draftedByName: actor.username, draftedAt: now.toISOString(), reviewed: false };
    await tx
      .updateTable('complaints')
      .set({ status: 'decision_drafted', decision: JSON.stringify(decision) })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, id, actor, 'decision_drafted', { outcome: d.outcome, remedies: d.remedies }, now);
  });

export const submitForReview = (deps: ModuleDeps, actor: Actor, id: string) =>
  runCaseAction(deps, actor, id, 'submit_review', async ({ actor, tx, now }) => {
    await tx.updateTable('complaints').set({ status: 'in_review' }).where('id', '=', id).execute();
    await appendEvent(tx, id, actor, 'review_submitted', {}, now);
  });

/** Quality review by someone other than the drafter: approve (ready to notify) or send back. */
export const reviewDecision = (deps: ModuleDeps, actor: Actor, id: string, approve: boolean, comment: string) =>
  runCaseAction(deps, actor, id, 'review', async ({ actor, tx, row, now }) => {
    const decision = { ...(row.decision ?? {}), reviewed: approve, reviewedBy: actor.username, reviewComment: comment };
    await tx
      .updateTable('complaints')
      .set({ status: approve ? 'decision_drafted' : 'in_progress', decision: JSON.stringify(decision) })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, id, actor, approve ? 'review_approved' : 'review_returned', { comment }, now);
  });
