import { Button, Card, Col, Descriptions, Divider, Row, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ORG_TYPE_LABELS, ROLE_LABELS } from '../../modules/identity/contract.ts';
import { useI18n } from '../i18n.ts';
import { HomeChart } from './home-chart.tsx';
import { hrefOf } from './nav.ts';
import { pages } from './pages.ts';
import { useUser } from './session.tsx';

export const HomePage = () => {
  const user = useUser();
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { activeOrg } = user;
  const shortcuts = pages.filter((p) => p.path && (p.permission === undefined || user.permissions.includes(p.permission)));

  return (
    <Row gutter={[16, 16]} data-testid="home-page">
      <Col xs={24} xl={10}>
        <Card style={{ height: '100%' }} data-testid="welcome-card">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('home.welcome', { name: user.displayName })}
          </Typography.Title>
          <Descriptions column={1} size="middle" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('home.account')}>{user.username}</Descriptions.Item>
            <Descriptions.Item label={t('home.activeOrg')}>
              <Space size={8} wrap>
                <span data-testid="welcome-org">{activeOrg.orgName}</span>
                <Tag>{pick(ORG_TYPE_LABELS[activeOrg.orgType])}</Tag>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('home.roles')}>
              <Space size={[4, 8]} wrap data-testid="welcome-roles">
                {activeOrg.roles.map((role) => (
                  <Tag key={role} color="blue">
                    {pick(ROLE_LABELS[role])}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          {shortcuts.length ? (
            <>
              <Divider titlePlacement="start" plain>
                {t('home.permissions')}
              </Divider>
              <Space size={[8, 8]} wrap>
                {shortcuts.map((p) => (
                  <Button key={p.path} icon={<p.icon />} onClick={() => navigate(hrefOf(p))}>
                    {t(p.labelKey)}
                  </Button>
                ))}
              </Space>
            </>
          ) : null}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card style={{ height: '100%' }}>
          <HomeChart />
        </Card>
      </Col>
    </Row>
  );
};
