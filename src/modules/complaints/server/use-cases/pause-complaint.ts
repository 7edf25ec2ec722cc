import type { Actor } from '../../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { PAUSE_REASONS } from '../../contract.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent } from '../complaint-store.ts';

/** External appraisal or mediation: the clock stops (办法 Arts 18, 23); the complainant is told. */
export const pauseComplaint = (deps: ModuleDeps, actor: Actor, id: string, reason: (typeof PAUSE_REASONS)[number], note: string) =>
  runCaseAction(deps, actor, id, 'pause', async ({ actor, tx, row, now }) => {
    await tx.updateTable('complaints').set({ status: 'paused' }).where('id', '=', id).execute();
    await appendEvent(tx, id, actor, 'paused', { reason, note, resumeTo: row.status }, now);
  });

export const resumeComplaint = (deps: ModuleDeps, actor: Actor, id: string, note?: string) =>
  runCaseAction(deps, actor, id, 'resume', async ({ actor, tx, now }) => {
    await tx.updateTable('complaints').set({ status: 'in_progress' }).where('id', '=', id).execute();
    await appendEvent(tx, id, actor, 'resumed', note ? { note } : {}, now);
  });
