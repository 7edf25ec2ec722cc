import type { Executor } from '../../../platform/db/schema.ts';
import { findStaffCovering, type OrgRef, type StaffMember } from '../../identity/index.ts';
import { OPEN_STATUSES } from '../contract.ts';

export type RoutingCase = { org: OrgRef };
export type Owner = { id: string; name: string };

/**
 * Routing of cases nobody received in person: the eligible complaint handler covering the case's
 * org with the fewest open cases; staff of the outlet complained about are recused (办法 Art 17).
 * Planned for several cases at once (group commit): one staff query per distinct org, one load
 * query for all candidates, and each assignment counts towards the next one's load — the same
 * owners as routing the cases one after another.
 */
export const planOwners = async (tx: Executor, cases: ReadonlyArray<RoutingCase>): Promise<(Owner | null)[]> => {
  if (cases.length === 0) return [];
  const byOrg = new Map<string, StaffMember[]>();
  for (const c of cases) {
    if (byOrg.has(c.org.path)) continue;
    const isOutlet = c.org.type === 'outlet';
    const staff = await findStaffCovering(tx, c.org.path, 'complaint_handler');
    byOrg.set(
      c.org.path,
      staff.filter((s) => !(isOutlet && s.orgPath === c.org.path)),
    );
  }
  const ids = [...new Set([...byOrg.values()].flat().map((s) => s.id))];
  const load = new Map<string, number>();
  if (ids.length > 0) {
    const rows = await tx
      .selectFrom('complaints')
      .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('owner_id', 'in', ids)
      .where('status', 'in', [...OPEN_STATUSES])
      .groupBy('owner_id')
      .execute();
    for (const r of rows) if (r.owner_id) load.set(r.owner_id, Number(r.n));
  }
  return cases.map((c) => {
    const candidates = byOrg.get(c.org.path) ?? [];
    const best = [...candidates].sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || a.username.localeCompare(b.username))[0];
    if (!best) return null;
    load.set(best.id, (load.get(best.id) ?? 0) + 1);
    return { id: best.id, name: best.displayName };
  });
};
