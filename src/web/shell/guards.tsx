import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../i18n.ts';
import { errorText } from '../ui/errors.ts';
import { useSession } from './session.tsx';
import { ForbiddenPage } from './status-pages.tsx';

export const FullPageSpin = () => {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
};

/** Where the login page returns to after signing in. */
export type LoginState = { from?: string };

/**
 * Signed in, and not owing a password change. Anyone who must change a generated password
 * is held on that page: the server refuses everything else anyway.
 */
export const RequireAuth = ({ children, allowPasswordChange = false }: { children: ReactNode; allowPasswordChange?: boolean }) => {
  const session = useSession();
  const i18n = useI18n();
  const location = useLocation();
  const { state } = session;

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'error') {
    return (
      <Result
        status="warning"
        title={i18n.t('app.loadFailed')}
        subTitle={errorText(state.error, i18n)}
        extra={<Button onClick={() => void session.reload()}>{i18n.t('app.retry')}</Button>}
      />
    );
  }
  if (state.status === 'anonymous') {
    const from = state.reason === 'signed-out' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from } satisfies LoginState} />;
  }
  if (state.user.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return children;
};

export const RequirePermission = ({ permission, children }: { permission: string | undefined; children: ReactNode }) => {
  const { can } = useSession();
  return permission === undefined || can(permission) ? children : <ForbiddenPage />;
};
