import { z } from 'zod';
import { systemActor } from '../../../kernel/actor.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import { defineJob } from '../../../platform/jobs/jobs.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { OPEN_STATUSES } from '../contract.ts';
import { appendEvent, refreshClock } from './complaint-store.ts';

const LADDER = ['on_track', 'warning', 'escalated', 'overdue'];

/**
 * The escalation ladder (regulation.md §1.4: warn at day 10, escalate at day 13, overdue ⇒ the
 * consumer-protection head): recompute every open case's clock; when a case moves up the ladder,
 * record it on the timeline and emit an event that notifications subscribe to.
 */
export const escalateComplaintClocks = async (deps: ModuleDeps): Promise<number> => {
  const now = deps.clock.now();
  const open = await deps.db
    .selectFrom('complaints')
    .select(['id', 'stage', 'owner_name'])
    .where('status', 'in', [...OPEN_STATUSES])
    .execute();
  let moved = 0;
  const actor = systemActor('clock-job');
  for (const c of open) {
    await inTransaction(deps, actor, async ({ tx, emit }) => {
      const clock = await refreshClock(tx, c.id, now);
      if (LADDER.indexOf(clock.stage) > LADDER.indexOf(c.stage)) {
        moved++;
        await appendEvent(tx, c.id, actor, `clock_${clock.stage}`, { deadline: clock.deadline, daysLeft: clock.daysLeft, owner: c.owner_name }, now);
        await emit(`complaint.clock_${clock.stage}`, { complaintId: c.id, deadline: clock.deadline, notify: clock.stage === 'overdue' ? 'cp_head' : 'owner' });
      }
    });
  }
  return moved;
};

export const complaintJobs = (deps: ModuleDeps) => [
  defineJob({
    name: 'complaints.escalate-clocks',
    payload: z.object({}).passthrough(),
    cron: '*/10 * * * *',
    retryLimit: 2,
    handler: async () => {
      await escalateComplaintClocks(deps);
    },
  }),
];
