import type { Actor } from '../../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import type { NOT_ACCEPTED_REASONS } from '../../contract.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent, fileRequest } from '../complaint-store.ts';

/** 不予受理 needs a supervisor's approval (regulation.md §1.2); this files the request. */
export const requestNotAccepted = (deps: ModuleDeps, actor: Actor, id: string, reason: (typeof NOT_ACCEPTED_REASONS)[number], explanation: string) =>
  runCaseAction(deps, actor, id, 'not_accept', async ({ actor, tx, now }) => {
    await fileRequest(tx, actor, { complaintId: id, kind: 'not_accepted', data: { reason, explanation }, assigneeId: null, now });
    await appendEvent(tx, id, actor, 'not_accepted_requested', { reason, explanation }, now);
  });
