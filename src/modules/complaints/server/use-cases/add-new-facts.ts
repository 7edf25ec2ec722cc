import type { Actor } from '../../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { buildSearchDocument } from '../../../../platform/search/index.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent } from '../complaint-store.ts';

/** New facts or reasons restart the clock from their receipt (办法 Art 18); the case goes back to work. */
export const addNewFacts = (deps: ModuleDeps, actor: Actor, id: string, facts: string) =>
  runCaseAction(deps, actor, id, 'new_facts', async ({ actor, tx, row, now }) => {
    const allFacts = `${row.facts}\n\n【补充事实 ${now.toISOString().slice(0, 10)}】${facts}`;
    await tx
      .updateTable('complaints')
      .set({
        status: 'in_progress',
        facts: allFacts,
        decision: JSON.stringify(null),
        closed_at: null,
        ...buildSearchDocument([row.tracking_code, row.title, allFacts, row.request]),
      })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, id, actor, 'restarted', { facts }, now);
  });
