import { Alert, Button, Card, Descriptions, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { isValidIdNumber } from '../contract.ts';
import { publicApi } from './api.ts';
import { showFieldErrors } from './form-errors.ts';
import { useText } from './messages.ts';
import { PortalFrame } from './portal-frame.tsx';
import { solvePow } from './pow.ts';

type Values = { complainantName: string; phone: string; idNumber?: string; facts: string; request: string; outletCode?: string };
const opt = (v?: string) => (v?.trim() ? v.trim() : undefined);

/** 我要投诉 (no login): the browser solves the server's proof-of-work, then files; shows the code and the deadline. */
export const PortalFilePage = () => {
  const t = useText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [tries, setTries] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<{ trackingCode: string; deadline: string } | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const challenge = await publicApi.pow();
      let pow: { challenge: string; nonce: string } | undefined;
      if (challenge.required) {
        setTries(0);
        pow = { challenge: challenge.challenge, nonce: await solvePow(challenge.challenge, challenge.bits, setTries) };
      }
      setTries(null);
      const body = {
        complainantName: v.complainantName.trim(),
        phone: v.phone.trim(),
        idNumber: opt(v.idNumber),
        facts: v.facts.trim(),
        request: v.request.trim(),
        outletCode: opt(v.outletCode),
        pow,
      };
      setDone(await publicApi.file(body));
    } catch (err) {
      setError(err);
      showFieldErrors(form, err, { idNumber: t('reg.idRule'), phone: t('reg.phoneRule') });
    } finally {
      setTries(null);
      setBusy(false);
    }
  };

  if (done) {
    return (
      <PortalFrame testId="portal-file">
        <Card>
          <Result status="success" title={t('portal.done')} subTitle={t('portal.keep')} style={{ padding: '8px 0' }} />
          <Descriptions column={1} styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('portal.code')}>
              <Typography.Text copyable strong style={{ fontSize: 20 }} data-testid="portal-code">
                {done.trackingCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('portal.deadline')}>
              <span data-testid="portal-deadline">{done.deadline}</span>
            </Descriptions.Item>
          </Descriptions>
          <Link to={`/portal/track?code=${encodeURIComponent(done.trackingCode)}`}>
            <Button type="primary" block size="large" style={{ marginTop: 16 }} data-testid="portal-go-track">
              {t('portal.toTrack')}
            </Button>
          </Link>
        </Card>
      </PortalFrame>
    );
  }

  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <PortalFrame testId="portal-file">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('portal.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('portal.intro')}</Typography.Paragraph>
        <ErrorAlert error={error} testId="portal-error" />
        <Form<Values> form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} disabled={busy}>
          <Form.Item name="complainantName" label={t('portal.name')} rules={[required, { max: 50 }]}>
            <Input maxLength={50} autoComplete="name" data-testid="portal-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('portal.phone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('reg.phoneRule') }]}>
            <Input inputMode="tel" maxLength={11} autoComplete="tel" data-testid="portal-phone" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('portal.idNumber')}
            rules={[
              {
                validator: async (_, v?: string) =>
                  !v?.trim() || isValidIdNumber(v.trim().toUpperCase()) ? undefined : Promise.reject(new Error(t('reg.idRule'))),
              },
            ]}
          >
            <Input maxLength={18} data-testid="portal-id" />
          </Form.Item>
          <Form.Item name="facts" label={t('portal.facts')} rules={[required, { max: 5000 }]}>
            <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t('portal.factsHint')} data-testid="portal-facts" />
          </Form.Item>
          <Form.Item name="request" label={t('portal.request')} rules={[required, { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="portal-request" />
          </Form.Item>
          <Form.Item name="outletCode" label={t('portal.outlet')} rules={[{ max: 32 }]}>
            <Input maxLength={32} data-testid="portal-outlet" />
          </Form.Item>
          {tries !== null ? <Alert type="info" showIcon title={t('portal.pow', { tries })} style={{ marginBottom: 16 }} data-testid="portal-pow" /> : null}
          <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="portal-submit">
            {t('portal.submit')}
          </Button>
        </Form>
      </Card>
    </PortalFrame>
  );
};
