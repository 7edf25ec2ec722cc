import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { Logo } from './layout.tsx';

type Props = { title: string; subtitle?: string; footer?: ReactNode; extra?: ReactNode; children: ReactNode };

/** The full-screen frame of the pages shown outside the shell: sign-in and the forced password change. */
export const AuthFrame = ({ title, subtitle, footer, extra, children }: Props) => {
  const { t } = useI18n();
  return (
    <Flex vertical style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #eaf1fb 0%, #f7f9fc 55%, #ffffff 100%)' }}>
      <Flex justify="flex-end" align="center" gap={12} style={{ padding: '16px 24px' }}>
        {extra}
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: '0 16px 64px' }}>
        <div style={{ width: '100%', maxWidth: 440 }}>
          <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
            <Logo size={48} />
            <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }} data-testid="product-name">
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </Flex>
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {title}
            </Typography.Title>
            {subtitle ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
                {subtitle}
              </Typography.Paragraph>
            ) : null}
            {children}
          </Card>
          {footer ? (
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 13 }}>
              {footer}
            </Typography.Paragraph>
          ) : null}
        </div>
      </Flex>
    </Flex>
  );
};
