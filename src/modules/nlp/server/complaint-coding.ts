/**
 * Complaint coding after JR/T 0169-2018: business category (B) and cause (C), from a lexicon we
 * wrote (no public labelled Chinese bank-complaint set exists). The numeric codes follow the
 * order of the standard's lists in ../shared/domain/regulation.md §3; the standard's exact codes are
 * UNVERIFIED, so codes are kept stable here and labels carry the meaning. "Other" is 99.
 */
export const BUSINESS_CATEGORIES = {
  B01: '人民币储蓄',
  B02: '贷款',
  B03: '银行卡-借记卡',
  B04: '银行卡-信用卡',
  B05: '支付结算',
  B06: '人民币管理',
  B07: '个人金融信息',
  B08: '债务催收',
  B09: '自营理财',
  B10: '银行代理业务',
  B11: '外汇',
  B99: '其他',
} as const;
export const CAUSES = {
  C01: '服务态度及质量',
  C02: '服务设施、设备及系统',
  C03: '管理制度、业务规则与流程',
  C04: '营销方式和手段',
  C05: '信息披露',
  C06: '产品收益',
  C07: '自主选择权',
  C08: '合同条款',
  C09: '资金安全',
  C10: '信息安全',
  C11: '定价收费',
  C12: '债务催收',
  C99: '其他',
} as const;
export type BusinessCategory = keyof typeof BUSINESS_CATEGORIES;
export type Cause = keyof typeof CAUSES;

type Lexicon<K extends string> = Record<Exclude<K, 'B99' | 'C99'>, [RegExp, number][]>;

const r = (s: string) => new RegExp(s);

const B_LEXICON: Lexicon<BusinessCategory> = {
  B01: [
    [r('存款|储蓄|定期|活期|存单|大额存单|存折|取款|取现|存钱|利息'), 2],
    [r('销户|开户'), 1],
  ],
  B02: [
    [r('贷款|房贷|车贷|经营贷|消费贷|按揭|放款|提前还款|等额本息|贷款利率|lpr|抵押|网贷|借款'), 2],
    [r('还款'), 0.5],
  ],
  B03: [
    [r('借记卡|储蓄卡|银行卡|社保卡|工资卡|吞卡|卡被冻结|卡片|挂失'), 2],
    [r('atm'), 1],
  ],
  B04: [[r('信用卡|年费|额度|提额|降额|账单|分期|最低还款|停息挂账|个性化分期|积分|透支|白金卡|副卡|套现'), 2.5]],
  B05: [[r('转账|汇款|支付|扣款|快捷支付|收款码|二维码|云闪付|微信支付|支付宝|结算|到账|代扣|非柜面|限额|手机银行|网银'), 1.5]],
  B06: [[r('残损|假币|零钱|硬币|现金|拒收现金|兑换|纪念币|人民币'), 2]],
  B07: [[r('个人信息|信息泄露|泄露|征信|隐私|身份证|冒名|盗用身份|查询记录|征信异议|征信报告'), 2]],
  B08: [[r('催收|催款|爆通讯录|逾期|欠款|上门催|外包催'), 2]],
  B09: [[r('理财|净值|收益率|理财产品|理财经理|结构性存款|非保本|保本|赎回|申购'), 2]],
  B10: [[r('保险|基金|代销|代理|贵金属|黄金|国债|存款变保险|保单|养老金'), 2]],
  B11: [[r('外汇|结汇|购汇|售汇|美元|汇率|外币|境外汇款|跨境'), 2.5]],
};

const C_LEXICON: Lexicon<Cause> = {
  C01: [[r('态度|恶劣|不耐烦|推诿|敷衍|不理|辱骂|冷漠|排队|等待时间|效率低|不作为|答复|不专业|服务差|服务质量'), 2]],
  C02: [[r('系统|故障|app|闪退|登录不了|无法登录|atm|机具|设备|吞卡|网点关闭|网络异常|升级|打不开|卡顿|验证码收不到'), 2]],
  C03: [[r('规定|流程|制度|手续|繁琐|材料|必须本人|不予办理|拒绝办理|规则|限制|冻结|风控|销户难|开户难|不给办'), 1.5]],
  C04: [[r('营销|推销|诱导|误导|骚扰电话|强制搭售|搭售|捆绑|夸大|承诺|飞单|存款变保险|短信轰炸|电话推销'), 2]],
  C05: [[r('未告知|没有告知|未说明|没说明|未提示|不告知|隐瞒|信息披露|不知情|没有提醒|未披露'), 2]],
  C06: [[r('收益|亏损|亏本|本金损失|净值下跌|收益率|达不到|预期收益|赔钱|跌了'), 2]],
  C07: [[r('强制|必须购买|捆绑|搭售|不让|强迫|只能|不同意也|默认开通|自动开通'), 1.5]],
  C08: [[r('合同|条款|协议|格式条款|霸王条款|违约金|约定'), 2]],
  C09: [[r('盗刷|被盗|资金被|转走|诈骗|骗|不明扣款|莫名扣款|资金安全|少了|被扣'), 2]],
  C10: [[r('信息泄露|泄露|隐私|个人信息|征信|冒名|盗用|查询记录'), 2]],
  C11: [[r('收费|手续费|年费|利息|利率|费用|扣费|违约金|滞纳金|账户管理费|短信费|服务费|乱收费|多收'), 2]],
  C12: [[r('催收|爆通讯录|骚扰家人|威胁|恐吓|上门催|辱骂.*欠|催款'), 2.5]],
};

export type CodingResult = {
  businessCategory: BusinessCategory;
  cause: Cause;
  confidence: number;
  needsHuman: boolean;
  scores: { business: Partial<Record<BusinessCategory, number>>; cause: Partial<Record<Cause, number>> };
};

const score = <K extends string>(text: string, lex: Partial<Record<K, [RegExp, number][]>>) => {
  const out: Partial<Record<K, number>> = {};
  for (const [code, rules] of Object.entries(lex) as [K, [RegExp, number][]][]) {
    let s = 0;
    for (const [re, w] of rules) {
      const m = text.match(new RegExp(re.source, 'g'));
      if (m) s += w * Math.min(3, 1 + 0.25 * (new Set(m).size - 1) + 0.1 * (m.length - 1));
    }
    if (s > 0) out[code] = Math.round(s * 100) / 100;
  }
  return out;
};

/** Softmax over lexicon scores with "other" as a baseline of `other`; returns the winner and its probability. */
const decide = <K extends string>(scores: Partial<Record<K, number>>, other: K, baseline: number): [K, number] => {
  const entries: [K, number][] = [[other, baseline], ...(Object.entries(scores) as [K, number][])];
  const max = Math.max(...entries.map(([, s]) => s));
  const exps = entries.map(([k, s]) => [k, Math.exp(1.5 * (s - max))] as [K, number]);
  const sum = exps.reduce((a, [, e]) => a + e, 0);
  const [best, e] = exps.reduce((a, b) => (b[1] > a[1] ? b : a));
  return [best, e / sum];
};

export const NEEDS_HUMAN_BELOW = 0.6;

/** `text` must be normalised (lower case, simplified). */
export const codeComplaint = (text: string, threshold = NEEDS_HUMAN_BELOW): CodingResult => {
  const business = score<BusinessCategory>(text, B_LEXICON);
  const cause = score<Cause>(text, C_LEXICON);
  // A card complaint about 年费/额度 is a credit card even when 银行卡 is also said.
  if ((business.B04 ?? 0) > 0 && (business.B03 ?? 0) > 0 && !/借记卡|储蓄卡|社保卡|工资卡/.test(text)) business.B03 = (business.B03 ?? 0) * 0.5;
  const [b, pb] = decide<BusinessCategory>(business, 'B99', 1);
  const [c, pc] = decide<Cause>(cause, 'C99', 1);
  const confidence = Math.round(Math.min(pb, pc) * 10000) / 10000;
  return { businessCategory: b, cause: c, confidence, needsHuman: confidence < threshold || b === 'B99' || c === 'C99', scores: { business, cause } };
};
