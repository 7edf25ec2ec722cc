import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { TIncidentAction } from '../../contract.ts';
import { runIncidentAction } from '../incident-store.ts';

/** investigate → decide (true ⇒ rectification + apology; false ⇒ clarification; or no action) → respond → watch → review. */
export const actOnIncident = async (deps: ModuleDeps, actor: Actor, id: string, a: TIncidentAction): Promise<void> =>
  runIncidentAction(deps, actor, id, a.action, async (i, _uow, now) => {
    switch (a.action) {
      case 'complete_clock': {
        const clocks = i.clocks.map((c) => (c.key === a.key && !c.doneAt ? { ...c, doneAt: now.toISOString(), note: a.note } : c));
        if (!i.clocks.some((c) => c.key === a.key && !c.doneAt)) throw new AppError('VALIDATION_FAILED', [{ field: 'body.key', issue: 'no_running_clock' }]);
        return { set: { clocks: JSON.stringify(clocks) }, data: { key: a.key, note: a.note }, result: undefined };
      }
      case 'record_findings':
        return { set: { findings: JSON.stringify({ findings: a.findings, evidence: a.evidence }) }, data: { evidence: a.evidence.length }, result: undefined };
      case 'decide': {
        if (a.verdict === 'true' && !a.rectification) throw new AppError('VALIDATION_FAILED', [{ field: 'body.rectification', issue: 'required_when_true' }]);
        const decision = { verdict: a.verdict, reason: a.reason, rectification: a.rectification ?? null };
        return { set: { status: 'decided', decision: JSON.stringify(decision) }, data: decision, result: undefined };
      }
      case 'publish_response': {
        // The response must fit the verdict: apology for a true report, clarification for a false one.
        const expected = i.decision?.verdict === 'true' ? 'apology' : i.decision?.verdict === 'false' ? 'clarification' : 'none';
        if (a.kind !== expected) throw new AppError('VALIDATION_FAILED', [{ field: 'body.kind', issue: `expected_${expected}` }]);
        const response = { kind: a.kind, text: a.text, channel: a.channel, url: a.url ?? null, publishedAt: now.toISOString() };
        return { set: { status: 'responded', response: JSON.stringify(response) }, data: { kind: a.kind, channel: a.channel }, result: undefined };
      }
      case 'start_watch':
        return { set: { status: 'watching' }, data: { note: a.note ?? null }, result: undefined };
      case 'close':
        return {
          set: { status: 'closed', closed_at: now, review: JSON.stringify({ review: a.review, lessons: a.lessons ?? null }) },
          data: { review: a.review.slice(0, 200) },
          result: undefined,
        };
    }
  });
