import type { Tx } from '../../../../platform/db/schema.ts';
import type { DomainEvent, Subscriber } from '../../../../platform/events/events.ts';

/**
 * Quiz participation towards campaign goals: a submitted attempt of a quiz linked to a campaign counts
 * for that campaign while the campaign runs. Idempotent (primary key), so a redelivered event counts once.
 */
export const countQuizAttempt = async (event: DomainEvent, tx: Tx): Promise<void> => {
  const { attemptId, quizId } = event.payload as { attemptId?: string; quizId?: string };
  if (!attemptId || !quizId) return;
  const day = new Date(event.at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const campaigns = await tx
    .selectFrom('cmp_campaigns')
    .select('id')
    .where((eb) => eb(eb.val(quizId), '=', eb.fn.any('quiz_ids')))
    .where('starts_on', '<=', day)
    .where('ends_on', '>=', day)
    .execute();
  if (campaigns.length === 0) return;
  await tx
    .insertInto('cmp_quiz_attempts')
    .values(campaigns.map((c) => ({ campaign_id: c.id, attempt_id: attemptId, quiz_id: quizId, at: event.at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
};

export const quizAttemptSubscriber: Subscriber = { name: 'campaigns.count-quiz-attempts', events: ['education.attempt_submitted'], handle: countQuizAttempt };
