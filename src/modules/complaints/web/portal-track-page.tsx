import { Alert, Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../web/api-client.ts';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { formatDateTime } from '../../../web/ui/format.ts';
import { publicApi, type TrackResult } from './api.ts';
import { labelOf, METHOD_LABELS, NOTICE_KIND_LABELS } from './labels.ts';
import { useText } from './messages.ts';
import { PortalFrame } from './portal-frame.tsx';

type Values = { code: string; last4: string };

/** 进度查询: tracking code + the phone's last four digits; a wrong pair gets one neutral message. */
export const PortalTrackPage = () => {
  const { pick, locale } = useI18n();
  const t = useText();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TrackResult | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    setNotFound(false);
    setResult(null);
    try {
      setResult(await publicApi.track(v.code.trim().toUpperCase(), v.last4));
    } catch (err) {
      // 404 and a malformed code alike: never hint which half was wrong.
      if (isApiError(err) && (err.status === 404 || err.status === 400)) setNotFound(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PortalFrame testId="portal-track">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('portal.trackTitle')}
        </Typography.Title>
        <Form<Values> layout="vertical" size="large" initialValues={{ code: params.get('code') ?? '' }} onFinish={(v) => void submit(v)} disabled={busy}>
          <Form.Item name="code" label={t('portal.code')} rules={[{ required: true, whitespace: true, max: 40, message: t('common.required') }]}>
            <Input maxLength={40} data-testid="track-code" />
          </Form.Item>
          <Form.Item name="last4" label={t('portal.last4')} rules={[{ required: true, pattern: /^\d{4}$/, message: t('portal.last4Rule') }]}>
            <Input inputMode="numeric" maxLength={4} data-testid="track-last4" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="track-submit">
            {t('portal.query')}
          </Button>
        </Form>
      </Card>
      <div style={{ marginTop: 16 }}>
        <ErrorAlert error={error} />
        {notFound ? <Alert type="warning" showIcon title={t('portal.notFound')} data-testid="track-not-found" /> : null}
        {result ? (
          <Card data-testid="track-result">
            <Descriptions column={1} styles={{ label: { whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label={t('portal.code')}>{result.trackingCode}</Descriptions.Item>
              <Descriptions.Item label={t('portal.status')}>
                <Tag color="blue" style={{ fontSize: 16, padding: '2px 10px' }} data-testid="track-status">
                  {pick(result.statusLabel)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('portal.received')}>{formatDateTime(result.receivedAt, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('portal.deadline')}>
                <span data-testid="track-deadline">{result.deadline}</span>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('portal.notices')}
            </Typography.Title>
            {result.notices.length ? (
              <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid="track-notices">
                {result.notices.map((n) => (
                  <li key={n.sentAt + n.kind}>
                    {labelOf(NOTICE_KIND_LABELS, n.kind, pick)} · {labelOf(METHOD_LABELS, n.method, pick)} · {formatDateTime(n.sentAt, locale)}
                  </li>
                ))}
              </ul>
            ) : (
              <Typography.Text type="secondary">{t('portal.noNotices')}</Typography.Text>
            )}
          </Card>
        ) : null}
      </div>
    </PortalFrame>
  );
};
