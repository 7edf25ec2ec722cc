import { App, Button, Card, Col, Descriptions, Form, Input, List, Row, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { formatDateTime } from '../../../web/ui/format.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { opinionApi } from './api.ts';
import { type OKey, useText } from './messages.ts';
import { Clocks, GradeTag } from './parts.tsx';

const EV = new Set(
  ['opened', 'complete_clock', 'record_findings', 'decide', 'publish_response', 'start_watch', 'close', 'add_referral', 'link_complaint'].map((x) => `ev.${x}`),
);

/** One incident: clocks, the workflow step that is due, linked complaints, referrals, timeline. */
export const IncidentPage = () => {
  const t = useText();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const req = useRequest(() => opinionApi.incident(id), [id]);
  const [q, setQ] = useState('');
  const [refs, setRefs] = useState<{ id: string; trackingCode: string; title: string }[]>([]);
  const i = req.data;
  const can = (a: string) => i?.allowedActions.includes(a) ?? false;
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      req.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const act = (body: Record<string, unknown>) => run(() => opinionApi.act(id, body));
  if (req.error) return <ErrorAlert error={req.error} onRetry={req.reload} />;
  if (!i) return null;
  const verdict = i.decision?.verdict;
  return (
    <div data-testid="opinion-incident">
      <Typography.Title level={3}>
        <GradeTag grade={i.grade} t={t} />
        {i.title} <Tag data-testid="incident-status">{t(`inc.status.${i.status}` as OKey)}</Tag>
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('inc.clocks')} style={{ marginBottom: 16 }}>
            <Clocks clocks={i.clocks} t={t} stopped={i.status === 'closed'} />
            {can('complete_clock')
              ? i.clocks
                  .filter((c) => !c.doneAt)
                  .map((c) => (
                    <Form
                      key={c.key}
                      layout="inline"
                      style={{ marginTop: 8 }}
                      onFinish={(v: { note: string }) => act({ action: 'complete_clock', key: c.key, note: v.note })}
                    >
                      <Form.Item name="note" rules={[{ required: true }]}>
                        <Input placeholder={`${c.label} · ${t('inc.note')}`} style={{ width: 320 }} />
                      </Form.Item>
                      <Button htmlType="submit">{t('inc.complete')}</Button>
                    </Form>
                  ))
              : null}
          </Card>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('inc.findings')}>{i.findings?.findings ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('inc.verdict')}>{verdict ? `${t(`inc.verdict.${verdict}` as OKey)} — ${i.decision?.reason}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('inc.respond')}>{i.response ? `${i.response.channel}：${i.response.text}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('inc.review')}>{i.review?.review ?? '—'}</Descriptions.Item>
            </Descriptions>
            {can('record_findings') ? (
              <Form
                layout="vertical"
                onFinish={(v: { findings: string; evidence?: string }) =>
                  act({ action: 'record_findings', findings: v.findings, evidence: (v.evidence ?? '').split('\n').filter(Boolean) })
                }
              >
                <Form.Item name="findings" label={t('inc.findings')} rules={[{ required: true }]}>
                  <Input.TextArea rows={3} data-testid="incident-findings" />
                </Form.Item>
                <Form.Item name="evidence" label={t('inc.evidence')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button htmlType="submit" data-testid="incident-findings-submit">
                  {t('common.submit')}
                </Button>
              </Form>
            ) : null}
            {can('decide') ? (
              <Form layout="vertical" style={{ marginTop: 16 }} onFinish={(v: Record<string, string>) => act({ action: 'decide', ...v })}>
                <Form.Item name="verdict" label={t('inc.verdict')} rules={[{ required: true }]}>
                  <Select
                    data-testid="incident-verdict"
                    options={(['true', 'false', 'no_action'] as const).map((x) => ({ value: x, label: t(`inc.verdict.${x}`) }))}
                  />
                </Form.Item>
                <Form.Item name="reason" label={t('inc.reason')} rules={[{ required: true }]}>
                  <Input.TextArea rows={2} data-testid="incident-reason" />
                </Form.Item>
                <Form.Item name="rectification" label={t('inc.rectification')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button htmlType="submit" data-testid="incident-decide-submit">
                  {t('inc.decide')}
                </Button>
              </Form>
            ) : null}
            {can('publish_response') ? (
              <Form
                layout="vertical"
                style={{ marginTop: 16 }}
                onFinish={(v: { text: string; channel: string }) =>
                  act({ action: 'publish_response', kind: verdict === 'true' ? 'apology' : verdict === 'false' ? 'clarification' : 'none', ...v })
                }
              >
                <Form.Item name="text" label={t('inc.responseText')} rules={[{ required: true }]}>
                  <Input.TextArea rows={3} data-testid="incident-response" />
                </Form.Item>
                <Form.Item name="channel" label={t('inc.channel')} rules={[{ required: true }]}>
                  <Input data-testid="incident-channel" />
                </Form.Item>
                <Button htmlType="submit" data-testid="incident-respond-submit">
                  {t('inc.respond')}
                </Button>
              </Form>
            ) : null}
            {can('start_watch') ? (
              <Button style={{ marginTop: 16 }} onClick={() => act({ action: 'start_watch' })} data-testid="incident-watch">
                {t('inc.watch')}
              </Button>
            ) : null}
            {can('close') ? (
              <Form layout="vertical" style={{ marginTop: 16 }} onFinish={(v: { review: string }) => act({ action: 'close', review: v.review })}>
                <Form.Item name="review" label={t('inc.review')} rules={[{ required: true }]}>
                  <Input.TextArea rows={3} data-testid="incident-review" />
                </Form.Item>
                <Button htmlType="submit" type="primary" data-testid="incident-close-submit">
                  {t('inc.close')}
                </Button>
              </Form>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('inc.complaints')} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={i.complaints}
              data-testid="incident-complaints"
              renderItem={(c) => (
                <List.Item>
                  <a href={`/complaints/${c.id}`}>{c.trackingCode}</a> {c.title}
                </List.Item>
              )}
            />
            {can('link_complaint') ? (
              <>
                <Input.Search
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                  placeholder={t('inc.searchComplaints')}
                  data-testid="incident-complaint-search"
                  onSearch={(v) => v && run(async () => setRefs((await opinionApi.complaintRefs(v)).items))}
                />
                <List
                  size="small"
                  dataSource={refs.filter((r) => !i.complaints.some((c) => c.id === r.id))}
                  renderItem={(r) => (
                    <List.Item
                      actions={[
                        <Button key="l" size="small" data-testid={`link-${r.trackingCode}`} onClick={() => run(() => opinionApi.link(id, r.id))}>
                          {t('inc.link')}
                        </Button>,
                      ]}
                    >
                      {r.trackingCode} {r.title}
                    </List.Item>
                  )}
                />
              </>
            ) : null}
          </Card>
          <Card title={t('inc.referrals')} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={i.referrals}
              renderItem={(r) => (
                <List.Item>
                  {r.partner} · {r.shared} {r.reference ? `· ${r.reference}` : ''}
                </List.Item>
              )}
            />
            {can('add_referral') ? (
              <Form layout="vertical" onFinish={(v: Record<string, string>) => run(() => opinionApi.referral(id, v))}>
                <Form.Item name="partnerKind" initialValue="regulator">
                  <Select
                    options={[
                      { value: 'regulator', label: '监管 Regulator' },
                      { value: 'police', label: '公安 Police' },
                      { value: 'other', label: '其他 Other' },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="partner" label={t('inc.partner')} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="shared" label={t('inc.shared')} rules={[{ required: true }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="reference" label={t('inc.reference')}>
                  <Input />
                </Form.Item>
                <Button htmlType="submit">{t('inc.addReferral')}</Button>
              </Form>
            ) : null}
          </Card>
          <Card title={t('inc.timeline')}>
            <Timeline
              items={i.timeline.map((e) => ({
                children: (
                  <Space size={4}>
                    {formatDateTime(e.at, locale)} · {e.actorName} · {EV.has(`ev.${e.type}`) ? t(`ev.${e.type}` as OKey) : e.type}
                  </Space>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
};
