import { ConfigProvider, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { LanguageSwitch } from '../../../web/shell/language-switch.tsx';
import { Logo } from '../../../web/shell/layout.tsx';
import { useText } from './messages.ts';

/** The public pages' frame: no staff menu, one narrow column, large text and touch-sized controls for phones. */
export const PortalFrame = ({ children, testId }: { children: ReactNode; testId: string }) => {
  const { t: st } = useI18n();
  const t = useText();
  return (
    <ConfigProvider theme={{ token: { fontSize: 17, controlHeight: 44 } }}>
      <Flex vertical style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #eaf1fb 0%, #f7f9fc 55%, #ffffff 100%)' }} data-testid={testId}>
        <Flex align="center" gap={10} style={{ padding: '12px 16px', background: '#fff', borderBottom: '1px solid #e8edf3' }}>
          <Logo size={32} />
          <Typography.Text strong style={{ fontSize: 18, flex: 1 }}>
            {st('app.name')}
          </Typography.Text>
          <LanguageSwitch />
        </Flex>
        <Flex vertical style={{ width: '100%', maxWidth: 600, margin: '0 auto', padding: '20px 16px 48px', boxSizing: 'border-box' }}>
          <Flex gap={16} style={{ marginBottom: 16, fontSize: 16 }}>
            <Link to="/portal/complaint" data-testid="portal-nav-file">
              {t('portal.toFile')}
            </Link>
            <Link to="/portal/track" data-testid="portal-nav-track">
              {t('portal.toTrack')}
            </Link>
          </Flex>
          {children}
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, textAlign: 'center', fontSize: 14 }}>
            {t('portal.hotline')} · <Link to="/login">{t('portal.staff')}</Link>
          </Typography.Paragraph>
        </Flex>
      </Flex>
    </ConfigProvider>
  );
};
