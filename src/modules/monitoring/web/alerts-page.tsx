import { App, Button, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { formatDateTime } from '../../../web/ui/format.ts';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { type Alert, type Grade, opinionApi } from './api.ts';
import { useText } from './messages.ts';
import { GradeTag } from './parts.tsx';

/** The in-app alert inbox: why each alert fired, acknowledgement, and the step into an incident. */
export const AlertsPage = () => {
  const t = useText();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const req = useRequest(() => opinionApi.alerts(), []);
  const [opening, setOpening] = useState<Alert | null>(null);
  const [form] = Form.useForm<{ title: string; grade: Grade }>();

  const ack = async (a: Alert) => {
    try {
      await opinionApi.acknowledge(a.id);
      req.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const open = async () => {
    const v = await form.validateFields();
    try {
      const r = await opinionApi.openIncident({ alertId: opening?.id, ...v });
      navigate(`/opinion/incidents/${r.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Page title={t('alerts.title')} testId="opinion-alerts">
      {req.error ? <ErrorAlert error={req.error} onRetry={req.reload} /> : null}
      {req.data && req.data.items.length === 0 ? <Empty description={t('alerts.empty')} /> : null}
      <List
        itemLayout="vertical"
        dataSource={req.data?.items ?? []}
        renderItem={(a) => (
          <List.Item
            key={a.id}
            data-testid={`alert-${a.id}`}
            actions={[
              a.status === 'open' ? (
                <Button key="ack" onClick={() => ack(a)} data-testid="alert-ack">
                  {t('alerts.ack')}
                </Button>
              ) : (
                <span key="ack">{t('alerts.acked', { who: a.acknowledgedBy ?? '' })}</span>
              ),
              a.incidentId ? (
                <Button key="inc" type="link" onClick={() => navigate(`/opinion/incidents/${a.incidentId}`)}>
                  {t('alerts.toIncident')}
                </Button>
              ) : (
                <Button
                  key="inc"
                  type="primary"
                  danger
                  data-testid="alert-open-incident"
                  onClick={() => {
                    form.setFieldsValue({ title: a.subjectName.slice(0, 60), grade: a.grade ?? 'II' });
                    setOpening(a);
                  }}
                >
                  {t('alerts.open')}
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  <Tag color={a.kind === 'spike' ? 'volcano' : 'red'}>{t(a.kind === 'spike' ? 'alerts.spike' : 'alerts.grade')}</Tag>
                  <GradeTag grade={a.grade} t={t} />
                  <span>{a.subjectName.slice(0, 80)}</span>
                </Space>
              }
              description={`${formatDateTime(a.createdAt, locale)} · ${t('alerts.count', { n: a.count, th: a.threshold.toFixed(1), mean: a.baselineMean.toFixed(2) })}`}
            />
            <Space direction="vertical" size={4}>
              <div>
                {t('alerts.terms')}:{' '}
                {(a.explanation.topTerms ?? []).map((x) => (
                  <Tag key={x.key}>{x.key}</Tag>
                ))}
              </div>
              <div>
                {t('alerts.sources')}: {(a.explanation.topSources ?? []).map((x) => `${x.key} (${x.count})`).join('、')}
              </div>
              <div>
                {(['negative', 'neutral', 'positive'] as const).map((k) => (
                  <Tag key={k}>
                    {t(`sent.${k}`)} {a.explanation.sentimentMix?.[k] ?? 0}
                  </Tag>
                ))}
              </div>
              {(a.explanation.samples ?? []).slice(0, 2).map((s) => (
                <Typography.Text key={s.id} type="secondary">
                  {s.source}：{s.excerpt}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={opening !== null}
        title={t('alerts.open')}
        onCancel={() => setOpening(null)}
        onOk={open}
        okButtonProps={{ 'data-testid': 'incident-open-submit' } as never}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="title" label={t('inc.title')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="grade" label={t('inc.grade')} rules={[{ required: true }]}>
            <Select data-testid="incident-open-grade" options={(['I', 'II', 'III'] as const).map((g) => ({ value: g, label: t(`grade.${g}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
};
