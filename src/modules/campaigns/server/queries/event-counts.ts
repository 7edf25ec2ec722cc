import { sql } from 'kysely';
import type { Executor } from '../../../../platform/db/schema.ts';

export type Counts = { registered: number; attended: number; walkIns: number };
const ZERO: Counts = { registered: 0, attended: 0, walkIns: 0 };

/** Registered (not walk-ins), present (incl. walk-ins) and walk-ins per event, in one grouped query. */
export const countsByEvent = async (db: Executor, eventIds: string[]): Promise<(id: string) => Counts> => {
  if (eventIds.length === 0) return () => ZERO;
  const rows = await db
    .selectFrom('cmp_registrations')
    .select([
      'event_id',
      sql<number>`count(*) filter (where not walk_in)`.as('registered'),
      sql<number>`count(*) filter (where status = 'checked_in')`.as('attended'),
      sql<number>`count(*) filter (where walk_in)`.as('walk_ins'),
    ])
    .where('event_id', 'in', eventIds)
    .groupBy('event_id')
    .execute();
  const map = new Map(rows.map((r) => [r.event_id, { registered: Number(r.registered), attended: Number(r.attended), walkIns: Number(r.walk_ins) }]));
  return (id) => map.get(id) ?? ZERO;
};
