import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { escapeLike } from '../../../../platform/scope.ts';
import { orgNames } from '../../../identity/index.ts';
import type { TReach } from '../../contract.ts';
import { dayEnd, dayStart } from '../campaign-store.ts';
import { CAMPAIGN_PERMISSIONS } from '../policy.ts';

type Filter = { campaignId?: string | undefined; from?: string | undefined; to?: string | undefined };

/**
 * Reach of the events in the actor's scope: people present by audience, by running org (outlet)
 * and by how they came (online sign-up, staff entry, walk-in), plus the reach reported beyond the room.
 */
export const getReach = async (db: Executor, actor: Actor, f: Filter): Promise<TReach> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.read);
  const events = () => {
    let q = db
      .selectFrom('cmp_events as e')
      .where('e.org_path', 'like', `${escapeLike(actor.orgPath)}%`)
      .where('e.status', '!=', 'cancelled');
    if (f.campaignId) q = q.where('e.campaign_id', '=', f.campaignId);
    if (f.from) q = q.where('e.starts_at', '>=', dayStart(f.from));
    if (f.to) q = q.where('e.starts_at', '<', dayEnd(f.to));
    return q;
  };
  const present = () => events().innerJoin('cmp_registrations as r', 'r.event_id', 'e.id').where('r.status', '=', 'checked_in');
  const n = sql<number>`count(*)`;
  const [totals, regs, byAudience, byOrg, byChannel, byVenue] = await Promise.all([
    events()
      .select([sql<number>`count(*)`.as('events'), sql<number>`coalesce(sum(e.extra_reach), 0)`.as('extra')])
      .executeTakeFirstOrThrow(),
    events()
      .innerJoin('cmp_registrations as r', 'r.event_id', 'e.id')
      .select([
        sql<number>`count(*) filter (where not r.walk_in)`.as('registered'),
        sql<number>`count(*) filter (where r.status = 'checked_in')`.as('attended'),
        sql<number>`count(*) filter (where r.walk_in)`.as('walk_ins'),
      ])
      .executeTakeFirstOrThrow(),
    present()
      .select([sql<string>`coalesce(r.audience, 'unknown')`.as('key'), n.as('people')])
      .groupBy(sql`coalesce(r.audience, 'unknown')`)
      .execute(),
    present()
      .select(['e.org_id as key', n.as('people')])
      .groupBy('e.org_id')
      .execute(),
    present()
      .select(['r.channel as key', n.as('people')])
      .groupBy('r.channel')
      .execute(),
    present()
      .select(['e.venue_type as key', n.as('people')])
      .groupBy('e.venue_type')
      .execute(),
  ]);
  const names = await orgNames(
    db,
    byOrg.map((r) => r.key),
  );
  const sorted = (rows: { key: string; people: number }[]) => rows.map((r) => ({ key: r.key, people: Number(r.people) })).sort((a, b) => b.people - a.people);
  const attended = Number(regs.attended);
  const extra = Number(totals.extra);
  return {
    totals: {
      events: Number(totals.events),
      registered: Number(regs.registered),
      attended,
      walkIns: Number(regs.walk_ins),
      extraReach: extra,
      reach: attended + extra,
    },
    byAudience: sorted(byAudience),
    byOutlet: sorted(byOrg.map((r) => ({ key: names.get(r.key) ?? r.key, people: r.people }))),
    byChannel: sorted(byChannel),
    byVenue: sorted(byVenue),
  };
};
