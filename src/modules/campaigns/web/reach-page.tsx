import { Button, Card, Col, Row, Select, Space, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { useSession } from '../../../web/shell/session.tsx';
import { type ChartOption, EChart } from '../../../web/ui/echart.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { AUDIENCE_LABELS, CHANNEL_LABELS, type TAudience, type TChannel, type TVenue, VENUE_LABELS } from '../contract.ts';
import { staffCampaigns } from './api.ts';

const bars = (rows: { key: string; people: number }[], label: (k: string) => string, horizontal = false): ChartOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: horizontal ? 120 : 40, right: 16, top: 16, bottom: 32 },
  [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: rows.map((r) => label(r.key)), ...(horizontal ? { inverse: true } : {}) },
  [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: rows.map((r) => r.people), itemStyle: { color: '#1f5fbf' } }],
});

/** 触达分析: people present by audience, outlet, channel and venue type, with the reach reported beyond the room. */
export const ReachPage = () => {
  const { pick } = useI18n();
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const canExport = useSession().can('campaign.export');
  const campaigns = useRequest(() => staffCampaigns.list(), []);
  const reach = useRequest(() => staffCampaigns.reach(campaignId ? { campaignId } : {}), [campaignId]);
  const r = reach.data;
  const options = useMemo(() => {
    if (!r) return null;
    const other = pick({ zh: '未填写', en: 'Not given' });
    return {
      audience: bars(r.byAudience, (k) => (k in AUDIENCE_LABELS ? pick(AUDIENCE_LABELS[k as TAudience]) : other)),
      outlet: bars(r.byOutlet.slice(0, 15), (k) => k, true),
      channel: bars(r.byChannel, (k) => pick(CHANNEL_LABELS[k as TChannel] ?? { zh: k, en: k })),
      venue: bars(r.byVenue, (k) => pick(VENUE_LABELS[k as TVenue] ?? { zh: k, en: k })),
    };
  }, [r, pick]);
  return (
    <Page
      title={pick({ zh: '触达分析', en: 'Reach' })}
      testId="campaign-reach-page"
      extra={
        <Space>
          <Select
            allowClear
            style={{ width: 320 }}
            placeholder={pick({ zh: '全部活动', en: 'All campaigns' })}
            value={campaignId}
            onChange={setCampaignId}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          />
          {canExport ? (
            <>
              <Button href={staffCampaigns.reachExportUrl('csv', campaignId)}>CSV</Button>
              <Button href={staffCampaigns.reachExportUrl('xlsx', campaignId)} data-testid="reach-export-xlsx">
                Excel
              </Button>
            </>
          ) : null}
        </Space>
      }
    >
      {reach.error ? <ErrorAlert error={reach.error} /> : null}
      {r && options ? (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}>
              <Statistic title={pick({ zh: '场次', en: 'Events' })} value={r.totals.events} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={pick({ zh: '报名', en: 'Registered' })} value={r.totals.registered} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={pick({ zh: '到场', en: 'Attended' })} value={r.totals.attended} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={pick({ zh: '场外触达', en: 'Reach beyond the room' })} value={r.totals.extraReach} />
            </Col>
            <Col xs={12} md={5}>
              <Statistic title={pick({ zh: '总触达', en: 'Total reach' })} value={r.totals.reach} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={pick({ zh: '按人群（到场）', en: 'By audience (present)' })}>
                <EChart option={options.audience} height={260} testId="reach-audience-chart" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={pick({ zh: '按渠道', en: 'By channel' })}>
                <EChart option={options.channel} height={260} testId="reach-channel-chart" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={pick({ zh: '按网点（前 15）', en: 'By outlet (top 15)' })}>
                <EChart option={options.outlet} height={360} testId="reach-outlet-chart" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={pick({ zh: '按场地类型', en: 'By venue type' })}>
                <EChart option={options.venue} height={360} testId="reach-venue-chart" />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </Page>
  );
};
