import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Input, Progress, Row, Skeleton, Space, Statistic, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { EChart } from '../../../web/ui/echart.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { CHANNEL_LABELS, STATUS_LABELS, ZChannel, ZStatus } from '../contract.ts';
import { complaintApi } from './api.ts';
import { type CKey, useText } from './messages.ts';
import { asChartOption, barOption, pieOption, type StatsOption, trendOption } from './stats-charts.ts';
import { useCodes } from './use-codes.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** The local calendar date (the bank works in Asia/Shanghai; toISOString would give the UTC date). */
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const yearAgo = () => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - 1);
  return isoDate(d);
};

const lastQuarterExport = () => {
  const d = new Date();
  const q = Math.floor(d.getMonth() / 3);
  const [year, quarter] = q === 0 ? [d.getFullYear() - 1, 4] : [d.getFullYear(), q];
  return `/api/v1/complaints/stats/regulatory/export?year=${year}&quarter=${quarter}`;
};

const ChartCard = ({ title, option, testId, height = 300 }: { title: string; option: StatsOption | null; testId: string; height?: number }) => (
  <Card title={title} size="small">
    {option ? <EChart option={asChartOption(option)} height={height} testId={testId} ariaLabel={title} /> : <Skeleton active />}
  </Card>
);

/** 统计分析: trend, JR/T 0169 categories and causes, channels, status and the in-time rate, for a date range. */
export const StatsPage = () => {
  const { pick } = useI18n();
  const t = useText();
  const { token } = theme.useToken();
  const codes = useCodes();
  const [range, setRange] = useState({ from: yearAgo(), to: isoDate(new Date()) });
  const { data, error, reload } = useRequest(() => complaintApi.stats({ from: range.from || undefined, to: range.to || undefined }), [range.from, range.to]);

  const charts = useMemo(() => {
    if (!data) return null;
    const font = token.fontFamily;
    const name = t('stats.count');
    const code = (k: string) => (k === 'uncoded' ? t('stats.uncoded') : codes.describe(k));
    const channel = (k: string) => {
      const c = ZChannel.safeParse(k);
      return c.success ? pick(CHANNEL_LABELS[c.data]) : k;
    };
    const status = (k: string) => {
      const s = ZStatus.safeParse(k);
      return s.success ? pick(STATUS_LABELS[s.data]) : k;
    };
    return {
      trend: trendOption(font, name, data.byMonth),
      categories: barOption(
        font,
        name,
        data.byBusinessCategory.slice(0, 10).map((r) => ({ label: code(r.key), value: r.count })),
      ),
      causes: barOption(
        font,
        name,
        data.byCause.map((r) => ({ label: code(r.key), value: r.count })),
        '#d46b08',
      ),
      channels: barOption(
        font,
        name,
        data.byChannel.map((r) => ({ label: channel(r.key), value: r.count })),
        '#389e0d',
      ),
      statuses: pieOption(
        font,
        name,
        data.byStatus.map((r) => ({ label: status(r.key), value: r.count })),
      ),
    };
  }, [data, codes, pick, t, token.fontFamily]);

  const total = data?.byStatus.reduce((s, r) => s + r.count, 0) ?? 0;
  const rate = data?.sla.rate;
  const card = (key: keyof NonNullable<typeof charts>, title: CKey, height?: number) => (
    <ChartCard title={t(title)} option={charts?.[key] ?? null} testId={`stats-${key}`} height={height} />
  );

  return (
    <div data-testid="stats-page">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('stats.title')}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">{t('stats.range')}</Typography.Text>
          <Input
            type="date"
            value={range.from}
            onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
            style={{ width: 150 }}
            data-testid="stats-from"
          />
          <Input type="date" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} style={{ width: 150 }} data-testid="stats-to" />
          <Button icon={<DownloadOutlined />} href={lastQuarterExport()} data-testid="stats-export-regulatory">
            {t('stats.exportRegulatory')}
          </Button>
        </Space>
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('stats.total')} value={total} loading={!data} data-testid="stats-total" />
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small">
            <Flex align="center" gap={24}>
              <Statistic
                title={t('stats.sla')}
                value={rate == null ? '—' : (rate * 100).toFixed(1)}
                suffix={rate == null ? undefined : '%'}
                loading={!data}
                data-testid="stats-sla"
              />
              {data ? (
                <Flex vertical flex={1}>
                  <Progress percent={rate == null ? 0 : Math.round(rate * 1000) / 10} status={rate != null && rate < 0.95 ? 'exception' : 'success'} />
                  <Typography.Text type="secondary">{t('stats.slaDetail', { inTime: data.sla.inTime, decided: data.sla.decided })}</Typography.Text>
                </Flex>
              ) : null}
            </Flex>
          </Card>
        </Col>
        <Col xs={24}>{card('trend', 'stats.trend', 280)}</Col>
        <Col xs={24} lg={12}>
          {card('categories', 'stats.categories', 340)}
        </Col>
        <Col xs={24} lg={12}>
          {card('causes', 'stats.causes', 340)}
        </Col>
        <Col xs={24} lg={12}>
          {card('channels', 'stats.channels')}
        </Col>
        <Col xs={24} lg={12}>
          {card('statuses', 'stats.statuses')}
        </Col>
      </Row>
    </div>
  );
};
