import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { PortalLayout } from '../../../web/portal/portal-layout.tsx';

const TILES = [
  { to: '/portal/learn', zh: '金融知识', en: 'Learn', dzh: '防诈骗、八项权利、反洗钱', den: 'Fraud, rights, AML' },
  { to: '/portal/quiz', zh: '答题抽奖', en: 'Quiz & prizes', dzh: '答题得分，参加可验证抽奖', den: 'Score and enter a verifiable draw' },
  { to: '/portal/complaint', zh: '我要投诉', en: 'File a complaint', dzh: '在线提交，全程可查', den: 'File online and track it' },
  { to: '/portal/track', zh: '进度查询', en: 'Track', dzh: '凭编号查询处理进度', den: 'Check progress with your code' },
];

/** The public site's home: four big tiles (simple navigation, also in elderly mode). */
export const PortalHomePage = () => {
  const { pick } = useI18n();
  return (
    <PortalLayout testId="portal-home">
      <Typography.Title level={2}>{pick({ zh: '消费者权益保护服务', en: 'Consumer protection' })}</Typography.Title>
      <Row gutter={[12, 12]}>
        {TILES.map((t) => (
          <Col key={t.to} xs={24} sm={12}>
            <Link to={t.to} style={{ display: 'block' }}>
              <Card hoverable style={{ minHeight: 96 }}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {pick({ zh: t.zh, en: t.en })}
                </Typography.Title>
                <Typography.Text>{pick({ zh: t.dzh, en: t.den })}</Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </PortalLayout>
  );
};
