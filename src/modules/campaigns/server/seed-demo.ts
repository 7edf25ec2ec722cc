import type { Insertable } from 'kysely';
import { systemActor } from '../../../kernel/actor.ts';
import { newId } from '../../../kernel/ids.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { DemoSeedContext } from '../../../platform/module.ts';
import { listOrgRefs, type OrgRef } from '../../identity/index.ts';
import type { TAudience, TGoals, TTheme, TVenue } from '../contract.ts';
import { iso, newCheckInCode, publicEventPath } from './campaign-store.ts';
import type { CmpAssistsTable, CmpEventsTable, CmpRegistrationsTable, Speaker } from './db/tables.ts';

type SeedEvent = { title: string; venue: TVenue; place: string; outlet: number | null; at: string; hours: number; capacity: number; speakers: Speaker[] };
type SeedCampaign = { theme: TTheme; title: string; description: string; from: string; to: string; audiences: TAudience[]; goals: TGoals; events: SeedEvent[] };

const LAW = { name: '王律师', kind: 'partner', organisation: '吉林法信律师事务所' } as const;
const POLICE = { name: '李警官', kind: 'partner', organisation: '南关区公安分局反诈中心' } as const;
const CA = { name: '赵主任', kind: 'partner', organisation: '长春市消费者协会' } as const;
const staff = (name: string): Speaker => ({ name, kind: 'staff', organisation: '星河银行长春分行' });

/** The 2026 calendar of the demo branch; `outlet` indexes the demo outlets (0 = 人民大街网点 …). */
const CAMPAIGNS: SeedCampaign[] = [
  {
    theme: 'leifeng',
    title: '学雷锋·金融志愿服务进驿站',
    description: '青年志愿者走进“劳动者港湾”驿站和社区，为外卖骑手、快递员讲解防范“跑分”、断卡与工伤保险理赔。',
    from: '2026-03-02',
    to: '2026-03-06',
    audiences: ['gig_workers', 'elderly'],
    goals: { reach: 300, attendance: 60, quizParticipation: 40 },
    events: [
      {
        title: '骑手驿站：不出借银行卡，远离“跑分”',
        venue: 'station',
        place: '红旗街劳动者港湾驿站',
        outlet: 5,
        at: '2026-03-05T14:00',
        hours: 2,
        capacity: 30,
        speakers: [staff('杨帆'), POLICE],
      },
      {
        title: '社区助老：手机银行手把手',
        venue: 'community',
        place: '自由大路社区服务中心',
        outlet: 3,
        at: '2026-03-05T09:30',
        hours: 2,
        capacity: 40,
        speakers: [staff('张伟')],
      },
    ],
  },
  {
    theme: 'womens_day',
    title: '“她”力量·女性金融安全课堂',
    description: '面向女性客户讲解理财产品风险等级、婚恋交友诈骗识别和个人信息保护。',
    from: '2026-03-06',
    to: '2026-03-09',
    audiences: ['women'],
    goals: { reach: 200, attendance: 50, quizParticipation: 30 },
    events: [
      {
        title: '理财不踩坑：看懂风险等级',
        venue: 'outlet',
        place: '重庆路网点',
        outlet: 1,
        at: '2026-03-08T10:00',
        hours: 1.5,
        capacity: 25,
        speakers: [staff('周婷')],
      },
      {
        title: '企业女职工专场：警惕“杀猪盘”',
        venue: 'enterprise',
        place: '一汽某零部件公司职工之家',
        outlet: 10,
        at: '2026-03-07T15:00',
        hours: 1.5,
        capacity: 40,
        speakers: [staff('黄蕾'), LAW],
      },
    ],
  },
  {
    theme: 'tree_planting',
    title: '植树节·绿色金融与防范非法集资',
    description: '结合植树节宣传绿色信贷，提示“苗木种植”“林权认购”类高回报非法集资风险。',
    from: '2026-03-10',
    to: '2026-03-13',
    audiences: ['rural', 'elderly'],
    goals: { reach: 250, attendance: 40, quizParticipation: 20 },
    events: [
      {
        title: '“认养果树年收益20%”？揭穿非法集资',
        venue: 'community',
        place: '净月街道玉潭村村委会',
        outlet: 35,
        at: '2026-03-12T09:00',
        hours: 2,
        capacity: 50,
        speakers: [staff('林涛'), POLICE],
      },
    ],
  },
  {
    theme: 'cp315',
    title: '3·15 金融消费者权益日：守住“钱袋子”',
    description: '以“八项权利”和防范电信网络诈骗为主线，网点、社区、学校、企业同步开展，律师事务所现场答疑。',
    from: '2026-03-01',
    to: '2026-03-31',
    audiences: ['elderly', 'youth', 'new_urban'],
    goals: { reach: 2000, attendance: 300, quizParticipation: 500 },
    events: [
      {
        title: '人民大街网点：八项权利讲堂',
        venue: 'outlet',
        place: '人民大街网点',
        outlet: 0,
        at: '2026-03-15T09:30',
        hours: 1.5,
        capacity: 40,
        speakers: [staff('王静'), LAW],
      },
      {
        title: '红旗街网点：老年人防骗专场',
        venue: 'outlet',
        place: '红旗街网点',
        outlet: 5,
        at: '2026-03-15T14:00',
        hours: 1.5,
        capacity: 35,
        speakers: [staff('杨帆'), POLICE],
      },
      {
        title: '长春大街网点：征信修复骗局揭秘',
        venue: 'outlet',
        place: '长春大街网点',
        outlet: 10,
        at: '2026-03-14T10:00',
        hours: 1,
        capacity: 30,
        speakers: [staff('黄蕾')],
      },
      {
        title: '大学城专场：远离校园贷与刷单返利',
        venue: 'school',
        place: '长春某大学图书馆报告厅',
        outlet: 30,
        at: '2026-03-13T15:00',
        hours: 2,
        capacity: 80,
        speakers: [staff('林涛'), POLICE],
      },
      {
        title: '亚泰大街社区：消费者权益咨询日',
        venue: 'community',
        place: '亚泰大街社区广场',
        outlet: 2,
        at: '2026-03-15T09:00',
        hours: 3,
        capacity: 60,
        speakers: [staff('张伟'), CA, LAW],
      },
      {
        title: '线上直播：3·15 金融维权怎么做',
        venue: 'online',
        place: '星河银行视频号直播间',
        outlet: null,
        at: '2026-03-15T19:30',
        hours: 1,
        capacity: 200,
        speakers: [staff('刘洋'), LAW],
      },
    ],
  },
  {
    theme: 'fin_edu_month',
    title: '2026 年金融教育宣传月',
    description: '9月集中开展金融知识普及，覆盖“一老一少”、新市民、农村居民和新就业形态劳动者。',
    from: '2026-09-01',
    to: '2026-09-30',
    audiences: ['elderly', 'youth', 'new_urban', 'rural', 'gig_workers'],
    goals: { reach: 3000, attendance: 400, quizParticipation: 800 },
    events: [
      {
        title: '开学第一课：小学生认识人民币',
        venue: 'school',
        place: '南关区某小学',
        outlet: 0,
        at: '2026-09-04T10:00',
        hours: 1,
        capacity: 60,
        speakers: [staff('陈晓')],
      },
      {
        title: '新市民金融服务：开户、社保卡与信用',
        venue: 'outlet',
        place: '西安大路网点',
        outlet: 6,
        at: '2026-09-12T10:00',
        hours: 1.5,
        capacity: 30,
        speakers: [staff('杨帆')],
      },
      {
        title: '工业园区专场：工资卡与防诈',
        venue: 'enterprise',
        place: '经开区某汽车配件产业园',
        outlet: 25,
        at: '2026-09-18T12:30',
        hours: 1,
        capacity: 80,
        speakers: [staff('何平'), POLICE],
      },
      {
        title: '银发课堂：养老诈骗十问十答',
        venue: 'community',
        place: '绿园路社区老年大学',
        outlet: 22,
        at: '2026-09-22T09:30',
        hours: 2,
        capacity: 50,
        speakers: [staff('赵敏'), LAW],
      },
      {
        title: '快递驿站：新就业形态劳动者权益',
        venue: 'station',
        place: '东盛大街快递驿站',
        outlet: 13,
        at: '2026-09-25T14:00',
        hours: 1.5,
        capacity: 30,
        speakers: [staff('黄蕾')],
      },
    ],
  },
];

/** Upcoming events, open for registration on the portal (dated relative to "now" so the demo always has some). */
const UPCOMING: Omit<SeedEvent, 'at'>[] = [
  { title: '岁末防诈：识别“养老投资”骗局', venue: 'outlet', place: '人民大街网点', outlet: 0, hours: 1.5, capacity: 40, speakers: [staff('徐一'), POLICE] },
  { title: '社区讲座：手机银行安全设置', venue: 'community', place: '重庆路社区服务中心', outlet: 1, hours: 2, capacity: 50, speakers: [staff('张伟')] },
  { title: '线上课堂：年终奖理财避坑', venue: 'online', place: '星河银行视频号直播间', outlet: null, hours: 1, capacity: 300, speakers: [staff('周婷'), LAW] },
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = [
  '桂兰',
  '秀英',
  '建国',
  '淑珍',
  '志强',
  '海燕',
  '明',
  '丽娟',
  '国华',
  '玉梅',
  '磊',
  '婷',
  '子涵',
  '浩然',
  '欣怡',
  '俊杰',
  '春花',
  '德明',
  '晓东',
  '雪梅',
];
const TOPICS = ['手机银行转账限额', '养老诈骗识别', '存款保险', '银行卡挂失', '征信查询', '反诈App安装', '理财风险等级'];

/** Deterministic pseudo-random numbers, so every demo database looks the same. */
const rng = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

/**
 * The branch's 2026 campaigns (雷锋日, 三八, 植树节, 3·15, 金融教育宣传月) with events at the demo outlets,
 * registrations, check-ins, walk-ins, short reports and a few one-on-one assistance records, plus three
 * upcoming events open on the portal. Nothing under XIAOBAO_DEMO_SIZE=test (API tests make their own).
 */
export const seedCampaignsDemo = async (ctx: DemoSeedContext): Promise<void> => {
  if (ctx.config.demoSize === 'test') return;
  const branch = (await listOrgRefs(ctx.db, 'branch'))[0];
  const outlets = await listOrgRefs(ctx.db, 'outlet');
  if (!branch || outlets.length === 0) return;
  const cpd = (await listOrgRefs(ctx.db, 'department')).find((o) => o.code.endsWith('-CPD')) ?? branch;
  const now = ctx.clock.now();
  const rand = rng(2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const outletOf = (i: number | null): OrgRef => (i === null ? branch : (outlets[i % outlets.length] as OrgRef));
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const upcomingStart = (i: number) => {
    const d = new Date(now.getTime() + (7 + i * 3) * 86_400_000);
    return `${day(d)}T${['09:30', '14:00', '19:30'][i] ?? '10:00'}`;
  };
  const campaigns = [
    ...CAMPAIGNS,
    {
      theme: 'custom' as const,
      title: '岁末年初反诈宣传进社区',
      description: '年末资金往来增多，集中提示养老投资、刷单返利和冒充客服类诈骗。',
      from: day(now),
      to: day(new Date(now.getTime() + 45 * 86_400_000)),
      audiences: ['elderly', 'new_urban'] as TAudience[],
      goals: { reach: 800, attendance: 150, quizParticipation: 200 },
      events: UPCOMING.map((e, i) => ({ ...e, at: upcomingStart(i) })),
    },
  ];

  let people = 0;
  await inTransaction(ctx, systemActor('demo-seed'), async (uow) => {
    const regs: Insertable<CmpRegistrationsTable>[] = [];
    const assists: Insertable<CmpAssistsTable>[] = [];
    for (const c of campaigns) {
      const campaignId = newId();
      await uow.tx
        .insertInto('cmp_campaigns')
        .values({
          id: campaignId,
          theme: c.theme,
          title: c.title,
          description: c.description,
          starts_on: c.from,
          ends_on: c.to,
          audiences: c.audiences,
          goals: JSON.stringify(c.goals),
          quiz_ids: [],
          org_id: cpd.id,
          org_path: branch.path,
          created_by: 'cpadmin',
        })
        .execute();
      for (const e of c.events) {
        const org = outletOf(e.outlet);
        const startsAt = new Date(`${e.at}:00+08:00`);
        const endsAt = new Date(startsAt.getTime() + e.hours * 3_600_000);
        const past = endsAt < now;
        const id = newId();
        const registered = Math.min(e.capacity, Math.round(e.capacity * (past ? 0.6 + rand() * 0.35 : 0.1 + rand() * 0.2)));
        const row: Insertable<CmpEventsTable> = {
          id,
          campaign_id: campaignId,
          title: e.title,
          status: past ? 'closed' : 'open',
          venue_type: e.venue,
          venue_name: e.place,
          address: e.venue === 'online' ? '' : `长春市 ${e.place}`,
          description: c.description,
          starts_at: startsAt,
          ends_at: endsAt,
          registration_closes_at: startsAt,
          capacity: e.capacity,
          audiences: c.audiences,
          speakers: JSON.stringify(e.speakers),
          materials: ['《金融消费者八项权利》折页', '防范电信网络诈骗宣传册'],
          report_summary: past ? `${e.place}开展“${e.title}”，现场讲解并答疑，发放宣传折页。` : '',
          extra_reach: past ? Math.round(e.capacity * (1 + rand() * 3)) : 0,
          quiz_participants: past ? Math.round(registered * (0.3 + rand() * 0.5)) : 0,
          report_by: past ? 'staff.outlet01' : null,
          report_at: past ? endsAt : null,
          published_at: new Date(startsAt.getTime() - 10 * 86_400_000),
          org_id: org.id,
          org_path: org.path,
        };
        await uow.tx.insertInto('cmp_events').values(row).execute();
        if (!past)
          await uow.emit('campaigns.event_published', {
            eventId: id,
            campaignId,
            title: e.title,
            startsAt: iso(startsAt),
            venueName: e.place,
            orgId: org.id,
            orgPath: org.path,
            publicPath: publicEventPath(id),
          });
        const walkIns = past ? Math.floor(rand() * 5) : 0;
        for (let k = 0; k < registered + walkIns; k++) {
          const walkIn = k >= registered;
          const attended = past && (walkIn || rand() < 0.82);
          const name = `${pick([...SURNAMES])}${pick(GIVEN)}`;
          const phone = `1${pick(['39', '38', '35', '52', '58', '86', '87'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
          const at = new Date(startsAt.getTime() - (walkIn ? -600_000 : 600_000) + k * 20_000);
          const audience = pick(c.audiences);
          if (regs.some((r) => r.event_id === id && r.phone === phone)) continue;
          regs.push({
            id: newId(),
            event_id: id,
            name,
            phone,
            audience,
            channel: walkIn ? 'walk_in' : rand() < 0.7 ? 'portal' : 'staff',
            code: newCheckInCode(),
            status: attended ? 'checked_in' : 'registered',
            walk_in: walkIn,
            checked_in_at: attended ? at : null,
            checked_in_by: attended ? 'staff.outlet01' : null,
            org_path: org.path,
            created_at: walkIn ? at : new Date(startsAt.getTime() - (1 + rand() * 9) * 86_400_000),
          });
          if (attended) {
            people++;
            await uow.emit('campaigns.attendance_recorded', {
              eventId: id,
              campaignId,
              eventTitle: e.title,
              orgId: org.id,
              phone,
              name,
              walkIn,
              checkedInAt: iso(at),
            });
          }
          if (attended && audience === 'elderly' && assists.length < 12 && rand() < 0.25)
            assists.push({
              id: newId(),
              event_id: id,
              customer_name: name,
              phone,
              age: 65 + Math.floor(rand() * 20),
              topics: [pick(TOPICS), pick(TOPICS)].filter((t, i, a) => a.indexOf(t) === i),
              explained: '一对一演示操作步骤，讲解常见骗局话术，提醒“陌生来电要转账，一律先挂断再核实”。',
              follow_up: rand() < 0.6 ? '一周后电话回访，确认已开启转账限额和到账提醒' : '',
              follow_up_due: day(new Date(endsAt.getTime() + 7 * 86_400_000)),
              follow_up_done_at: rand() < 0.5 ? new Date(endsAt.getTime() + 6 * 86_400_000) : null,
              staff_id: null,
              staff_name: 'staff.outlet01',
              org_id: org.id,
              org_path: org.path,
              created_at: endsAt,
            });
        }
      }
    }
    for (let i = 0; i < regs.length; i += 500)
      await uow.tx
        .insertInto('cmp_registrations')
        .values(regs.slice(i, i + 500))
        .execute();
    if (assists.length) await uow.tx.insertInto('cmp_assists').values(assists).execute();
    ctx.log(`宣传活动 campaigns: ${campaigns.length}, 报名 registrations: ${regs.length}, 到场 attended: ${people}, 帮扶 assists: ${assists.length}`);
  });
};
