import { systemActor } from '../../../kernel/actor.ts';
import { newId } from '../../../kernel/ids.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { DemoSeedContext } from '../../../platform/module.ts';
import { buildSearchDocument } from '../../../platform/search/index.ts';
import { findStaffCovering, listOrgRefs } from '../../identity/index.ts';
import type { TChannel, TStatus } from '../contract.ts';
import { personName, prng, SCENARIOS } from './demo-scenarios.ts';
import { shanghaiDate } from './domain/calendar.ts';
import { type ClockEvent, computeClock } from './domain/clock.ts';

const DAY = 86_400_000;
const CHANNELS: [TChannel, number][] = [
  ['counter', 30],
  ['phone', 30],
  ['app', 15],
  ['web', 5],
  ['letter', 3],
  ['email', 2],
  ['regulator', 12],
  ['media', 3],
];

type Ev = { type: string; at: Date; data?: Record<string, unknown> };

/**
 * About 3,000 complaints over two years across every status, channel and code, with a
 * 3·15 peak, some overdue, some extended, some paused, regulator transfers that went through
 * quality review. Inserted in bulk (one audit record for the whole seed).
 */
export const seedComplaintsDemo = async (ctx: DemoSeedContext, count = Number(process.env.XIAOBAO_DEMO_COMPLAINTS ?? 3000)): Promise<void> => {
  const r = prng(20260315);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const weighted = <T>(xs: [T, number][]): T => {
    let x = r() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of xs) {
      x -= w;
      if (x < 0) return v;
    }
    return (xs[0] as [T, number])[0];
  };
  const outlets = await listOrgRefs(ctx.db, 'outlet');
  const branch = (await listOrgRefs(ctx.db, 'branch'))[0];
  if (!branch || outlets.length === 0) return;
  const handlers = new Map<string, { id: string; name: string }[]>();
  for (const o of outlets)
    handlers.set(
      o.id,
      (await findStaffCovering(ctx.db, o.path, 'complaint_handler')).filter((s) => s.orgPath !== o.path).map((s) => ({ id: s.id, name: s.displayName })),
    );

  const now = ctx.clock.now();
  const complaints: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const notices: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    // Skewed towards recent days, with a peak around 15 March.
    let ageDays = Math.floor(730 * r() ** 1.6);
    if (r() < 0.08)
      ageDays = Math.max(
        0,
        Math.round((now.getTime() - new Date(`${now.getUTCFullYear() - (r() < 0.5 ? 0 : 1)}-03-15T02:00:00Z`).getTime()) / DAY) + Math.floor(r() * 7) - 3,
      );
    if (ageDays < 0 || ageDays > 730) ageDays = Math.floor(r() * 365);
    const receivedAt = new Date(now.getTime() - ageDays * DAY - Math.floor(r() * 8) * 3600_000);
    const outlet = pick(outlets);
    const sc = pick(SCENARIOS);
    const channel = weighted(CHANNELS);
    const owner = pick(handlers.get(outlet.id) ?? []) ?? null;
    const fill = (s: string) =>
      s
        .replace('{n}', String(Math.floor(r() * 900) + 60))
        .replace('{m}', String(Math.floor(r() * 12) + 1))
        .replace('{age}', String(60 + Math.floor(r() * 25)))
        .replace('{outlet}', outlet.name);
    const facts = fill(pick(sc.facts));
    const elderly = /岁|老人|老年|母亲/.test(facts) || r() < 0.08;
    const flags = [elderly && 'elderly', channel === 'regulator' && 'regulator', channel === 'media' && 'media', r() < 0.06 && 'repeat'].filter(
      (f): f is string => typeof f === 'string',
    );
    const id = newId();
    const ev: Ev[] = [{ type: 'received', at: receivedAt, data: { channel } }];
    // Event times fall after receipt and never in the future.
    const at = (d: number) => new Date(Math.max(receivedAt.getTime(), Math.min(receivedAt.getTime() + d * DAY + 3 * 3600_000, now.getTime())));
    let status: TStatus = 'registered';
    const roll = r();
    const decide = (day: number, extended: boolean) => {
      if (extended) {
        ev.push({ type: 'extension_requested', at: at(11), data: { limitDays: 30, reason: '需调取交易流水并与合作机构核实' } });
        ev.push({ type: 'extended', at: at(12), data: { limitDays: 30, approvedBy: 'cpadmin' } });
        notices.push({
          id: newId(),
          complaint_id: id,
          kind: 'extension',
          method: 'sms',
          sent_at: at(12),
          evidence: '短信平台发送回执',
          in_time: true,
          recorded_by: owner?.name ?? 'system',
          created_at: at(12),
        });
      }
      ev.push({ type: 'decision_drafted', at: at(day - 1), data: {} });
      if (flags.includes('regulator')) ev.push({ type: 'review_approved', at: at(day - 1), data: { comment: '事实清楚，答复规范' } });
      const sent = at(day);
      notices.push({
        id: newId(),
        complaint_id: id,
        kind: 'decision',
        method: pick(['phone', 'sms', 'letter', 'in_person']),
        sent_at: sent,
        evidence: `通话录音编号 REC${String(100000 + i)}`,
        in_time: true,
        recorded_by: owner?.name ?? 'system',
        created_at: sent,
      });
      ev.push({ type: 'notice_sent', at: sent, data: { kind: 'decision' } }, { type: 'stopped', at: sent, data: { reason: 'decision_notified' } });
    };
    ev.push({ type: 'accepted', at: at(r() < 0.7 ? 0 : 1) });
    if (ageDays > 60 || (ageDays > 15 && roll < 0.75)) {
      const extended = r() < 0.08;
      const day = extended ? 16 + Math.floor(r() * 12) : r() < 0.03 ? 16 + Math.floor(r() * 3) : 2 + Math.floor(r() * 12);
      if (roll < 0.04) {
        status = 'withdrawn';
        ev.push({ type: 'withdrawn', at: at(2) }, { type: 'stopped', at: at(2), data: { reason: 'withdrawn' } });
      } else {
        decide(Math.min(day, ageDays), extended);
        status = ageDays - day > 3 ? 'closed' : 'notified';
        if (status === 'closed') ev.push({ type: 'closed', at: at(day + 2) });
      }
    } else if (ageDays > 15) {
      status = roll < 0.85 ? 'in_progress' : 'paused';
      if (roll < 0.82) ev.push({ type: 'extended', at: at(12), data: { limitDays: 30 } });
      if (status === 'paused') ev.push({ type: 'paused', at: at(ageDays - 3), data: { reason: 'appraisal' } });
    } else {
      status = weighted<TStatus>([
        ['registered', 15],
        ['accepted', 20],
        ['in_progress', 35],
        ['decision_drafted', 12],
        ['in_review', flags.includes('regulator') ? 10 : 0],
        ['notified', 8],
      ]);
      if (status === 'registered') ev.pop();
      if (status === 'notified') decide(Math.max(1, ageDays), false);
    }
    const clockEvents = ev
      .filter((e) => ['received', 'extended', 'paused', 'resumed', 'stopped'].includes(e.type))
      .map((e) => ({ type: e.type, at: e.at, limitDays: e.data?.limitDays }) as ClockEvent);
    const clock = computeClock(clockEvents, now);
    const title = sc.title;
    complaints.push({
      id,
      tracking_code: `TS${shanghaiDate(receivedAt).replaceAll('-', '')}${String(900000 + i).padStart(6, '0')}`,
      channel,
      regulator_ticket: channel === 'regulator' ? `12378-${receivedAt.getUTCFullYear()}-${String(10000 + i)}` : null,
      received_at: receivedAt,
      org_id: outlet.id,
      org_path: outlet.path,
      receiving_org_id: channel === 'counter' ? outlet.id : branch.id,
      first_responder_id: owner?.id ?? null,
      first_responder_name: owner?.name ?? '系统分派',
      owner_id: owner?.id ?? null,
      owner_name: owner?.name ?? null,
      status,
      complainant_name: personName(r),
      phone: `1${pick(['35', '38', '39', '58', '86', '88'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      id_number: null,
      party: JSON.stringify({ role: 'self' }),
      title,
      facts,
      request: sc.request,
      business_category: status === 'registered' ? null : sc.b,
      cause: status === 'registered' ? null : sc.c,
      flags,
      group_size: null,
      deadline: clock.deadline,
      stage: clock.stage,
      decision: JSON.stringify(
        ['notified', 'closed'].includes(status)
          ? {
              verifiedFacts: '经调阅交易记录与录音录像核实',
              basis: '依据合同约定及监管规定',
              outcome: '已向客户解释并妥善处理',
              remedies: ['review', 'mediation', 'arbitration', 'litigation'],
              reviewed: flags.includes('regulator'),
            }
          : null,
      ),
      root_cause: status === 'closed' ? '业务流程告知环节不到位' : null,
      rectification: status === 'closed' ? '修订告知话术并开展专项培训' : null,
      merged_into: null,
      closed_at: ['closed', 'withdrawn'].includes(status) ? at(Math.min(ageDays, 20)) : null,
      created_at: receivedAt,
      updated_at: now,
      ...buildSearchDocument([title, facts, sc.request]),
    });
    for (const e of ev)
      events.push({
        complaint_id: id,
        at: e.at,
        type: e.type,
        actor_id: null,
        actor_name: e.type === 'received' ? 'intake' : (owner?.name ?? 'system'),
        data: JSON.stringify(e.data ?? {}),
      });
  }

  const actor = systemActor('seed-demo');
  await inTransaction(ctx, actor, async ({ tx, audit }) => {
    for (let i = 0; i < complaints.length; i += 250)
      await tx
        .insertInto('complaints')
        .values(complaints.slice(i, i + 250) as never)
        .execute();
    for (let i = 0; i < events.length; i += 1000)
      await tx
        .insertInto('complaint_events')
        .values(events.slice(i, i + 1000) as never)
        .execute();
    for (let i = 0; i < notices.length; i += 1000)
      await tx
        .insertInto('complaint_notices')
        .values(notices.slice(i, i + 1000) as never)
        .execute();
    await audit({ action: 'complaint.demo_seeded', targetType: 'complaint', note: { count: complaints.length } });
  });
  ctx.log(`投诉 complaints: ${complaints.length}`);
};
