import { type RoleCode, systemActor } from '../../../kernel/actor.ts';
import { inTransaction } from '../../../platform/db/unit-of-work.ts';
import type { DemoSeedContext } from '../../../platform/module.ts';
import { createApiKey } from './use-cases/create-api-key.ts';
import { createOrg } from './use-cases/create-org.ts';
import { createUser } from './use-cases/create-user.ts';

/**
 * A provincial-capital branch modelled on the seed article's 长春分行: 8 sub-branches,
 * 40 outlets, the usual branch departments and ~30 staff across every role. The bank name is
 * fictional. Every demo account shares one password, printed at start-up.
 */
export const DEMO_PASSWORD = 'Xiaobao@2026';
export const DEMO_API_KEY = 'xb_demo_callcenter_2026';

const SUB_BRANCHES: [string, string, string[]][] = [
  ['NG', '南关支行', ['人民大街', '重庆路', '亚泰大街', '自由大路', '南湖大路']],
  ['CY', '朝阳支行', ['红旗街', '西安大路', '同志街', '桂林路', '湖光路']],
  ['KC', '宽城支行', ['长春大街', '北海路', '站前街', '东盛大街', '青年路']],
  ['ED', '二道支行', ['吉林大路', '东环城路', '远达大街', '临河街', '隆化路']],
  ['LY', '绿园支行', ['景阳大路', '普阳街', '绿园路', '西湖大路', '建设街']],
  ['JK', '经开支行', ['卫星路', '东南湖大路', '浦东路', '仙台大街', '世纪大街']],
  ['GX', '高新支行', ['硅谷大街', '超达大路', '锦程大街', '飞跃路', '前进大街']],
  ['JY', '净月支行', ['净月大街', '生态大街', '博硕路', '新城大街', '永顺路']],
];

const DEPARTMENTS: [string, string, string][] = [
  ['CPD', '消费者权益保护部', 'Consumer Protection Dept.'],
  ['PFD', '个人金融部', 'Personal Banking Dept.'],
  ['CCC', '信用卡中心', 'Credit Card Centre'],
  ['OPS', '运营管理部', 'Operations Dept.'],
  ['RMD', '风险管理部', 'Risk Management Dept.'],
  ['ICD', '内控合规部', 'Internal Control & Compliance'],
  ['OFF', '办公室', 'General Office'],
];

type DemoUser = { username: string; name: string; org: string; roles: RoleCode[]; mustChange?: boolean; extra?: { org: string; roles: RoleCode[] }[] };

const USERS: DemoUser[] = [
  { username: 'admin', name: '系统管理员', org: 'HQ', roles: ['system_admin'] },
  { username: 'cpadmin', name: '王静（消保部总经理）', org: 'CC-CPD', roles: ['cp_admin'] },
  { username: 'cp.deputy', name: '刘洋（消保部副总经理）', org: 'CC-CPD', roles: ['cp_admin', 'complaint_handler'] },
  { username: 'handler01', name: '陈晓', org: 'CC-CPD', roles: ['complaint_handler'] },
  { username: 'handler02', name: '赵敏', org: 'CC-CPD', roles: ['complaint_handler'] },
  { username: 'handler.ccc', name: '孙磊（信用卡中心）', org: 'CC-CCC', roles: ['complaint_handler'] },
  { username: 'handler.pfd', name: '周婷（个人金融部）', org: 'CC-PFD', roles: ['complaint_handler'] },
  { username: 'inspector01', name: '吴刚', org: 'CC-ICD', roles: ['inspector'] },
  { username: 'inspector02', name: '郑丽', org: 'CC-ICD', roles: ['inspector'] },
  { username: 'leader01', name: '李建国（分行行长）', org: 'CC-OFF', roles: ['leadership'] },
  { username: 'leader02', name: '马红（分管副行长）', org: 'CC-OFF', roles: ['leadership'] },
  { username: 'auditor01', name: '钱进', org: 'CC-ICD', roles: ['auditor'] },
  { username: 'risk01', name: '冯雪（风险管理部）', org: 'CC-RMD', roles: ['inspector'] },
  { username: 'ops01', name: '何平（运营管理部）', org: 'CC-OPS', roles: ['frontline_staff'] },
  {
    username: 'cp.ng',
    name: '张伟（南关支行消保专员）',
    org: 'CC-NG',
    roles: ['cp_admin', 'complaint_handler'],
    extra: [{ org: 'CC-CY', roles: ['complaint_handler'] }],
  },
  { username: 'cp.cy', name: '杨帆（朝阳支行消保专员）', org: 'CC-CY', roles: ['cp_admin', 'complaint_handler'] },
  { username: 'cp.kc', name: '黄蕾（宽城支行消保专员）', org: 'CC-KC', roles: ['complaint_handler'] },
  { username: 'cp.gx', name: '林涛（高新支行消保专员）', org: 'CC-GX', roles: ['complaint_handler'] },
  ...Array.from({ length: 10 }, (_, i): DemoUser => {
    const sb = SUB_BRANCHES[i % 8] as (typeof SUB_BRANCHES)[number];
    const n = String(i + 1).padStart(2, '0');
    return {
      username: `staff.outlet${n}`,
      name: `${['徐', '高', '罗', '谢', '韩', '唐', '曹', '许', '邓', '萧'][i]}${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i]}（大堂经理）`,
      org: `CC-${sb[0]}-${i >= 8 ? 2 : 1}`,
      roles: ['frontline_staff'],
    };
  }),
  { username: 'newbie', name: '新员工（首次登录）', org: 'CC-NG-1', roles: ['frontline_staff'], mustChange: true },
];

export const seedIdentityDemo = async (ctx: DemoSeedContext): Promise<{ users: { username: string; role: RoleCode; org: string }[] }> => {
  const actor = systemActor('seed-demo');
  const ids = new Map<string, string>();
  await inTransaction(ctx, actor, async (uow) => {
    const add = async (key: string, input: Parameters<typeof createOrg>[1]) => ids.set(key, (await createOrg(uow, input)).id);
    await add('HQ', { code: 'HQ', name: '星河银行总行', nameEn: 'Xinghe Bank Head Office', type: 'head_office', parentId: null });
    await add('CC', {
      code: 'CC',
      name: '星河银行长春分行',
      nameEn: 'Changchun Branch',
      type: 'branch',
      parentId: ids.get('HQ') as string,
      address: '长春市南关区人民大街 1688 号',
    });
    for (const [i, [code, name, en]] of DEPARTMENTS.entries()) {
      await add(`CC-${code}`, { code: `CC-${code}`, name, nameEn: en, type: 'department', parentId: ids.get('CC') as string, sort: 100 + i });
    }
    for (const [i, [code, name, streets]] of SUB_BRANCHES.entries()) {
      await add(`CC-${code}`, { code: `CC-${code}`, name, type: 'sub_branch', parentId: ids.get('CC') as string, sort: i });
      for (const [j, street] of streets.entries()) {
        await add(`CC-${code}-${j + 1}`, {
          code: `CC-${code}-${j + 1}`,
          name: `${street}网点`,
          type: 'outlet',
          parentId: ids.get(`CC-${code}`) as string,
          address: `长春市${name.replace('支行', '区')}${street} ${100 + j * 37} 号`,
          sort: j,
        });
      }
    }
  });
  ctx.log(`机构 orgs: ${ids.size}`);
  for (const [i, u] of USERS.entries()) {
    await createUser(ctx, actor, {
      username: u.username,
      displayName: u.name,
      orgId: ids.get(u.org) as string,
      roles: u.roles,
      phone: `1384310${String(1000 + i).slice(-4)}`,
      email: `${u.username}@xinghe-bank.example`,
      employeeNo: `CC${String(20260 + i)}`,
      password: DEMO_PASSWORD,
      mustChangePassword: u.mustChange ?? false,
      ...(u.extra ? { extraMemberships: u.extra.map((m) => ({ orgId: ids.get(m.org) as string, roles: m.roles })) } : {}),
    });
  }
  ctx.log(`用户 users: ${USERS.length}`);
  // A demo key for the call-centre integration (never use a published key in production).
  await createApiKey(ctx, actor, { name: 'demo-callcenter', orgCode: 'CC', scopes: ['complaints:write', 'posts:write'], key: DEMO_API_KEY });
  ctx.log('接口密钥 API key: demo-callcenter');
  return { users: USERS.map((u) => ({ username: u.username, role: u.roles[0] as RoleCode, org: u.org })) };
};
