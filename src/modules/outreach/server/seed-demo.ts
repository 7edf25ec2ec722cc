import { sql } from 'kysely';
import { systemActor } from '../../../kernel/actor.ts';
import { newId } from '../../../kernel/ids.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { DemoSeedContext } from '../../../platform/module.ts';
import { listOrgRefs } from '../../identity/index.ts';
import { AGE_BANDS, OCCUPATIONS, type TRule } from '../contract.ts';
import { SEED_ALERTS } from './seed-alerts.ts';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志明淑珍凤琴海燕春梅秀云德胜';

/**
 * Fictional customers (set-based, one INSERT … SELECT over generate_series), three segments, the
 * published risk alerts and one finished push with its delivery history. Fast: well under a second.
 */
export const seedOutreachDemo = async (ctx: DemoSeedContext): Promise<void> => {
  if (ctx.config.demoSize === 'test') return;
  const outlets = (await listOrgRefs(ctx.db, 'outlet')).filter((o) => o.code.startsWith('CC-'));
  const branch = (await listOrgRefs(ctx.db, 'branch'))[0];
  if (!outlets.length || !branch) return;
  const count = ctx.config.demoCustomers;
  const actor = { ...systemActor('demo-seed'), orgId: branch.id, orgPath: branch.path };
  const now = ctx.clock.now();
  await inTransaction(ctx, actor, async (uow) => {
    const tx = uow.tx;
    await sql`
      insert into outreach_customers (id, name, mobile, email, wechat_openid, age_band, gender, occupation, home_org_id, home_org_code, org_path, consents, opt_outs)
      select gen_random_uuid(),
        substr(${SURNAMES}, 1 + (i * 7) % ${SURNAMES.length}, 1) || substr(${GIVEN}, 1 + (i * 13) % ${GIVEN.length}, 1) || case when i % 3 = 0 then substr(${GIVEN}, 1 + (i * 5) % ${GIVEN.length}, 1) else '' end,
        '1' || (array['39','38','37','36','58','59','88','86'])[1 + i % 8] || lpad(((i * 7919) % 100000000)::text, 8, '0'),
        case when i % 4 <> 0 then 'demo' || i || '@example.com' end,
        case when i % 3 = 0 then 'oDemo' || lpad(i::text, 10, '0') end,
        (${sql.val([...AGE_BANDS])}::text[])[1 + (i * 3) % 4],
        case when i % 2 = 0 then 'F' else 'M' end,
        (${sql.val([...OCCUPATIONS])}::text[])[1 + (i * 11) % ${OCCUPATIONS.length}],
        (${sql.val(outlets.map((o) => o.id))}::uuid[])[1 + i % ${outlets.length}],
        (${sql.val(outlets.map((o) => o.code))}::text[])[1 + i % ${outlets.length}],
        (${sql.val(outlets.map((o) => o.path))}::text[])[1 + i % ${outlets.length}],
        case when i % 10 = 0 then array['inbox'] when i % 5 = 0 then array['inbox','sms'] else array['inbox','sms','email','wechat'] end,
        case when i % 37 = 0 then array['email'] else '{}'::text[] end
      from generate_series(1, ${count}) as g(i)
      on conflict do nothing`.execute(tx);
    const segments: [string, string, TRule][] = [
      ['长者客户（60岁以上）', '养老诈骗、电信诈骗风险提示的重点人群', { type: 'ageBand', values: ['60+'] }],
      [
        '新就业形态劳动者',
        '外卖骑手、网约车司机、快递员等',
        { type: 'occupation', values: ['外卖骑手', '网约车司机', '快递员', '网络主播', '货车司机', '家政服务员'] },
      ],
      [
        '可短信触达的长者',
        '年龄 60+ 且已授权短信',
        {
          type: 'all',
          rules: [
            { type: 'ageBand', values: ['60+'] },
            { type: 'reachable', channel: 'sms' },
          ],
        },
      ],
    ];
    const segIds: string[] = [];
    for (const [name, description, rule] of segments) {
      const id = newId();
      segIds.push(id);
      await tx
        .insertInto('outreach_segments')
        .values({ id, name, description, rule: JSON.stringify(rule), org_id: branch.id, org_path: branch.path, created_by: '消保部' })
        .execute();
    }
    const alertIds: string[] = [];
    for (const [i, a] of SEED_ALERTS.entries()) {
      const id = newId();
      alertIds.push(id);
      const published = a.status === 'published';
      await tx
        .insertInto('outreach_risk_alerts')
        .values({
          id,
          fraud_type: a.fraudType,
          title: a.title,
          what_happens: a.whatHappens,
          how_to_protect: a.howToProtect,
          where_to_report: '拨打全国反诈专线 96110 或报警 110；也可拨打本行客服热线或到就近网点咨询。',
          keywords: a.keywords,
          status: a.status,
          author_id: null,
          author_name: '消保部宣教组',
          reviewer_id: null,
          reviewer_name: published ? 'cpadmin' : null,
          review_comment: published ? '内容准确，同意发布' : null,
          cited_incident_id: null,
          cited_note: a.citedNote ?? null,
          published_at: published ? new Date(now.getTime() - (SEED_ALERTS.length - i) * 6 * 86_400_000) : null,
          org_id: branch.id,
          org_path: branch.path,
        })
        .execute();
    }
    // One finished push to the elderly segment, with its history (sent four days ago).
    const pushId = newId();
    const at = new Date(now.getTime() - 4 * 86_400_000);
    await tx
      .insertInto('outreach_pushes')
      .values({
        id: pushId,
        title: SEED_ALERTS[1]?.title ?? '风险提示',
        body: '近期出现以"养老服务""高息理财"为名的诈骗，请勿轻信、勿转账，有疑问拨打 96110。',
        content_kind: 'risk_alert',
        content_ref: alertIds[1] ?? null,
        link_path: `/portal/risk-alerts/${alertIds[1]}`,
        segment_id: segIds[0] as string,
        channels: ['sms', 'email'],
        status: 'done',
        started_at: at,
        finished_at: new Date(at.getTime() + 180_000),
        recipients: 0,
        org_id: branch.id,
        org_path: branch.path,
        created_by: 'cpadmin',
      })
      .execute();
    await sql`
      insert into outreach_deliveries (push_id, customer_id, channel, address, status, skip_reason, attempts, next_attempt_at, sent_at, delivered_at, opened_at, clicked_at)
      select ${pushId}::uuid, c.id, ch.channel, case ch.channel when 'sms' then c.mobile else c.email end,
        case when not (ch.channel = any(c.consents)) or ch.channel = any(c.opt_outs) then 'skipped'
             when (case ch.channel when 'sms' then c.mobile else c.email end) is null then 'skipped'
             when hashtext(c.id::text) % 50 = 0 then 'failed' else 'delivered' end,
        case when ch.channel = any(c.opt_outs) then 'opted_out' when not (ch.channel = any(c.consents)) then 'no_consent'
             when (case ch.channel when 'sms' then c.mobile else c.email end) is null then 'no_address' end,
        1, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz,
        case when ch.channel = 'email' and hashtext(c.id::text) % 3 = 0 then ${at}::timestamptz end,
        case when ch.channel = 'email' and hashtext(c.id::text) % 9 = 0 then ${at}::timestamptz end
      from outreach_customers c cross join unnest(array['sms', 'email']) as ch(channel)
      where c.age_band = '60+'`.execute(tx);
    await sql`update outreach_deliveries set sent_at = null, delivered_at = null, opened_at = null, clicked_at = null, last_error = case when status = 'failed' then 'HTTP 503' end
      where push_id = ${pushId} and status in ('skipped', 'failed')`.execute(tx);
    await sql`update outreach_pushes set recipients = (select count(distinct customer_id) from outreach_deliveries where push_id = ${pushId}) where id = ${pushId}`.execute(
      tx,
    );
    await sql`update outreach_segments s set last_count = (select count(*) from outreach_customers c where c.age_band = '60+'), last_counted_at = now() where id = ${segIds[0]}`.execute(
      tx,
    );
  });
  ctx.log(`触达 outreach: ${count} 位客户, ${SEED_ALERTS.length} 条风险提示, 1 次已完成推送`);
};
