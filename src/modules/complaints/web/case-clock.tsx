import { ClockCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Progress, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../web/i18n.ts';
import { formatDateTime } from '../../../web/ui/format.ts';
import type { TComplaintDetail } from '../contract.ts';
import { STAGE_LABELS } from './labels.ts';
import { useText } from './messages.ts';
import { StageTag } from './tags.tsx';

const STROKE: Record<string, string> = { green: '#52c41a', gold: '#faad14', orange: '#fa8c16', red: '#f5222d', blue: '#1677ff', magenta: '#eb2f96' };

/** The statutory clock (办法 Art 18): days used and left, the limit after extensions, pauses excluded. */
export const CaseClock = ({ detail }: { detail: TComplaintDetail }) => {
  const { locale } = useI18n();
  const t = useText();
  const { clock } = detail;
  const extensions = detail.timeline.filter((e) => e.type === 'extended');
  const percent = Math.min(100, Math.round((clock.daysUsed / clock.limitDays) * 100));
  const color = STROKE[STAGE_LABELS[clock.stage].color] ?? '#1677ff';
  const isOpen = clock.stage !== 'met' && clock.stage !== 'missed';

  return (
    <Card
      title={
        <Space>
          <ClockCircleOutlined />
          {t('clock.title')}
        </Space>
      }
      extra={<StageTag stage={clock.stage} testId="clock-stage" />}
      data-testid="case-clock"
    >
      <Flex align="center" gap={24} wrap>
        <Progress
          type="dashboard"
          percent={percent}
          strokeColor={color}
          size={132}
          format={() => (
            <Flex vertical align="center">
              <span style={{ fontSize: 26, fontWeight: 600 }} data-testid="clock-used">
                {clock.daysUsed}
              </span>
              <span style={{ fontSize: 13, color: '#8c8c8c' }}>/ {t('clock.limit', { days: clock.limitDays })}</span>
            </Flex>
          )}
        />
        <Flex vertical gap={4}>
          <Typography.Text style={{ fontSize: 16 }}>{t('clock.used', { days: clock.daysUsed })}</Typography.Text>
          {isOpen ? (
            <Typography.Text strong style={{ fontSize: 20, color }} data-testid="clock-left">
              {clock.daysLeft >= 0 ? t('clock.left', { days: clock.daysLeft }) : t('clock.overdueBy', { days: -clock.daysLeft })}
            </Typography.Text>
          ) : null}
          {clock.isPaused ? (
            <Tag icon={<PauseCircleOutlined />} color="warning">
              {t('clock.pausedNow')}
            </Tag>
          ) : null}
        </Flex>
      </Flex>
      <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('clock.limitLabel')}>
          <span data-testid="clock-limit">{t('clock.limit', { days: clock.limitDays })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('clock.deadline')}>
          <Typography.Text strong data-testid="clock-deadline">
            {clock.deadline}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('clock.start')}>{clock.startDate}</Descriptions.Item>
        {clock.pauses.length ? (
          <Descriptions.Item label={t('clock.paused', { days: clock.pausedDays })}>
            <Flex vertical data-testid="clock-pauses">
              {clock.pauses.map((p) => (
                <span key={p.from}>{t('clock.pauseSpan', { from: p.from, to: p.to ?? t('clock.ongoing'), days: p.days })}</span>
              ))}
            </Flex>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('clock.extensions')}>
          <Flex vertical data-testid="clock-extensions">
            {extensions.length
              ? extensions.map((e) => (
                  <span key={e.id}>
                    {t('clock.extendedTo', { days: String(e.data.limitDays ?? ''), by: String(e.data.approvedBy ?? e.actorName) })}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                      {formatDateTime(e.at, locale)}
                    </Typography.Text>
                  </span>
                ))
              : t('clock.noExtension')}
          </Flex>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
};
