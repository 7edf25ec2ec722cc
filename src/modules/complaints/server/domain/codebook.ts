/**
 * JR/T 0169-2018 dimensions B (business category) and C (cause), structure per regulation.md §3,
 * numbered in the standard's listed order (bank cards split into debit/credit) — the same codes the
 * nlp module's complaint coder suggests.
 * The standard's exact numeric codes are unverified (paid standard, truncated source): these
 * codes are our own placeholders in its format ("99" = other), seeded as `verified = false` and
 * editable by admins until checked against the published text.
 */
export type CodeRow = { dimension: 'channel' | 'business' | 'cause'; code: string; name_zh: string; name_en: string; parent: string | null };

const b = (code: string, zh: string, en: string, parent: string | null = null): CodeRow => ({ dimension: 'business', code, name_zh: zh, name_en: en, parent });
const c = (code: string, zh: string, en: string): CodeRow => ({ dimension: 'cause', code, name_zh: zh, name_en: en, parent: null });
const a = (code: string, zh: string, en: string, parent: string | null = null): CodeRow => ({ dimension: 'channel', code, name_zh: zh, name_en: en, parent });

export const CODEBOOK: CodeRow[] = [
  a('A1', '前台', 'Front office'),
  a('A11', '营业现场', 'Branch premises', 'A1'),
  a('A12', '自助机具', 'Self-service', 'A1'),
  a('A13', '电子渠道', 'Electronic', 'A1'),
  a('A14', '第三方', 'Third party', 'A1'),
  a('A19', '其他', 'Other', 'A1'),
  a('A2', '中后台', 'Middle and back office'),
  b('B01', '人民币储蓄', 'RMB savings'),
  b('B02', '贷款', 'Loans'),
  b('B03', '银行卡-借记卡', 'Bank card: debit'),
  b('B04', '银行卡-信用卡', 'Bank card: credit'),
  b('B05', '支付结算', 'Payments and settlement'),
  b('B06', '人民币管理', 'Cash management'),
  b('B07', '个人金融信息', 'Personal financial information'),
  b('B08', '债务催收', 'Debt collection'),
  b('B09', '自营理财', 'Own wealth products'),
  b('B10', '银行代理业务', 'Agency products'),
  b('B11', '外汇', 'Foreign exchange'),
  b('B99', '其他', 'Other'),
  c('C01', '服务态度及质量', 'Service attitude and quality'),
  c('C02', '服务设施、设备、业务系统', 'Facilities, equipment, systems'),
  c('C03', '管理制度、业务规则与流程', 'Policies, rules and procedures'),
  c('C04', '营销方式和手段', 'Marketing practices'),
  c('C05', '信息披露', 'Disclosure'),
  c('C06', '产品收益', 'Product returns'),
  c('C07', '消费者自主选择权', 'Free choice'),
  c('C08', '合同条款', 'Contract terms'),
  c('C09', '资金安全', 'Fund safety'),
  c('C10', '消费者信息安全', 'Information security'),
  c('C11', '定价收费', 'Pricing and fees'),
  c('C12', '债务催收方式和手段', 'Debt collection practices'),
  c('C99', '其他', 'Other'),
];
