import type { Bilingual } from '../../../web/i18n.ts';
import type { NOT_ACCEPTED_REASONS, NOTICE_KINDS, NOTICE_METHODS, PAUSE_REASONS, REMEDIES, TClock } from '../contract.ts';

/** Labels for the contract's enums that contract.ts does not label itself (channels and statuses it does). */
export const STAGE_LABELS: Record<TClock['stage'], Bilingual & { color: string }> = {
  on_track: { zh: '正常', en: 'On track', color: 'green' },
  warning: { zh: '预警', en: 'Warning', color: 'gold' },
  escalated: { zh: '升级督办', en: 'Escalated', color: 'orange' },
  overdue: { zh: '已超期', en: 'Overdue', color: 'red' },
  met: { zh: '按时办结', en: 'Met', color: 'blue' },
  missed: { zh: '超时办结', en: 'Missed', color: 'magenta' },
};

export const FLAG_LABELS: Record<string, Bilingual & { color: string }> = {
  elderly: { zh: '老年', en: 'Elderly', color: 'purple' },
  regulator: { zh: '监管转办', en: 'Regulator', color: 'red' },
  major: { zh: '重大', en: 'Major', color: 'volcano' },
  group: { zh: '群体', en: 'Group', color: 'orange' },
  repeat: { zh: '重复', en: 'Repeat', color: 'cyan' },
  media: { zh: '媒体', en: 'Media', color: 'geekblue' },
};

export const NOT_ACCEPTED_LABELS: Record<(typeof NOT_ACCEPTED_REASONS)[number], Bilingual> = {
  not_complainant: { zh: '非投诉人本人或其合法代理人', en: 'Not the complainant or a lawful agent' },
  no_respondent_or_request: { zh: '无明确的被投诉对象或诉求', en: 'No clear respondent or request' },
  before_court_or_arbitration: { zh: '已由法院、仲裁机构受理', en: 'Already before a court or arbitration' },
  settled_no_new_facts: { zh: '已处理完毕且无新事实、新理由', en: 'Already settled, no new facts' },
  use_published_channel: { zh: '应通过已公布的其他渠道处理', en: 'Belongs to another published channel' },
};

export const PAUSE_LABELS: Record<(typeof PAUSE_REASONS)[number], Bilingual> = {
  appraisal: { zh: '外部鉴定', en: 'External appraisal' },
  mediation: { zh: '调解', en: 'Mediation' },
};

export const METHOD_LABELS: Record<(typeof NOTICE_METHODS)[number], Bilingual> = {
  letter: { zh: '信函', en: 'Letter' },
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '电子邮件', en: 'Email' },
  phone: { zh: '电话', en: 'Phone call' },
  in_person: { zh: '当面告知', en: 'In person' },
};

export const NOTICE_KIND_LABELS: Record<(typeof NOTICE_KINDS)[number], Bilingual> = {
  acceptance: { zh: '受理告知', en: 'Acceptance notice' },
  not_accepted: { zh: '不予受理告知', en: 'Not-accepted notice' },
  extension: { zh: '延期告知', en: 'Extension notice' },
  pause: { zh: '中止告知', en: 'Pause notice' },
  decision: { zh: '处理决定告知', en: 'Decision notice' },
};

export const REMEDY_LABELS: Record<(typeof REMEDIES)[number], Bilingual> = {
  review: { zh: '申请核查', en: 'Review' },
  mediation: { zh: '调解', en: 'Mediation' },
  arbitration: { zh: '仲裁', en: 'Arbitration' },
  litigation: { zh: '诉讼', en: 'Litigation' },
};

export const PARTY_ROLE_LABELS: Record<'self' | 'agent' | 'heir', Bilingual> = {
  self: { zh: '本人', en: 'Complainant' },
  agent: { zh: '代理人', en: 'Agent' },
  heir: { zh: '继承人', en: 'Heir' },
};

/** Timeline event types as a reader would say them. */
export const EVENT_LABELS: Record<string, Bilingual> = {
  received: { zh: '登记收件', en: 'Received' },
  accepted: { zh: '受理', en: 'Accepted' },
  not_accepted_requested: { zh: '申请不予受理', en: 'Not-accepted requested' },
  not_accepted: { zh: '不予受理（已批准）', en: 'Not accepted (approved)' },
  not_accepted_declined: { zh: '不予受理申请被驳回', en: 'Not-accepted request declined' },
  handover_requested: { zh: '发起移交', en: 'Hand-over requested' },
  handover_accepted: { zh: '接收移交', en: 'Hand-over accepted' },
  handover_declined: { zh: '拒绝移交', en: 'Hand-over declined' },
  extension_requested: { zh: '申请延期', en: 'Extension requested' },
  extended: { zh: '延期获批', en: 'Extension approved' },
  extension_declined: { zh: '延期未获批准', en: 'Extension declined' },
  paused: { zh: '中止计时', en: 'Clock paused' },
  resumed: { zh: '恢复计时', en: 'Clock resumed' },
  restarted: { zh: '新事实，重新计时', en: 'New facts, clock restarted' },
  new_facts: { zh: '补充新事实', en: 'New facts added' },
  decision_drafted: { zh: '拟定处理意见', en: 'Decision drafted' },
  review_submitted: { zh: '提交质量复核', en: 'Submitted for review' },
  review_approved: { zh: '复核通过', en: 'Review approved' },
  review_returned: { zh: '复核退回', en: 'Review returned' },
  notice_sent: { zh: '登记告知凭证', en: 'Notice recorded' },
  stopped: { zh: '停止计时', en: 'Clock stopped' },
  closed: { zh: '办结', en: 'Closed' },
  withdrawn: { zh: '撤回', en: 'Withdrawn' },
  merged: { zh: '合并至其他案件', en: 'Merged into another case' },
  merged_from: { zh: '并入重复投诉', en: 'Repeat complaint merged in' },
};

export const labelOf = <K extends string>(labels: Partial<Record<K, Bilingual>>, key: string, pick: (l: Bilingual) => string): string => {
  const l = labels[key as K];
  return l ? pick(l) : key;
};
