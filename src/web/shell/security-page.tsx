import { App, Button, Card, Descriptions, Flex, Input, QRCode, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { authApi, type TotpSetup } from '../../modules/identity/web/api.ts';
import { useI18n } from '../i18n.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { useSession, useUser } from './session.tsx';

const TotpSection = () => {
  const user = useUser();
  const { refresh } = useSession();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const start = () => run(async () => setSetup(await authApi.setUpTotp()));
  const confirm = () =>
    run(async () => {
      await authApi.confirmTotp(code);
      setSetup(null);
      setCode('');
      message.success(t('security.enabled'));
      await refresh();
    });

  return (
    <Card
      title={t('security.totp')}
      extra={
        <Tag color={user.totpEnabled ? 'green' : 'default'} data-testid="totp-status">
          {t(user.totpEnabled ? 'security.totpOn' : 'security.totpOff')}
        </Tag>
      }
    >
      <Typography.Paragraph>{t('security.totpIntro')}</Typography.Paragraph>
      <ErrorAlert error={error} testId="totp-error" />
      {!user.totpEnabled && !setup ? (
        <Button type="primary" loading={busy} onClick={() => void start()} data-testid="totp-setup">
          {t('security.setup')}
        </Button>
      ) : null}
      {setup ? (
        <Flex gap={24} wrap align="flex-start">
          <QRCode value={setup.otpauthUrl} size={176} />
          <Space orientation="vertical" size={12} style={{ flex: 1, minWidth: 260 }}>
            <Typography.Text>{t('security.scan')}</Typography.Text>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('security.secret')}>
                <Typography.Text code copyable data-testid="totp-secret">
                  {setup.secret}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('security.url')}>
                <Typography.Text copyable style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid="totp-url">
                  {setup.otpauthUrl}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text>{t('security.code')}</Typography.Text>
            <Space.Compact>
              <Input
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
                inputMode="numeric"
                autoComplete="one-time-code"
                style={{ width: 140 }}
                data-testid="totp-code"
              />
              <Button type="primary" disabled={code.length !== 6} loading={busy} onClick={() => void confirm()} data-testid="totp-confirm">
                {t('security.confirm')}
              </Button>
            </Space.Compact>
          </Space>
        </Flex>
      ) : null}
    </Card>
  );
};

export const SecurityPage = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 880 }} data-testid="security-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('security.title')}
      </Typography.Title>
      <TotpSection />
      <Card title={t('security.password')}>
        <Typography.Paragraph>{t('security.passwordIntro')}</Typography.Paragraph>
        <Button onClick={() => navigate('/change-password')}>{t('header.changePassword')}</Button>
      </Card>
    </Space>
  );
};
