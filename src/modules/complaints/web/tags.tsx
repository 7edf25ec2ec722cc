import { Space, Tag } from 'antd';
import { useI18n } from '../../../web/i18n.ts';
import { STATUS_LABELS, type TClock, type TStatus } from '../contract.ts';
import { FLAG_LABELS, STAGE_LABELS } from './labels.ts';

const STATUS_COLORS: Record<TStatus, string> = {
  registered: 'default',
  accepted: 'processing',
  not_accepted: 'default',
  in_progress: 'processing',
  paused: 'warning',
  decision_drafted: 'cyan',
  in_review: 'purple',
  notified: 'geekblue',
  closed: 'success',
  withdrawn: 'default',
  merged: 'default',
};

export const StatusTag = ({ status, testId }: { status: TStatus; testId?: string }) => {
  const { pick } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId}>
      {pick(STATUS_LABELS[status])}
    </Tag>
  );
};

/** The clock stage as a coloured tag: the same colours in the list, on the case page and in the legend. */
export const StageTag = ({ stage, testId }: { stage: TClock['stage']; testId?: string }) => {
  const { pick } = useI18n();
  return (
    <Tag color={STAGE_LABELS[stage].color} data-testid={testId}>
      {pick(STAGE_LABELS[stage])}
    </Tag>
  );
};

export const FlagTags = ({ flags, testId }: { flags: readonly string[]; testId?: string }) => {
  const { pick } = useI18n();
  if (!flags.length) return null;
  return (
    <Space size={[0, 4]} wrap data-testid={testId}>
      {flags.map((f) => {
        const label = FLAG_LABELS[f];
        return (
          <Tag key={f} color={label?.color} variant="filled">
            {label ? pick(label) : f}
          </Tag>
        );
      })}
    </Space>
  );
};
