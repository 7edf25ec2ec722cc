import { App } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { TMe, TSessionResponse } from '../../modules/identity/contract.ts';
import { authApi, type ChangePasswordRequest, type LoginRequest } from '../../modules/identity/web/api.ts';
import { isApiError, onApiEvent } from '../api-client.ts';
import { storedLocale, useI18n } from '../i18n.ts';

export type SessionState =
  | { status: 'loading' }
  /** `signed-out` means the user chose to leave, so the next sign-in starts from the home page. */
  | { status: 'anonymous'; reason: 'none' | 'expired' | 'signed-out' }
  | { status: 'error'; error: unknown }
  | { status: 'signed-in'; user: TMe };

export type Session = {
  state: SessionState;
  user: TMe | null;
  can: (permission: string) => boolean;
  reload: () => Promise<void>;
  login: (body: LoginRequest) => Promise<TMe>;
  logout: () => Promise<void>;
  changePassword: (body: ChangePasswordRequest) => Promise<void>;
  switchOrg: (orgId: string) => Promise<TMe>;
  /** Re-reads the session after something changed the account (e.g. two-step verification). */
  refresh: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const { locale, setLocale, t } = useI18n();
  const { message } = App.useApp();
  const signedIn = useRef(false);
  signedIn.current = state.status === 'signed-in';

  // A language picked on this device wins and is saved to the account; otherwise the account's choice applies.
  const adopt = useCallback(
    ({ user }: TSessionResponse): TMe => {
      const local = storedLocale();
      if (local && local !== user.locale) authApi.saveLocale(local).catch(() => undefined);
      else if (!local && user.locale !== locale) setLocale(user.locale);
      setState({ status: 'signed-in', user });
      return user;
    },
    [locale, setLocale],
  );

  const reload = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      adopt(await authApi.session());
    } catch (error) {
      setState(isApiError(error) && error.code === 'AUTH_REQUIRED' ? { status: 'anonymous', reason: 'none' } : { status: 'error', error });
    }
  }, [adopt]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: load the session once, on start-up.
  useEffect(() => {
    void reload();
  }, []);

  useEffect(
    () =>
      onApiEvent((event) => {
        if (event.type === 'auth-required') {
          // Several requests in flight fail together; tell the user once.
          if (signedIn.current) message.warning({ key: 'session-expired', content: t('session.expired') });
          signedIn.current = false;
          setState({ status: 'anonymous', reason: 'expired' });
        } else {
          setState((prev) => (prev.status === 'signed-in' ? { status: 'signed-in', user: { ...prev.user, mustChangePassword: true } } : prev));
        }
      }),
    [message, t],
  );

  const value = useMemo<Session>(() => {
    const user = state.status === 'signed-in' ? state.user : null;
    return {
      state,
      user,
      can: (permission) => user?.permissions.includes(permission) ?? false,
      reload,
      login: async (body) => adopt(await authApi.login(body)),
      logout: async () => {
        try {
          await authApi.logout();
        } finally {
          setState({ status: 'anonymous', reason: 'signed-out' });
        }
      },
      changePassword: async (body) => {
        adopt(await authApi.changePassword(body));
      },
      switchOrg: async (orgId) => adopt(await authApi.switchOrg(orgId)),
      refresh: async () => {
        adopt(await authApi.session());
      },
    };
  }, [state, reload, adopt]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): Session => {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
};

/** For pages rendered behind <RequireAuth>, where a signed-in user is guaranteed. */
export const useUser = (): TMe => {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a signed-in session');
  return user;
};
