import { Checkbox, Form, Input, Radio, Select } from 'antd';
import type { ReactNode } from 'react';
import { type Bilingual, useI18n } from '../../../web/i18n.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { NOT_ACCEPTED_REASONS, NOTICE_KINDS, NOTICE_METHODS, PAUSE_REASONS, REMEDIES, type TComplaintDetail } from '../contract.ts';
import { complaintApi } from './api.ts';
import { METHOD_LABELS, NOT_ACCEPTED_LABELS, NOTICE_KIND_LABELS, PAUSE_LABELS, REMEDY_LABELS } from './labels.ts';
import { type CKey, useText } from './messages.ts';
import { useCodes } from './use-codes.ts';

export type FieldsProps = { detail: TComplaintDetail };

const options = <K extends string>(keys: readonly K[], labels: Record<K, Bilingual>, pick: (l: Bilingual) => string) =>
  keys.map((k) => ({ value: k, label: pick(labels[k]) }));

/** One labelled input; `name` doubles as the message key suffix and the test id. */
const Field = ({ name, required = false, max, children }: { name: string; required?: boolean; max?: number; children: ReactNode }) => {
  const t = useText();
  const rules = [...(required ? [{ required: true, message: t('common.required') }] : []), ...(max ? [{ max }] : [])];
  return (
    <Form.Item name={name} label={t(`act.field.${name}` as CKey)} rules={rules}>
      {children}
    </Form.Item>
  );
};

const Text = ({
  name,
  max = 500,
  required = true,
  rows = 3,
  placeholder,
}: {
  name: string;
  max?: number;
  required?: boolean;
  rows?: number;
  placeholder?: string;
}) => (
  <Field name={name} required={required} max={max}>
    <Input.TextArea rows={rows} maxLength={max} placeholder={placeholder} data-testid={`af-${name}`} />
  </Field>
);

export const NoteFields = () => <Text name="note" required={false} />;
export const RequiredNoteFields = () => <Text name="note" />;
export const CommentFields = () => <Text name="comment" required={false} />;

export const NotAcceptFields = () => {
  const { pick } = useI18n();
  return (
    <>
      <Field name="reason" required>
        <Select options={options(NOT_ACCEPTED_REASONS, NOT_ACCEPTED_LABELS, pick)} data-testid="af-reason" />
      </Field>
      <Text name="explanation" max={1000} />
    </>
  );
};

/** Approve or decline a pending request (not-accepted, extension) or a quality review. */
const Decide = ({ commentRequired }: { commentRequired: boolean }) => {
  const t = useText();
  return (
    <>
      <Field name="approve" required>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: <span data-testid="af-approve-yes">{t('act.approve')}</span> },
            { value: false, label: <span data-testid="af-approve-no">{t('act.reject')}</span> },
          ]}
        />
      </Field>
      <Text name="comment" required={commentRequired} max={commentRequired ? 1000 : 500} />
    </>
  );
};
export const DecideFields = () => <Decide commentRequired={false} />;
export const ReviewFields = () => <Decide commentRequired />;

export const HandoverFields = ({ detail }: FieldsProps) => {
  const { data, loading } = useRequest(() => complaintApi.handlers(detail.id), [detail.id]);
  return (
    <>
      <Field name="toUserId" required>
        <Select
          loading={loading}
          showSearch={{ optionFilterProp: 'label' }}
          options={(data ?? []).map((h) => ({ value: h.id, label: h.name }))}
          data-testid="af-toUserId"
        />
      </Field>
      <Text name="reason" />
    </>
  );
};

export const nextLimit = (detail: TComplaintDetail): 30 | 60 => (detail.clock.limitDays < 30 ? 30 : 60);

export const ExtensionFields = ({ detail }: FieldsProps) => {
  const t = useText();
  const days = nextLimit(detail);
  return (
    <>
      <Form.Item label={t('act.field.limitDays')}>
        <Radio.Group value={days} options={[{ value: days, label: t('act.days', { days }) }]} data-testid="af-limitDays" />
      </Form.Item>
      <Text name="reason" max={1000} />
    </>
  );
};

export const PauseFields = () => {
  const { pick } = useI18n();
  return (
    <>
      <Field name="reason" required>
        <Radio.Group options={options(PAUSE_REASONS, PAUSE_LABELS, pick)} data-testid="af-reason" />
      </Field>
      <Text name="note" />
    </>
  );
};

export const NewFactsFields = () => <Text name="facts" max={5000} rows={5} />;

export const DecisionFields = () => {
  const { pick } = useI18n();
  return (
    <>
      <Text name="verifiedFacts" max={5000} />
      <Text name="basis" max={3000} />
      <Text name="outcome" max={3000} />
      <Field name="remedies" required>
        <Checkbox.Group options={options(REMEDIES, REMEDY_LABELS, pick)} data-testid="af-remedies" />
      </Field>
    </>
  );
};

/** A notice with its evidence; the decision notice fixes the kind. */
export const NoticeFields = ({ decision, detail }: FieldsProps & { decision: boolean }) => {
  const { pick } = useI18n();
  const t = useText();
  const kinds = NOTICE_KINDS.filter((k) => (decision ? k === 'decision' : k !== 'decision'));
  return (
    <>
      <Field name="kind" required>
        <Select disabled={decision} options={options(kinds, NOTICE_KIND_LABELS, pick)} data-testid="af-kind" />
      </Field>
      <Field name="method" required>
        <Radio.Group options={options(NOTICE_METHODS, METHOD_LABELS, pick)} data-testid="af-method" />
      </Field>
      <Form.Item
        name="sentAt"
        label={t('act.field.sentAt')}
        rules={[
          { required: true, message: t('common.required') },
          {
            // A notice cannot precede the receipt nor lie in the future.
            validator: async (_, v?: string) => {
              const at = v ? new Date(v).getTime() : Number.NaN;
              if (at >= new Date(detail.receivedAt).getTime() - 1000 && at <= Date.now() + 60_000) return;
              throw new Error(t('act.sentAtRule'));
            },
          },
        ]}
      >
        <Input type="datetime-local" step={1} data-testid="af-sentAt" />
      </Form.Item>
      <Text name="evidence" max={1000} rows={2} placeholder={t('act.field.evidenceHint')} />
    </>
  );
};

export const CloseFields = () => {
  const codes = useCodes();
  return (
    <>
      <Text name="rootCause" max={2000} />
      <Text name="rectification" max={2000} />
      <Field name="businessCategory" required>
        <Select showSearch={{ optionFilterProp: 'label' }} options={codes.business} data-testid="af-businessCategory" />
      </Field>
      <Field name="cause" required>
        <Select showSearch={{ optionFilterProp: 'label' }} options={codes.causes} data-testid="af-cause" />
      </Field>
    </>
  );
};

export const MergeFields = () => (
  <Field name="intoTrackingCode" required max={40}>
    <Input maxLength={40} data-testid="af-intoTrackingCode" />
  </Field>
);
