import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { campaignPortalRoutes } from '../modules/campaigns/web/index.ts';
import { complaintPortalRoutes } from '../modules/complaints/web/index.ts';
import { educationPortalRoutes } from '../modules/education/web/index.ts';
import { outreachPortalRoutes } from '../modules/outreach/web/index.ts';
import { I18nProvider, useI18n } from './i18n.ts';
import { ChangePasswordPage } from './shell/change-password-page.tsx';
import { FullPageSpin, RequireAuth, RequirePermission } from './shell/guards.tsx';
import { ShellLayout } from './shell/layout.tsx';
import { LoginPage } from './shell/login-page.tsx';
import { pages } from './shell/pages.ts';
import { SecurityPage } from './shell/security-page.tsx';
import { SessionProvider } from './shell/session.tsx';
import { NotFoundPage } from './shell/status-pages.tsx';
import { antdLocales } from './ui/antd-locale.ts';

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    fontSize: 15,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: { Layout: { headerHeight: 64, bodyBg: '#f5f7fa' } },
};

const AppRoutes = () => (
  <Routes>
    <Route path="/login" element={<LoginPage />} />
    {/* Public pages (no sign-in), outside the staff layout. */}
    {[...complaintPortalRoutes, ...educationPortalRoutes, ...campaignPortalRoutes, ...outreachPortalRoutes].map((r) => (
      <Route
        key={r.path}
        path={r.path}
        element={
          <Suspense fallback={<FullPageSpin />}>
            <r.component />
          </Suspense>
        }
      />
    ))}
    <Route
      path="/change-password"
      element={
        <RequireAuth allowPasswordChange>
          <ChangePasswordPage />
        </RequireAuth>
      }
    />
    <Route
      element={
        <RequireAuth>
          <ShellLayout />
        </RequireAuth>
      }
    >
      {pages.map((page) => {
        const element = (
          <RequirePermission key={page.path} permission={page.permission}>
            <page.component />
          </RequirePermission>
        );
        return page.path === '' ? <Route key="home" index element={element} /> : <Route key={page.path} path={page.path} element={element} />;
      })}
      <Route path="account/security" element={<SecurityPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Route>
  </Routes>
);

const LocalizedApp = () => {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={antdLocales[locale]} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
};

export const App = () => (
  <I18nProvider>
    <LocalizedApp />
  </I18nProvider>
);
