import { Alert, Card, Descriptions, Empty, Form, Input, List, Select, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { BigButton, PortalLayout } from '../../../web/portal/portal-layout.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { AUDIENCE_LABELS, AUDIENCES, type TAudience, THEME_LABELS, type TPublicEvent, VENUE_LABELS } from '../contract.ts';
import { publicCampaigns } from './api.ts';
import { shortTime } from './labels.ts';

const When = ({ e }: { e: TPublicEvent }) => (
  <>
    {shortTime(e.startsAt)} – {shortTime(e.endsAt).slice(11)}
  </>
);

/** 活动: published events that have not ended, soonest first. */
export const PortalEventsPage = () => {
  const { pick } = useI18n();
  const res = useRequest(() => publicCampaigns.events(), []);
  return (
    <PortalLayout testId="portal-events">
      <Typography.Title level={2}>{pick({ zh: '金融知识宣传活动', en: 'Financial-education events' })}</Typography.Title>
      {res.loading ? <Spin /> : null}
      {res.error ? <ErrorAlert error={res.error} /> : null}
      {res.data && res.data.items.length === 0 ? <Empty description={pick({ zh: '近期暂无活动', en: 'No upcoming events' })} /> : null}
      <List
        dataSource={res.data?.items ?? []}
        renderItem={(e) => (
          <List.Item>
            <Link to={`/portal/events/${e.id}`} style={{ display: 'block', width: '100%' }} data-testid="portal-event-link">
              <Card hoverable size="small">
                <Typography.Title level={4} style={{ marginTop: 0 }}>
                  {e.title}
                </Typography.Title>
                <div>
                  <Tag color="blue">{pick(THEME_LABELS[e.theme])}</Tag>
                  <Tag>{pick(VENUE_LABELS[e.venueType])}</Tag>
                  {e.isOpen ? (
                    <Tag color="green">{pick({ zh: `余 ${e.seatsLeft} 席`, en: `${e.seatsLeft} seats left` })}</Tag>
                  ) : (
                    <Tag>{pick({ zh: '报名已截止', en: 'Closed' })}</Tag>
                  )}
                </div>
                <Typography.Text>
                  <When e={e} /> · {e.venueName}
                </Typography.Text>
              </Card>
            </Link>
          </List.Item>
        )}
      />
    </PortalLayout>
  );
};

/** One event and its sign-up form (name, mobile, optional group); on success, the confirmation with its QR code. */
export const PortalEventPage = () => {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const navigate = useNavigate();
  const res = useRequest(() => publicCampaigns.event(id), [id]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const e = res.data;
  const submit = async (v: { name: string; phone: string; audience?: TAudience }) => {
    setError(null);
    setBusy(true);
    try {
      const c = await publicCampaigns.register(id, v);
      navigate(`/portal/events/confirmation/${c.code}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <PortalLayout testId="portal-event">
      {res.loading ? <Spin /> : null}
      {res.error ? <ErrorAlert error={res.error} /> : null}
      {e ? (
        <>
          <Typography.Title level={2} data-testid="portal-event-title">
            {e.title}
          </Typography.Title>
          <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={pick({ zh: '活动', en: 'Campaign' })}>{e.campaignTitle}</Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '时间', en: 'When' })}>
              <When e={e} />
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '地点', en: 'Where' })}>
              {e.venueName} {e.address}
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '主讲', en: 'Speakers' })}>
              {e.speakers.map((s) => `${s.name}（${s.organisation}）`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '名额', en: 'Seats' })}>
              {e.seatsLeft} / {e.capacity}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph>{e.description}</Typography.Paragraph>
          {error ? <ErrorAlert error={error} testId="portal-register-error" /> : null}
          {e.isOpen ? (
            <Card title={pick({ zh: '我要报名', en: 'Sign up' })}>
              <Form layout="vertical" onFinish={submit} requiredMark={false}>
                <Form.Item name="name" label={pick({ zh: '姓名', en: 'Name' })} rules={[{ required: true, max: 20 }]}>
                  <Input autoComplete="name" data-testid="portal-register-name" />
                </Form.Item>
                <Form.Item
                  name="phone"
                  label={pick({ zh: '手机号码', en: 'Mobile number' })}
                  rules={[
                    {
                      required: true,
                      pattern: /^(\+?86)?\s*1[3-9]\d([\s-]?\d){8}$/,
                      message: pick({ zh: '请输入11位手机号码', en: 'An 11-digit mobile number' }),
                    },
                  ]}
                >
                  <Input inputMode="tel" autoComplete="tel" data-testid="portal-register-phone" />
                </Form.Item>
                <Form.Item name="audience" label={pick({ zh: '我是（可选）', en: 'I am (optional)' })}>
                  <Select allowClear options={AUDIENCES.map((a) => ({ value: a, label: pick(AUDIENCE_LABELS[a]) }))} data-testid="portal-register-audience" />
                </Form.Item>
                <Typography.Paragraph type="secondary" style={{ fontSize: 14 }}>
                  {pick({
                    zh: '手机号仅用于活动签到和通知，不作其他用途。',
                    en: 'Your number is used only for check-in and notices about this event.',
                  })}
                </Typography.Paragraph>
                <BigButton type="primary" htmlType="submit" block loading={busy} data-testid="portal-register-submit">
                  {pick({ zh: '提交报名', en: 'Sign up' })}
                </BigButton>
              </Form>
            </Card>
          ) : (
            <Alert type="info" title={pick({ zh: '本场活动报名已截止或名额已满', en: 'Registration has closed or the event is full' })} />
          )}
        </>
      ) : null}
    </PortalLayout>
  );
};

/** The confirmation: QR code (the check-in URL) and the code in large type, to show at the door. */
export const PortalConfirmationPage = () => {
  const { code = '' } = useParams();
  const { pick } = useI18n();
  const res = useRequest(() => publicCampaigns.confirmation(code), [code]);
  const c = res.data;
  return (
    <PortalLayout testId="portal-confirmation">
      {res.loading ? <Spin /> : null}
      {res.error ? <ErrorAlert error={res.error} /> : null}
      {c ? (
        <Card style={{ textAlign: 'center' }}>
          <Typography.Title level={3} data-testid="portal-confirmation-title">
            {c.status === 'checked_in' ? pick({ zh: '已签到', en: 'Checked in' }) : pick({ zh: '报名成功', en: 'You are registered' })}
          </Typography.Title>
          <Typography.Paragraph>
            {c.event.title}
            <br />
            {shortTime(c.event.startsAt)} · {c.event.venueName}
          </Typography.Paragraph>
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(c.qrSvg)}`}
            alt={pick({ zh: '签到二维码', en: 'Check-in QR code' })}
            data-testid="portal-confirmation-qr"
            data-url={c.checkInUrl}
            style={{ width: 240, height: 240, maxWidth: '80vw' }}
          />
          <Typography.Paragraph>
            {pick({ zh: '入场时出示二维码，或报出签到码：', en: 'Show the QR code at the door, or give this code:' })}
          </Typography.Paragraph>
          <Typography.Title
            level={3}
            copyable={{ text: c.code }}
            style={{ letterSpacing: 2, fontFamily: 'monospace', wordBreak: 'break-all' }}
            data-testid="portal-confirmation-code"
          >
            {c.code}
          </Typography.Title>
          <Typography.Text type="secondary">
            {c.nameMasked} · {c.phoneMasked}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 14 }}>
            {pick({ zh: '请截图保存本页，或收藏本页地址。', en: 'Take a screenshot or bookmark this page.' })}
          </Typography.Paragraph>
        </Card>
      ) : null}
    </PortalLayout>
  );
};
