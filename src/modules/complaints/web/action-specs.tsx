import type { ComponentType } from 'react';
import type { Bilingual } from '../../../web/i18n.ts';
import type { TComplaintDetail } from '../contract.ts';
import {
  CloseFields,
  CommentFields,
  DecideFields,
  DecisionFields,
  ExtensionFields,
  type FieldsProps,
  HandoverFields,
  MergeFields,
  NewFactsFields,
  NotAcceptFields,
  NoteFields,
  NoticeFields,
  nextLimit,
  PauseFields,
  RequiredNoteFields,
  ReviewFields,
} from './action-fields.tsx';

type Values = Record<string, unknown>;
export type ActionSpec = {
  /** Path under /api/v1/complaints/:id/. */
  endpoint: string;
  label: Bilingual;
  tone?: 'primary' | 'danger';
  /** Without fields the modal only asks for confirmation. */
  Fields?: ComponentType<FieldsProps>;
  initial?: (d: TComplaintDetail) => Values;
  /** The request body from the form values (default: the values as they are). */
  body?: (v: Values, d: TComplaintDetail) => Values;
};

const trimmed = (v: Values): Values =>
  Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (typeof x === 'string' ? (x.trim() ? [[k, x.trim()]] : []) : x === undefined ? [] : [[k, x]])));

const pad = (n: number) => String(n).padStart(2, '0');
/** Now as a `datetime-local` value (to the second) in the browser's zone. */
const localNow = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};
const notice = (v: Values): Values => ({ ...trimmed(v), sentAt: new Date(String(v.sentAt)).toISOString() });
const noticeInitial = (kind: string) => () => ({ kind, method: 'sms', sentAt: localNow() });

/**
 * Every action the server may list in `allowedActions` (policy.ts `complaintActions`), in the order
 * the buttons appear. 'view' is not an action button.
 */
export const ACTION_SPECS: Record<string, ActionSpec> = {
  accept_handover: { endpoint: 'handover/accept', label: { zh: '接收移交', en: 'Accept hand-over' }, tone: 'primary' },
  decline_handover: { endpoint: 'handover/decline', label: { zh: '拒绝/撤回移交', en: 'Decline hand-over' }, Fields: CommentFields },
  accept: { endpoint: 'accept', label: { zh: '受理', en: 'Accept' }, tone: 'primary', Fields: NoteFields },
  not_accept: { endpoint: 'not-accept', label: { zh: '申请不予受理', en: 'Request not-accepted' }, Fields: NotAcceptFields },
  decide_not_accepted: {
    endpoint: 'not-accept/decide',
    label: { zh: '审批不予受理', en: 'Decide not-accepted' },
    tone: 'primary',
    Fields: DecideFields,
    initial: () => ({ approve: true }),
  },
  handover: { endpoint: 'handover', label: { zh: '移交', en: 'Hand over' }, Fields: HandoverFields },
  draft_decision: {
    endpoint: 'decision',
    label: { zh: '拟定处理意见', en: 'Draft decision' },
    tone: 'primary',
    Fields: DecisionFields,
    initial: () => ({ remedies: ['review', 'mediation', 'arbitration', 'litigation'] }),
  },
  submit_review: { endpoint: 'review/submit', label: { zh: '提交质量复核', en: 'Submit for review' }, tone: 'primary' },
  review: { endpoint: 'review', label: { zh: '质量复核', en: 'Quality review' }, tone: 'primary', Fields: ReviewFields, initial: () => ({ approve: true }) },
  notify_decision: {
    endpoint: 'notices',
    label: { zh: '告知处理决定', en: 'Notify the decision' },
    tone: 'primary',
    Fields: ({ detail }) => <NoticeFields decision detail={detail} />,
    initial: noticeInitial('decision'),
    body: notice,
  },
  close: {
    endpoint: 'close',
    label: { zh: '办结', en: 'Close' },
    tone: 'primary',
    Fields: CloseFields,
    // Staff confirm the codes: those on the case, else the nlp module's suggestion.
    initial: (d) => ({ businessCategory: d.businessCategory ?? d.suggestedCoding?.businessCategory, cause: d.cause ?? d.suggestedCoding?.cause }),
  },
  request_extension: {
    endpoint: 'extension',
    label: { zh: '申请延期', en: 'Request extension' },
    Fields: ExtensionFields,
    body: (v, d) => ({ ...trimmed(v), limitDays: nextLimit(d) }),
  },
  decide_extension: {
    endpoint: 'extension/decide',
    label: { zh: '审批延期', en: 'Decide extension' },
    tone: 'primary',
    Fields: DecideFields,
    initial: () => ({ approve: true }),
  },
  record_notice: {
    endpoint: 'notices',
    label: { zh: '登记告知', en: 'Record a notice' },
    Fields: ({ detail }) => <NoticeFields decision={false} detail={detail} />,
    initial: noticeInitial('acceptance'),
    body: notice,
  },
  pause: { endpoint: 'pause', label: { zh: '中止计时', en: 'Pause clock' }, Fields: PauseFields },
  resume: { endpoint: 'resume', label: { zh: '恢复计时', en: 'Resume clock' }, tone: 'primary', Fields: NoteFields },
  new_facts: { endpoint: 'new-facts', label: { zh: '新事实重新计时', en: 'New facts' }, Fields: NewFactsFields },
  merge: { endpoint: 'merge', label: { zh: '合并', en: 'Merge' }, Fields: MergeFields },
  withdraw: { endpoint: 'withdraw', label: { zh: '撤回', en: 'Withdraw' }, tone: 'danger', Fields: RequiredNoteFields },
};

export const bodyOf = (spec: ActionSpec, values: Values, detail: TComplaintDetail): Values => (spec.body ? spec.body(values, detail) : trimmed(values));

/** The buttons to show: exactly the server's `allowedActions`, in our order; unknown names are listed last. */
export const orderedActions = (allowed: readonly string[]): string[] => [
  ...Object.keys(ACTION_SPECS).filter((a) => allowed.includes(a)),
  ...allowed.filter((a) => a !== 'view' && !(a in ACTION_SPECS)),
];
