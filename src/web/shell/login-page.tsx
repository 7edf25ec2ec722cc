import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api-client.ts';
import { useI18n } from '../i18n.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { FullPageSpin, type LoginState } from './guards.tsx';
import { useSession } from './session.tsx';

type Values = { username: string; password: string; totp?: string };

const safeReturnPath = (state: unknown): string => {
  const from = (state as LoginState | null)?.from;
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
};

export const LoginPage = () => {
  const session = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (session.state.status === 'loading') return <FullPageSpin />;
  if (session.state.status === 'signed-in') return <Navigate to={safeReturnPath(location.state)} replace />;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await session.login({ username: values.username, password: values.password, totp: needTotp ? values.totp : undefined });
      navigate(safeReturnPath(location.state), { replace: true });
    } catch (err) {
      if (isApiError(err) && err.code === 'AUTH_TOTP_REQUIRED') setNeedTotp(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('login.title')} subtitle={t('login.subtitle')} footer={t('login.footer')}>
      <ErrorAlert error={error} testId="login-error" />
      {needTotp && !error ? <Alert type="info" showIcon title={t('login.totpHint')} style={{ marginBottom: 16 }} data-testid="login-totp-hint" /> : null}
      <Form<Values> layout="vertical" size="large" requiredMark={false} onFinish={(v) => void submit(v)} data-testid="login-form" disabled={busy}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} data-testid="login-password" />
        </Form.Item>
        {needTotp ? (
          <Form.Item name="totp" label={t('login.totp')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpRequired') }]}>
            <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus data-testid="login-totp" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <Link to="/portal/complaint" data-testid="login-portal">
          {t('login.portal')}
        </Link>
      </div>
    </AuthFrame>
  );
};
