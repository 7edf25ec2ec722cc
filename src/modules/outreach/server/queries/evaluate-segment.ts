import { sql } from 'kysely';
import type { Actor } from '../../../../kernel/actor.ts';
import type { Executor } from '../../../../platform/db/schema.ts';
import { escapeLike } from '../../../../platform/scope.ts';
import { findOrg } from '../../../identity/index.ts';
import type { TRule, TSegmentPreview } from '../../contract.ts';
import { describeRule, type OrgPaths, orgCodesOf, ruleSql } from '../domain/rule-sql.ts';
import { CUSTOMER_COLUMNS, presentCustomer } from './customers.ts';

export const resolveOrgPaths = async (db: Executor, rule: TRule): Promise<OrgPaths> => {
  const out: OrgPaths = new Map();
  for (const code of new Set(orgCodesOf(rule))) {
    const org = await findOrg(db, { code });
    if (org) out.set(code, org.path);
  }
  return out;
};

/** The rule plus the actor's data scope, as one WHERE expression over `outreach_customers c`. */
export const segmentWhere = async (db: Executor, scopePath: string, rule: TRule, now: Date) =>
  sql<boolean>`c.org_path like ${`${escapeLike(scopePath)}%`} and ${ruleSql(rule, await resolveOrgPaths(db, rule), now)}`;

const countWhere = async (db: Executor, where: ReturnType<typeof sql<boolean>>) =>
  (await sql<{ n: number }>`select count(*)::int as n from outreach_customers c where ${where}`.execute(db)).rows[0]?.n ?? 0;

/** Live count and a masked sample; an empty result explains how many each top-level condition matches alone. */
export const evaluateSegment = async (db: Executor, actor: Actor, rule: TRule, now: Date, sampleSize = 10): Promise<TSegmentPreview> => {
  const where = await segmentWhere(db, actor.orgPath, rule, now);
  const count = await countWhere(db, where);
  const sample =
    count > 0
      ? await db
          .selectFrom('outreach_customers as c')
          .select(CUSTOMER_COLUMNS)
          .where(() => where)
          .orderBy('c.created_at', 'desc')
          .limit(sampleSize)
          .execute()
      : [];
  const explain: TSegmentPreview['explain'] = [];
  if (count === 0) {
    const parts = rule.type === 'all' ? rule.rules : [rule];
    for (const part of parts) explain.push({ condition: describeRule(part), count: await countWhere(db, await segmentWhere(db, actor.orgPath, part, now)) });
  }
  return { count, isEmpty: count === 0, explain, sample: sample.map((r) => presentCustomer(r)) };
};
