import { Button, ConfigProvider, Flex, Switch, Typography } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import { Link, NavLink } from 'react-router';
import { useI18n } from '../i18n.ts';
import { LanguageSwitch } from '../shell/language-switch.tsx';
import { Logo } from '../shell/layout.tsx';
import { useElderlyMode } from './elderly-mode.ts';

/** The public site's navigation; every portal page (education, complaints, …) shares this frame. */
export const PORTAL_NAV: { to: string; zh: string; en: string; testId: string }[] = [
  { to: '/portal', zh: '首页', en: 'Home', testId: 'portal-nav-home' },
  { to: '/portal/learn', zh: '金融知识', en: 'Learn', testId: 'portal-nav-learn' },
  { to: '/portal/courses', zh: '课程', en: 'Courses', testId: 'portal-nav-courses' },
  { to: '/portal/quiz', zh: '答题抽奖', en: 'Quiz', testId: 'portal-nav-quiz' },
  { to: '/portal/events', zh: '活动', en: 'Events', testId: 'portal-nav-events' },
  { to: '/portal/risk-alerts', zh: '风险提示', en: 'Risk alerts', testId: 'portal-nav-risk-alerts' },
  { to: '/portal/complaint', zh: '我要投诉', en: 'Complain', testId: 'portal-nav-complaint' },
  { to: '/portal/track', zh: '进度查询', en: 'Track', testId: 'portal-nav-track-case' },
];

const ElderlyContext = createContext(false);
/** True inside the portal when the device chose elderly mode (pages may simplify further). */
export const useIsElderly = () => useContext(ElderlyContext);

/**
 * Mobile-first frame: one narrow column. Elderly mode raises the base size to 20 px, switches to a
 * high-contrast palette (dark text on white, dark-blue actions, underlined links) and 56 px targets.
 */
export const PortalLayout = ({ children, testId }: { children: ReactNode; testId: string }) => {
  const { pick } = useI18n();
  const [elderly, setElderly] = useElderlyMode();
  const token = elderly
    ? { fontSize: 20, controlHeight: 56, colorPrimary: '#0b3d91', colorText: '#000000', colorTextSecondary: '#1a1a1a', colorLink: '#0b3d91', borderRadius: 8 }
    : { fontSize: 17, controlHeight: 44 };
  return (
    <ElderlyContext.Provider value={elderly}>
      <ConfigProvider theme={{ token }}>
        <Flex
          vertical
          className={elderly ? 'xb-portal xb-elderly' : 'xb-portal'}
          style={{
            minHeight: '100vh',
            background: elderly ? '#ffffff' : 'linear-gradient(160deg, #eaf1fb 0%, #f7f9fc 55%, #ffffff 100%)',
            fontSize: token.fontSize,
          }}
          data-testid={testId}
          data-elderly={elderly ? 'on' : 'off'}
        >
          <style>{`.xb-elderly a { text-decoration: underline; color: #0b3d91; } .xb-elderly .ant-typography { color: #000; } .xb-portal nav a.active { font-weight: 700; }`}</style>
          <header>
            <Flex
              align="center"
              gap={10}
              wrap
              style={{ padding: '12px 16px', background: '#fff', borderBottom: `${elderly ? 2 : 1}px solid ${elderly ? '#000' : '#e8edf3'}` }}
            >
              <Logo size={32} />
              <Typography.Text strong style={{ fontSize: elderly ? 22 : 18, flex: 1 }}>
                {pick({ zh: '星河银行 · 消保服务', en: 'Xinghe Bank · Consumer care' })}
              </Typography.Text>
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                <Switch checked={elderly} onChange={setElderly} data-testid="portal-elderly-toggle" aria-label={pick({ zh: '长辈模式', en: 'Elderly mode' })} />
                <span aria-hidden>{pick({ zh: '长辈模式', en: 'Large text' })}</span>
              </span>
              <LanguageSwitch />
            </Flex>
          </header>
          <nav aria-label={pick({ zh: '主导航', en: 'Main' })}>
            <Flex gap={elderly ? 8 : 16} wrap style={{ padding: '8px 16px', maxWidth: 720, margin: '0 auto', width: '100%', boxSizing: 'border-box' }}>
              {PORTAL_NAV.map((n) => (
                <NavLink
                  key={n.to}
                  to={n.to}
                  end={n.to === '/portal'}
                  data-testid={n.testId}
                  style={{ padding: elderly ? '12px 8px' : '6px 0', minHeight: elderly ? 48 : undefined }}
                >
                  {pick(n)}
                </NavLink>
              ))}
            </Flex>
          </nav>
          <main style={{ width: '100%', maxWidth: 720, margin: '0 auto', padding: '12px 16px 48px', boxSizing: 'border-box' }}>{children}</main>
          <footer>
            <Typography.Paragraph style={{ textAlign: 'center', fontSize: elderly ? 18 : 14 }}>
              {pick({ zh: '反诈专线 96110 · 金融监管投诉热线 12378', en: 'Anti-fraud 96110 · Regulator hotline 12378' })} ·{' '}
              <Link to="/login">{pick({ zh: '员工登录', en: 'Staff sign-in' })}</Link>
            </Typography.Paragraph>
          </footer>
        </Flex>
      </ConfigProvider>
    </ElderlyContext.Provider>
  );
};

export const BigButton = (props: Parameters<typeof Button>[0]) => {
  const elderly = useIsElderly();
  return <Button size="large" {...props} style={{ minHeight: elderly ? 56 : 44, minWidth: 44, ...props.style }} />;
};
