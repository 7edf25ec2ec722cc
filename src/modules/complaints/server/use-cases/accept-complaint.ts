import type { Actor } from '../../../../kernel/actor.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { runCaseAction } from '../case-action.ts';
import { appendEvent } from '../complaint-store.ts';

/** 受理: the case is taken on; whoever accepts an unowned case becomes its owner. */
export const acceptComplaint = (deps: ModuleDeps, actor: Actor, id: string, note?: string) =>
  runCaseAction(deps, actor, id, 'accept', async ({ actor, tx, row, now }) => {
    const owner = row.owner_id ? {} : { owner_id: actor.userId, owner_name: actor.username };
    await tx
      .updateTable('complaints')
      .set({ status: 'accepted', ...owner })
      .where('id', '=', id)
      .execute();
    await appendEvent(tx, id, actor, 'accepted', note ? { note } : {}, now);
  });
