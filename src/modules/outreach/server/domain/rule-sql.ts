import { type RawBuilder, sql } from 'kysely';
import { AppError } from '../../../../kernel/errors.ts';
import { escapeLike } from '../../../../platform/scope.ts';
import type { TRule } from '../../contract.ts';

/**
 * Compiles a segment rule tree into ONE boolean SQL expression over `outreach_customers c`, so a
 * segment of a million customers is counted, sampled or turned into deliveries by the database in
 * one set-based statement. Behaviour conditions become correlated EXISTS over outreach_behaviours
 * (indexed by kind, mobile), so they update the moment a subscribed event is stored.
 */
export type OrgPaths = Map<string, string>;

const ADDRESS: Record<string, string> = { inbox: 'c.id', email: 'c.email', sms: 'c.mobile', wechat: 'c.wechat_openid' };

export const reachableSql = (channel: string): RawBuilder<boolean> =>
  sql<boolean>`(${sql.ref(ADDRESS[channel] ?? 'c.id')} is not null and ${channel} = any(c.consents) and not (${channel} = any(c.opt_outs)))`;

const behaviour = (kind: string, extra: RawBuilder<boolean>[]): RawBuilder<boolean> =>
  sql<boolean>`exists (select 1 from outreach_behaviours b where b.kind = ${kind} and b.mobile = c.mobile${sql.join(
    extra.map((e) => sql` and ${e}`),
    sql``,
  )})`;

export const ruleSql = (rule: TRule, orgs: OrgPaths, now: Date): RawBuilder<boolean> => {
  switch (rule.type) {
    case 'all':
      return sql<boolean>`(${sql.join(
        rule.rules.map((r) => ruleSql(r, orgs, now)),
        sql` and `,
      )})`;
    case 'any':
      return sql<boolean>`(${sql.join(
        rule.rules.map((r) => ruleSql(r, orgs, now)),
        sql` or `,
      )})`;
    case 'not':
      return sql<boolean>`(not ${ruleSql(rule.rule, orgs, now)})`;
    case 'ageBand':
      return sql<boolean>`c.age_band in (${sql.join(rule.values)})`;
    case 'gender':
      return sql<boolean>`c.gender in (${sql.join(rule.values)})`;
    case 'occupation':
      return sql<boolean>`c.occupation in (${sql.join(rule.values)})`;
    case 'homeOrg': {
      const path = orgs.get(rule.orgCode);
      if (!path) throw new AppError('OUTREACH_RULE_INVALID', [{ field: 'rule.orgCode', issue: 'unknown_org', message: rule.orgCode }]);
      return sql<boolean>`c.org_path like ${`${escapeLike(path)}%`}`;
    }
    case 'reachable':
      return reachableSql(rule.channel);
    case 'attended':
      return behaviour('attended', rule.eventId ? [sql<boolean>`b.ref_id = ${rule.eventId}`] : []);
    case 'completedCourse':
      return behaviour('course_completed', rule.courseId ? [sql<boolean>`b.ref_id = ${rule.courseId}`] : []);
    case 'quizScore': {
      const extra: RawBuilder<boolean>[] = [];
      if (rule.quizId) extra.push(sql<boolean>`b.ref_id = ${rule.quizId}`);
      if (rule.below !== undefined) extra.push(sql<boolean>`b.score < ${rule.below}`);
      if (rule.atLeast !== undefined) extra.push(sql<boolean>`b.score >= ${rule.atLeast}`);
      return behaviour('quiz_scored', extra);
    }
    case 'complained': {
      const extra: RawBuilder<boolean>[] = [];
      if (rule.category) extra.push(sql<boolean>`b.category = ${rule.category}`);
      if (rule.withinDays) extra.push(sql<boolean>`b.at > ${new Date(now.getTime() - rule.withinDays * 86_400_000)}`);
      return behaviour('complained', extra);
    }
  }
};

/** Org codes a rule refers to (resolved to paths before compiling). */
export const orgCodesOf = (rule: TRule): string[] => {
  switch (rule.type) {
    case 'all':
    case 'any':
      return rule.rules.flatMap(orgCodesOf);
    case 'not':
      return orgCodesOf(rule.rule);
    case 'homeOrg':
      return [rule.orgCode];
    default:
      return [];
  }
};

/** A short human label of a condition, for the "matches nothing" explanation. */
export const describeRule = (rule: TRule): string => {
  switch (rule.type) {
    case 'all':
      return rule.rules.map(describeRule).join(' 且 ');
    case 'any':
      return `(${rule.rules.map(describeRule).join(' 或 ')})`;
    case 'not':
      return `非(${describeRule(rule.rule)})`;
    case 'ageBand':
      return `年龄段 ∈ ${rule.values.join('/')}`;
    case 'gender':
      return `性别 ∈ ${rule.values.join('/')}`;
    case 'occupation':
      return `职业 ∈ ${rule.values.join('/')}`;
    case 'homeOrg':
      return `归属机构在 ${rule.orgCode} 之下`;
    case 'reachable':
      return `可通过 ${rule.channel} 触达`;
    case 'attended':
      return rule.eventId ? `参加过活动 ${rule.eventId}` : '参加过任一活动';
    case 'completedCourse':
      return rule.courseId ? `完成课程 ${rule.courseId}` : '完成过任一课程';
    case 'quizScore':
      return `答题${rule.quizId ? ` ${rule.quizId}` : ''}${rule.below !== undefined ? ` 得分 < ${rule.below}` : ''}${rule.atLeast !== undefined ? ` 得分 ≥ ${rule.atLeast}` : ''}`;
    case 'complained':
      return `投诉过${rule.category ? ` ${rule.category}` : ''}${rule.withinDays ? `（近 ${rule.withinDays} 天）` : ''}`;
  }
};
