import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { type ChartOption, EChart } from '../../../web/ui/echart.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { AUDIENCE_LABELS, AUDIENCES, CHANNEL_LABELS, EVENT_STATUS_LABELS, type TAudience, type TCheckInResult, VENUE_LABELS } from '../contract.ts';
import { staffCampaigns } from './api.ts';
import { shortTime } from './labels.ts';

/** One event: the door (scan / type a code, walk-ins), the attendee list, the attendance report, the short report and photos. */
export const EventPage = () => {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const { message } = App.useApp();
  const res = useRequest(() => staffCampaigns.event(id), [id]);
  const regs = useRequest(() => staffCampaigns.registrations(id), [id]);
  const [error, setError] = useState<unknown>(null);
  const [scan, setScan] = useState('');
  const [last, setLast] = useState<TCheckInResult | null>(null);
  const [reveal, setReveal] = useState<{ id: string; reason: string; value?: string } | null>(null);
  const [walkForm] = Form.useForm<{ name: string; phone: string; audience?: TAudience }>();
  const [reportForm] = Form.useForm<{ summary: string; extraReach: number; quizParticipants: number }>();
  const [caption, setCaption] = useState('');
  const e = res.data;
  const can = (a: string) => e?.allowedActions.includes(a) ?? false;
  const reload = () => {
    res.reload();
    regs.reload();
  };
  const run = async <T,>(fn: () => Promise<T>, ok?: string): Promise<T | undefined> => {
    setError(null);
    try {
      const out = await fn();
      if (ok) message.success(ok);
      reload();
      return out;
    } catch (err) {
      setError(err);
      return undefined;
    }
  };
  const chart = useMemo<ChartOption | null>(() => {
    if (!e) return null;
    const rows = e.attendance.byAudience;
    const label = (a: string) => (a in AUDIENCE_LABELS ? pick(AUDIENCE_LABELS[a as TAudience]) : pick({ zh: '未填写', en: 'Not given' }));
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => label(r.audience)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: pick({ zh: '报名', en: 'Registered' }), type: 'bar', data: rows.map((r) => r.registered) },
        { name: pick({ zh: '到场', en: 'Attended' }), type: 'bar', data: rows.map((r) => r.attended) },
      ],
    };
  }, [e, pick]);

  const checkIn = async () => {
    const r = await run(() => staffCampaigns.checkIn(scan, id));
    if (r) {
      setLast(r);
      setScan('');
    }
  };

  return (
    <Page
      title={e ? e.title : pick({ zh: '活动场次', en: 'Event' })}
      testId="campaign-event-page"
      extra={
        e ? (
          <Space wrap>
            <Tag color={EVENT_STATUS_LABELS[e.status].color} data-testid="event-status">
              {pick(EVENT_STATUS_LABELS[e.status])}
            </Tag>
            {can('publish') ? (
              <Button
                type="primary"
                data-testid="event-publish"
                onClick={() => run(() => staffCampaigns.eventAction(id, 'publish'), pick({ zh: '已发布，开放报名', en: 'Published' }))}
              >
                {pick({ zh: '发布报名', en: 'Publish' })}
              </Button>
            ) : null}
            {can('close') ? (
              <Button onClick={() => run(() => staffCampaigns.eventAction(id, 'close'))}>{pick({ zh: '截止报名', en: 'Close registration' })}</Button>
            ) : null}
            {can('cancel') ? (
              <Button danger onClick={() => run(() => staffCampaigns.eventAction(id, 'cancel'))}>
                {pick({ zh: '取消活动', en: 'Cancel' })}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {res.error ? <ErrorAlert error={res.error} /> : null}
      {error ? <ErrorAlert error={error} testId="event-error" /> : null}
      {e ? (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={pick({ zh: '所属活动', en: 'Campaign' })}>
              <Link to={`/campaigns/${e.campaignId}`}>{e.campaignTitle}</Link>
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '场地', en: 'Venue' })}>
              {pick(VENUE_LABELS[e.venueType])} · {e.venueName} {e.address}
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '时间', en: 'Time' })}>
              {shortTime(e.startsAt)} – {shortTime(e.endsAt).slice(11)}
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '承办机构', en: 'Running org' })}>{e.orgName}</Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '主讲', en: 'Speakers' })}>
              {e.speakers.map((s) => `${s.name}${s.organisation ? `（${s.organisation}）` : ''}`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '材料', en: 'Materials' })}>{e.materials.join('、')}</Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '公众报名页', en: 'Public page' })}>
              <a href={e.publicPath} target="_blank" rel="noreferrer" data-testid="event-public-link">
                {e.publicPath}
              </a>
            </Descriptions.Item>
          </Descriptions>

          <Row gutter={16} style={{ marginBottom: 16 }} data-testid="event-attendance">
            {(
              [
                ['registered', { zh: '报名', en: 'Registered' }],
                ['attended', { zh: '到场', en: 'Attended' }],
                ['walkIns', { zh: '现场参与', en: 'Walk-ins' }],
                ['noShows', { zh: '未到', en: 'No-shows' }],
              ] as const
            ).map(([k, label]) => (
              <Col xs={12} md={6} key={k}>
                <Statistic title={pick(label)} value={e.attendance[k]} valueRender={(v) => <span data-testid={`attendance-${k}`}>{v}</span>} />
              </Col>
            ))}
          </Row>
          {chart && e.attendance.byAudience.length ? (
            <EChart
              option={chart}
              height={240}
              testId="attendance-chart"
              ariaLabel={pick({ zh: '按人群的报名与到场', en: 'Registered and attended by audience' })}
            />
          ) : null}

          {can('checkIn') ? (
            <Card title={pick({ zh: '现场签到', en: 'Check-in at the door' })} size="small" style={{ marginTop: 16 }}>
              <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
                <Input
                  value={scan}
                  onChange={(ev) => setScan(ev.target.value)}
                  onPressEnter={checkIn}
                  placeholder={pick({ zh: '扫码结果或签到码', en: 'Scanned URL or code' })}
                  data-testid="checkin-code"
                  autoFocus
                />
                <Button type="primary" onClick={checkIn} data-testid="checkin-submit">
                  {pick({ zh: '签到', en: 'Check in' })}
                </Button>
              </Space.Compact>
              {last ? (
                <Alert
                  style={{ marginTop: 12 }}
                  type="success"
                  showIcon
                  data-testid="checkin-result"
                  title={`${last.name} ${last.phoneMasked} ${pick({ zh: '签到成功', en: 'checked in' })}${last.walkIn ? pick({ zh: '（现场参与）', en: ' (walk-in)' }) : ''}`}
                />
              ) : null}
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {pick({ zh: '现场登记（未报名或忘带凭证）', en: 'Walk-in (not registered or no code)' })}
              </Typography.Title>
              <Form
                form={walkForm}
                layout="inline"
                onFinish={async (v) => {
                  const r = await run(() => staffCampaigns.walkIn(id, v));
                  if (r) {
                    setLast(r);
                    walkForm.resetFields();
                  }
                }}
              >
                <Form.Item name="name" rules={[{ required: true }]}>
                  <Input placeholder={pick({ zh: '姓名', en: 'Name' })} data-testid="walkin-name" />
                </Form.Item>
                <Form.Item name="phone" rules={[{ required: true }]}>
                  <Input placeholder={pick({ zh: '手机号', en: 'Mobile' })} data-testid="walkin-phone" inputMode="tel" />
                </Form.Item>
                <Form.Item name="audience">
                  <Select
                    allowClear
                    style={{ width: 160 }}
                    placeholder={pick({ zh: '人群', en: 'Audience' })}
                    options={AUDIENCES.map((a) => ({ value: a, label: pick(AUDIENCE_LABELS[a]) }))}
                  />
                </Form.Item>
                <Button htmlType="submit" data-testid="walkin-submit">
                  {pick({ zh: '登记并签到', en: 'Register and check in' })}
                </Button>
              </Form>
            </Card>
          ) : null}

          <Card title={pick({ zh: '报名与签到名单', en: 'Attendees' })} size="small" style={{ marginTop: 16 }}>
            <Table
              rowKey="id"
              size="small"
              loading={regs.loading}
              dataSource={regs.data?.items ?? []}
              pagination={{ pageSize: 20 }}
              data-testid="registrations"
              columns={[
                { title: pick({ zh: '姓名', en: 'Name' }), dataIndex: 'name' },
                {
                  title: pick({ zh: '手机', en: 'Mobile' }),
                  dataIndex: 'phoneMasked',
                  render: (p: string, r) => (
                    <Space>
                      {p}
                      {can('reveal') ? (
                        <Button size="small" type="link" onClick={() => setReveal({ id: r.id, reason: '' })}>
                          {pick({ zh: '查看', en: 'Reveal' })}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
                { title: pick({ zh: '人群', en: 'Audience' }), dataIndex: 'audience', render: (a: TAudience | null) => (a ? pick(AUDIENCE_LABELS[a]) : '') },
                { title: pick({ zh: '来源', en: 'Channel' }), dataIndex: 'channel', render: (c: keyof typeof CHANNEL_LABELS) => pick(CHANNEL_LABELS[c]) },
                {
                  title: pick({ zh: '签到', en: 'Checked in' }),
                  dataIndex: 'checkedInAt',
                  render: (t: string | null) => (t ? <Tag color="green">{shortTime(t).slice(11)}</Tag> : <Tag>{pick({ zh: '未到', en: 'Not yet' })}</Tag>),
                },
              ]}
            />
          </Card>

          <Card title={pick({ zh: '活动简报与照片', en: 'Report and photos' })} size="small" style={{ marginTop: 16 }}>
            {can('report') ? (
              <Form
                form={reportForm}
                layout="vertical"
                initialValues={{ summary: e.report.summary, extraReach: e.report.extraReach, quizParticipants: e.report.quizParticipants }}
                onFinish={(v) => run(() => staffCampaigns.report(id, v), pick({ zh: '简报已保存', en: 'Report saved' }))}
              >
                <Form.Item name="summary" label={pick({ zh: '简报', en: 'Summary' })}>
                  <Input.TextArea rows={3} maxLength={2000} data-testid="report-summary" />
                </Form.Item>
                <Space wrap>
                  <Form.Item name="extraReach" label={pick({ zh: '场外触达（折页、线上观看等）', en: 'Reach beyond the room' })}>
                    <InputNumber min={0} />
                  </Form.Item>
                  <Form.Item name="quizParticipants" label={pick({ zh: '现场答题人数', en: 'On-site quiz takers' })}>
                    <InputNumber min={0} />
                  </Form.Item>
                  <Button htmlType="submit" data-testid="report-save">
                    {pick({ zh: '保存简报', en: 'Save report' })}
                  </Button>
                </Space>
              </Form>
            ) : (
              <Typography.Paragraph>{e.report.summary || pick({ zh: '尚无简报', en: 'No report yet' })}</Typography.Paragraph>
            )}
            {can('photo') ? (
              <Space wrap style={{ marginBottom: 12 }}>
                <Input
                  value={caption}
                  onChange={(ev) => setCaption(ev.target.value)}
                  placeholder={pick({ zh: '照片说明', en: 'Caption' })}
                  style={{ width: 220 }}
                />
                <input
                  type="file"
                  accept="image/jpeg,image/png,image/webp"
                  data-testid="photo-input"
                  onChange={async (ev) => {
                    const file = ev.target.files?.[0];
                    if (file) await run(() => staffCampaigns.uploadPhoto(id, file, caption), pick({ zh: '照片已上传', en: 'Photo uploaded' }));
                    ev.target.value = '';
                  }}
                />
              </Space>
            ) : null}
            <Space wrap>
              {e.photos.map((p) => (
                <figure key={p.id} style={{ margin: 0 }}>
                  <img src={staffCampaigns.photoUrl(id, p.id)} alt={p.caption || p.name} style={{ height: 120, borderRadius: 6 }} data-testid="event-photo" />
                  <figcaption style={{ fontSize: 12 }}>{p.caption}</figcaption>
                </figure>
              ))}
            </Space>
          </Card>
        </>
      ) : null}
      <Modal
        open={reveal !== null}
        title={pick({ zh: '查看完整手机号（将记录审计日志）', en: 'Reveal the phone number (audited)' })}
        onCancel={() => setReveal(null)}
        okButtonProps={{ disabled: !reveal?.reason.trim() || Boolean(reveal?.value) }}
        onOk={async () => {
          if (!reveal) return;
          const r = await run(() => staffCampaigns.reveal('registrations', reveal.id, reveal.reason));
          if (r) setReveal({ ...reveal, value: r.value });
        }}
      >
        {reveal?.value ? (
          <Typography.Title level={4}>{reveal.value}</Typography.Title>
        ) : (
          <Input
            placeholder={pick({ zh: '查看原因', en: 'Reason' })}
            value={reveal?.reason ?? ''}
            onChange={(ev) => reveal && setReveal({ ...reveal, reason: ev.target.value })}
          />
        )}
      </Modal>
    </Page>
  );
};
