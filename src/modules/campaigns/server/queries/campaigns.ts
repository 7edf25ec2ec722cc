import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import { allowedActions, requirePermission } from '../../../../kernel/policy.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { escapeLike, isPathInScope } from '../../../../platform/scope.ts';
import { orgNames } from '../../../identity/index.ts';
import type { TCampaignDetail, TCampaignSummary, TGoals } from '../../contract.ts';
import { loadCampaign } from '../campaign-store.ts';
import { CAMPAIGN_PERMISSIONS, campaignPolicy } from '../policy.ts';
import { listEvents } from './events.ts';

type Results = { reach: number; attendance: number; quizParticipation: number };

/** Results against goals: reach = people present + reach reported beyond the room; quiz = linked quiz attempts + on-site takers. */
const resultsOf = async (db: Executor, ids: string[]): Promise<Map<string, Results & { events: number }>> => {
  const out = new Map<string, Results & { events: number }>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('cmp_events as e')
    .leftJoin(
      db
        .selectFrom('cmp_registrations')
        .select(['event_id', sql<number>`count(*) filter (where status = 'checked_in')`.as('attended')])
        .groupBy('event_id')
        .as('r'),
      'r.event_id',
      'e.id',
    )
    .select([
      'e.campaign_id',
      sql<number>`count(*) filter (where e.status <> 'cancelled')`.as('events'),
      sql<number>`coalesce(sum(r.attended), 0)`.as('attended'),
      sql<number>`coalesce(sum(e.extra_reach), 0)`.as('extra'),
      sql<number>`coalesce(sum(e.quiz_participants), 0)`.as('quiz'),
    ])
    .where('e.campaign_id', 'in', ids)
    .groupBy('e.campaign_id')
    .execute();
  const quiz = await db
    .selectFrom('cmp_quiz_attempts')
    .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', 'in', ids)
    .groupBy('campaign_id')
    .execute();
  const quizBy = new Map(quiz.map((q) => [q.campaign_id, Number(q.n)]));
  for (const id of ids) {
    const r = rows.find((x) => x.campaign_id === id);
    const attended = Number(r?.attended ?? 0);
    out.set(id, {
      events: Number(r?.events ?? 0),
      attendance: attended,
      reach: attended + Number(r?.extra ?? 0),
      quizParticipation: Number(r?.quiz ?? 0) + (quizBy.get(id) ?? 0),
    });
  }
  return out;
};

export const listCampaigns = async (db: Executor, actor: Actor, q: { year?: number | undefined } = {}): Promise<{ items: TCampaignSummary[] }> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.read);
  const prefix = `${escapeLike(actor.orgPath)}%`;
  let query = db
    .selectFrom('cmp_campaigns as c')
    .selectAll('c')
    .where((eb) =>
      eb.or([
        eb('c.org_path', 'like', prefix),
        eb.exists(eb.selectFrom('cmp_events as e').select('e.id').whereRef('e.campaign_id', '=', 'c.id').where('e.org_path', 'like', prefix)),
      ]),
    );
  if (q.year) query = query.where('c.starts_on', '<=', `${q.year}-12-31`).where('c.ends_on', '>=', `${q.year}-01-01`);
  const rows = await query.orderBy('c.starts_on', 'desc').limit(500).execute();
  const results = await resultsOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await orgNames(
    db,
    rows.map((r) => r.org_id),
  );
  return { items: rows.map((r) => summaryOf(r, results.get(r.id), names.get(r.org_id))) };
};

type Row = {
  id: string;
  theme: TCampaignSummary['theme'];
  title: string;
  starts_on: string;
  ends_on: string;
  audiences: string[];
  org_id: string;
  goals: unknown;
};
const summaryOf = (r: Row, res: (Results & { events: number }) | undefined, orgName: string | undefined): TCampaignSummary => ({
  id: r.id,
  theme: r.theme,
  title: r.title,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  audiences: r.audiences,
  orgId: r.org_id,
  orgName: orgName ?? '',
  goals: r.goals as TGoals,
  results: { reach: res?.reach ?? 0, attendance: res?.attendance ?? 0, quizParticipation: res?.quizParticipation ?? 0 },
  events: res?.events ?? 0,
});

export const getCampaign = async (db: Executor, actor: Actor, id: string): Promise<TCampaignDetail> => {
  requirePermission(actor, CAMPAIGN_PERMISSIONS.read);
  const c = await loadCampaign(db, actor, id);
  const results = await resultsOf(db, [id]);
  const names = await orgNames(db, [c.org_id]);
  // Planners see every event of their campaign; outlet staff only their own.
  const events = await listEvents(db, actor, { campaignId: id, wholeCampaign: isPathInScope(actor, c.org_path) });
  return {
    ...summaryOf(c, results.get(id), names.get(c.org_id)),
    description: c.description,
    quizIds: c.quiz_ids,
    eventList: events.items,
    allowedActions: allowedActions(campaignPolicy, actor, c),
  };
};
