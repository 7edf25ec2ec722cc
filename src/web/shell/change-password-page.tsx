import { LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { AuthFrame } from './auth-frame.tsx';
import { useSession, useUser } from './session.tsx';

type Values = { currentPassword: string; newPassword: string; confirm: string };

const MIN_LENGTH = 10;
const characterClasses = (pw: string) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;

/**
 * Both the forced change after a generated password (nothing else is reachable, except signing
 * out) and the voluntary one from the user menu.
 */
export const ChangePasswordPage = () => {
  const user = useUser();
  const { changePassword, logout } = useSession();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const forced = user.mustChangePassword;

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword({ currentPassword, newPassword });
      message.success(t('cp.success'));
      navigate('/', { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const extra = forced ? (
    <Button icon={<LogoutOutlined />} onClick={() => void logout().catch(() => undefined)} data-testid="cp-logout">
      {t('header.logout')}
    </Button>
  ) : (
    <Button onClick={() => navigate(-1)} data-testid="cp-back">
      {t('cp.back')}
    </Button>
  );

  return (
    <AuthFrame title={t('cp.title')} subtitle={`${user.displayName} · ${user.username}`} extra={extra}>
      <div data-testid="change-password-page">
        {forced ? <Alert type="warning" showIcon title={t('cp.forcedNotice')} style={{ marginBottom: 16 }} data-testid="cp-forced" /> : null}
        <ErrorAlert error={error} testId="cp-error" />
        <Form<Values> layout="vertical" size="large" requiredMark={false} onFinish={(v) => void submit(v)} disabled={busy} data-testid="change-password-form">
          <Form.Item name="currentPassword" label={t('cp.current')} rules={[{ required: true, message: t('cp.required') }]}>
            <Input.Password autoComplete="current-password" maxLength={256} data-testid="cp-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('cp.new')}
            extra={t('cp.rules')}
            rules={[
              { required: true, message: t('cp.required') },
              { min: MIN_LENGTH, message: t('cp.tooShort') },
              // Mirrors the server's policy so most mistakes are caught before submitting.
              { validator: (_, v: string | undefined) => (!v || characterClasses(v) >= 3 ? Promise.resolve() : Promise.reject(new Error(t('cp.classes')))) },
              {
                validator: (_, v: string | undefined) =>
                  v?.toLowerCase().includes(user.username.toLowerCase()) ? Promise.reject(new Error(t('cp.containsUsername'))) : Promise.resolve(),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={256} data-testid="cp-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('cp.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('cp.required') },
              ({ getFieldValue }) => ({
                validator: (_, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('cp.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={256} data-testid="cp-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="cp-submit">
            {t('cp.submit')}
          </Button>
        </Form>
      </div>
    </AuthFrame>
  );
};
