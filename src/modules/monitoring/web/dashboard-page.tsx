import { Card, Col, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { type ChartOption, EChart } from '../../../web/ui/echart.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { formatDateTime } from '../../../web/ui/format.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { type Grade, opinionApi, type Source } from './api.ts';
import { useText } from './messages.ts';
import { Clocks, GradeTag } from './parts.tsx';

const HEALTH_COLOR = { ok: 'green', failing: 'red', never: 'default', idle: 'blue' } as const;

export const DashboardPage = () => {
  const t = useText();
  const { locale } = useI18n();
  const dash = useRequest(() => opinionApi.dashboard(), []);
  const sources = useRequest(() => opinionApi.sources(), []);
  const incidents = useRequest(() => opinionApi.incidents(true), []);
  const option = useMemo<ChartOption>(() => {
    const v = dash.data?.volume ?? [];
    const series = (['negative', 'neutral', 'positive'] as const).map((k) => ({
      name: t(`sent.${k}`),
      type: 'bar' as const,
      stack: 'all',
      data: v.map((x) => x[k]),
      itemStyle: { color: k === 'negative' ? '#e5484d' : k === 'neutral' ? '#a0a7b4' : '#30a46c' },
    }));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: v.map((x) => x.hour.slice(5).replace('T', ' ')) },
      yAxis: { type: 'value' },
      series,
    };
  }, [dash.data, t]);
  const maxWord = Math.max(1, ...(dash.data?.wordCloud ?? []).map((w) => w.count));

  return (
    <div data-testid="opinion-dashboard">
      <Typography.Title level={3}>{t('dash.title')}</Typography.Title>
      {dash.error ? <ErrorAlert error={dash.error} onRetry={dash.reload} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('dash.volume')}>
            <EChart option={option} height={280} testId="opinion-volume" ariaLabel={t('dash.volume')} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('dash.grades')} style={{ marginBottom: 16 }}>
            <Space wrap data-testid="opinion-grades">
              {(['I', 'II', 'III'] as Grade[]).map((g) => (
                <span key={g}>
                  <GradeTag grade={g} t={t} /> {dash.data?.gradeMix[g] ?? 0}
                </span>
              ))}
            </Space>
          </Card>
          <Card title={t('dash.incidents')}>
            {incidents.data?.items.length ? (
              <List
                size="small"
                dataSource={incidents.data.items}
                renderItem={(i) => (
                  <List.Item>
                    <Space direction="vertical" size={2}>
                      <Link to={`/opinion/incidents/${i.id}`}>
                        <GradeTag grade={i.grade} t={t} />
                        {i.title}
                      </Link>
                      <div>
                        <Clocks clocks={i.clocks} t={t} />
                      </div>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('dash.noIncidents')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('dash.stories')}>
            <List
              size="small"
              dataSource={dash.data?.stories ?? []}
              renderItem={(s) => (
                <List.Item extra={<Tag color={s.negative > s.posts / 2 ? 'red' : 'default'}>{s.posts}</Tag>}>
                  <Link to={`/opinion/posts?storyId=${s.id}`}>{s.title.slice(0, 60)}</Link>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('dash.words')}>
            <div data-testid="opinion-words" style={{ lineHeight: 2 }}>
              {(dash.data?.wordCloud ?? []).map((w) => (
                <Link
                  key={w.word}
                  to={`/opinion/posts?q=${encodeURIComponent(w.word)}`}
                  style={{ fontSize: 12 + Math.round((w.count / maxWord) * 16), marginRight: 10 }}
                >
                  {w.word}
                </Link>
              ))}
            </div>
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('dash.sources')}>
            <Table<Source>
              rowKey="id"
              size="small"
              pagination={false}
              data-testid="opinion-sources"
              dataSource={sources.data?.items ?? []}
              columns={[
                { title: t('col.source'), render: (_, s) => `${s.name} (${s.code})` },
                { title: '', render: (_, s) => <Tag color={HEALTH_COLOR[s.health]}>{t(`health.${s.health}`)}</Tag> },
                { title: t('col.posts'), dataIndex: 'postCount' },
                { title: t('col.lastOk'), render: (_, s) => (s.lastOkAt ? formatDateTime(s.lastOkAt, locale) : '—') },
                { title: t('col.error'), render: (_, s) => s.lastError ?? '' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
};
