import { Flex, Layout, Menu, Spin, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { hrefOf } from './nav.ts';
import { OrgSwitcher } from './org-switcher.tsx';
import { pages } from './pages.ts';
import { useUser } from './session.tsx';
import { UserMenu } from './user-menu.tsx';

const HOME_KEY = 'home';
const keyOf = (path: string) => path || HOME_KEY;

// The longest matching menu path wins, so /complaints/new selects its own entry, not /complaints.
const selectedKey = (pathname: string, paths: string[]): string => {
  const matches = paths.filter((p) => p && (pathname === `/${p}` || pathname.startsWith(`/${p}/`)));
  const match = matches.sort((a, b) => b.length - a.length)[0];
  return match ?? (pathname === '/' ? HOME_KEY : '');
};

export const Logo = ({ size = 32 }: { size?: number }) => (
  <span
    aria-hidden
    style={{
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: size,
      height: size,
      borderRadius: size / 4,
      background: '#1f5fbf',
      color: '#fff',
      fontWeight: 700,
      fontSize: size * 0.55,
      flex: 'none',
    }}
  >
    保
  </span>
);

export const ShellLayout = () => {
  const user = useUser();
  const { t } = useI18n();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);

  const visible = pages.filter((p) => p.inMenu !== false && (p.permission === undefined || user.permissions.includes(p.permission)));
  const items = visible.map((p) => ({
    key: keyOf(p.path),
    icon: <p.icon />,
    label: (
      <Link to={hrefOf(p)} data-testid={p.testId}>
        {t(p.labelKey)}
      </Link>
    ),
  }));

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="shell">
      <Layout.Sider
        breakpoint="lg"
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={216}
        theme="light"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Flex align="center" gap={10} style={{ height: 64, padding: collapsed ? '0 24px' : '0 20px', overflow: 'hidden' }}>
          <Logo />
          {collapsed ? null : (
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('app.shortName')}
            </Typography.Text>
          )}
        </Flex>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={[
            selectedKey(
              pathname,
              visible.map((p) => p.path),
            ),
          ]}
          data-testid="main-menu"
          style={{ borderInlineEnd: 0 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 16,
          }}
        >
          <Typography.Title
            level={4}
            style={{ margin: 0, flex: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}
            data-testid="product-name"
          >
            {t('app.name')}
          </Typography.Title>
          <OrgSwitcher />
          <LanguageSwitch />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense
            fallback={
              <Flex justify="center" style={{ paddingTop: 96 }}>
                <Spin size="large" />
              </Flex>
            }
          >
            {/* Keyed by organisation so every page reloads its data after an org switch. */}
            <Outlet key={user.activeOrg.orgId} />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
