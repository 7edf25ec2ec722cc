/**
 * Fraud typology after the Ministry of Public Security's high-incidence types (regulation.md §5),
 * from a lexicon we wrote out of the published descriptions — there is no labelled data, so no
 * model is trained. A type needs `MIN_SCORE` of evidence; otherwise the answer is null.
 */
export const FRAUD_TYPES = {
  rebate_task: '刷单返利',
  fake_investment: '虚假网络投资理财',
  fake_shopping: '虚假购物、服务',
  fake_customer_service: '冒充电商物流客服',
  fake_loan: '虚假贷款（含代办信用卡）',
  fake_credit_repair: '虚假征信',
  impersonate_acquaintance: '冒充领导、熟人',
  impersonate_authority: '冒充公检法及政府机关',
  romance: '网络婚恋交友（杀猪盘）',
  game_trade: '网络游戏虚假交易',
} as const;
export type FraudType = keyof typeof FRAUD_TYPES;

const r = (s: string) => new RegExp(s);

const LEXICON: Record<FraudType, [RegExp, number][]> = {
  rebate_task: [
    [r('刷单|刷信誉|做任务|点赞|关注.*返|垫付|返利|返佣|佣金|兼职|日结|做单|任务单|抢单'), 2],
    [r('连单|卡单|激活.*任务|解冻.*任务'), 2],
  ],
  fake_investment: [
    [r('投资|理财|炒股|股票|虚拟货币|数字货币|比特币|usdt|外汇平台|期货|区块链|原始股|荐股|导师|带单|高回报|稳赚|内幕'), 1.5],
    [r('投资群|荐股群|平台提现不了|无法提现|出金|入金|充值.*平台|收益翻倍|保本高收益'), 2],
  ],
  fake_shopping: [
    [r('低价|代购|网购|下单|付款后|发货|没收到货|收不到货|微商|卖家|买家|商品|演唱会门票|高仿'), 1.5],
    [r('私下交易|绕开平台|定金|预付款'), 1],
  ],
  fake_customer_service: [
    [r('客服|快递|物流|包裹丢|理赔|退款|退货|质量问题.*赔|百万保障|会员自动续费|关闭.*服务|注销.*账户|取消.*会员|学生账号'), 2],
    [r('屏幕共享|备用金|征信受影响|影响征信'), 1.5],
  ],
  fake_loan: [
    [r('贷款|网贷|借款|放款|额度|无抵押|低息|秒批|代办信用卡|办理信用卡|办卡|提额'), 1.5],
    [r('解冻费|保证金|手续费.*(放款|贷款)|刷流水|验资|银行流水不足|工本费|账号填错|会员费|包装费'), 2.5],
  ],
  fake_credit_repair: [[r('征信修复|修复征信|征信洗白|洗白征信|消除逾期|铲单|征信异议代理|逾期记录删除|花钱.*征信|征信.*(可以|能)(删|消除|修复)'), 4]],
  impersonate_acquaintance: [
    [r('领导|老板|熟人|老同学|亲戚|朋友|老师|班主任|家长群|加我|新号|换号|冒充.*(领导|熟人|老板)|急用钱|先转'), 1.5],
    [r('qq.*(借钱|转账)|微信.*(借钱|转账)|帮忙转|头像.*一样'), 1.5],
  ],
  impersonate_authority: [
    [r('公安|警察|警官|民警|检察院|法院|公检法|通缉|逮捕|洗钱|涉嫌|涉案|安全账户|资金核查|清查|传票|医保局|社保局|税务局'), 2],
    [r('保密|不要告诉|视频笔录|逮捕令'), 1.5],
  ],
  romance: [
    [r('杀猪盘|网恋|婚恋|交友|相亲|男朋友|女朋友|恋爱|网友|甜言蜜语|奔现|男友|女友'), 2],
    [r('带.*(投资|赌|博彩)|一起投资|博彩|赌博网站'), 1.5],
  ],
  game_trade: [[r('游戏|装备|皮肤|账号交易|游戏币|点券|代练|充值.*游戏|游戏账号|交易猫|王者|原神|买号|卖号'), 2]],
};

export const MIN_SCORE = 3;

export type FraudResult = { fraudType: FraudType | null; score: number; scores: Partial<Record<FraudType, number>> };

/** `text` must be normalised (lower case, simplified). score ∈ [0,1]: 1 − e^(−evidence/3) of the winner. */
// Compiled once: building a RegExp per rule per post was a tenth of the analysis time.
const GLOBAL = new Map<RegExp, RegExp>();
const globalOf = (re: RegExp): RegExp => {
  const hit = GLOBAL.get(re);
  if (hit) return hit;
  const g = new RegExp(re.source, 'g');
  GLOBAL.set(re, g);
  return g;
};

export const tagFraud = (text: string): FraudResult => {
  const scores: Partial<Record<FraudType, number>> = {};
  const fraudContext = /骗|诈骗|上当|被骗|报警|96110|反诈|损失|转了|转账|汇款/.test(text) ? 1 : 0;
  for (const [type, rules] of Object.entries(LEXICON) as [FraudType, [RegExp, number][]][]) {
    let s = 0;
    for (const [re, w] of rules) {
      const m = text.match(globalOf(re));
      if (m) s += w * (1 + 0.25 * Math.min(4, new Set(m).size - 1));
    }
    if (s > 0) scores[type] = Math.round((s + fraudContext) * 100) / 100;
  }
  let best: FraudType | null = null;
  let top = 0;
  for (const [t, s] of Object.entries(scores) as [FraudType, number][]) if (s > top) [best, top] = [t, s];
  // 杀猪盘: a romance that leads into a fake investment platform is typed as romance.
  if (best === 'fake_investment' && (scores.romance ?? 0) >= MIN_SCORE) best = 'romance';
  if (top < MIN_SCORE) best = null;
  return { fraudType: best, score: Math.round((1 - Math.exp(-top / 3)) * 10000) / 10000, scores };
};
