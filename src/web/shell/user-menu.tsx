import { ApiOutlined, DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n.ts';
import { useSession, useUser } from './session.tsx';

export const UserMenu = () => {
  const user = useUser();
  const { logout } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const isSystemAdmin = user.activeOrg.roles.includes('system_admin');

  const items: MenuProps['items'] = [
    { key: 'security', icon: <SafetyOutlined />, label: <span data-testid="menu-security">{t('header.security')}</span> },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('header.changePassword')}</span> },
    ...(isSystemAdmin
      ? [
          {
            key: 'api-docs',
            icon: <ApiOutlined />,
            label: (
              <a href="/api/docs" target="_blank" rel="noreferrer" data-testid="menu-api-docs">
                {t('header.apiDocs')}
              </a>
            ),
          },
        ]
      : []),
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="menu-logout">{t('header.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'security') navigate('/account/security');
    if (key === 'password') navigate('/change-password');
    // Signing out returns to the login page through <RequireAuth>.
    if (key === 'logout') await logout().catch(() => undefined);
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1f5fbf' }} />
        <span>{user.displayName}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
};
