import { Alert, Card, Flex, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { BigButton, PortalLayout } from '../../../web/portal/portal-layout.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { outreachApi } from './api.ts';

/** 风险提示 on the public portal: every published alert, newest first. */
export const PortalAlertsPage = () => {
  const { pick } = useI18n();
  const list = useRequest(() => outreachApi.publicAlerts(), []);
  return (
    <PortalLayout testId="portal-alerts-page">
      <Typography.Title level={2}>{pick({ zh: '风险提示', en: 'Risk alerts' })}</Typography.Title>
      <ErrorAlert error={list.error} />
      {list.loading ? <Spin /> : null}
      <Flex vertical gap={12}>
        {(list.data?.items ?? []).map((a) => (
          <Card key={a.id} size="small">
            <Link to={`/portal/risk-alerts/${a.id}`} data-testid="portal-alert-link">
              <Typography.Text strong>{a.title}</Typography.Text>
            </Link>
            <div>
              <Tag color="red">{a.fraudType}</Tag>
              {a.publishedAt ? new Date(a.publishedAt).toLocaleDateString('zh-CN') : ''}
            </div>
          </Card>
        ))}
      </Flex>
    </PortalLayout>
  );
};

export const PortalAlertPage = () => {
  const { pick } = useI18n();
  const { id = '' } = useParams();
  const a = useRequest(() => outreachApi.publicAlert(id), [id]);
  return (
    <PortalLayout testId="portal-alert-page">
      <ErrorAlert error={a.error} />
      {a.data ? (
        <article>
          <Typography.Title level={2}>{a.data.title}</Typography.Title>
          <Tag color="red">{a.data.fraudType}</Tag>
          <Typography.Title level={4}>{pick({ zh: '骗局是怎样的', en: 'What happens' })}</Typography.Title>
          <Typography.Paragraph>{a.data.whatHappens}</Typography.Paragraph>
          <Typography.Title level={4}>{pick({ zh: '如何防范', en: 'How to protect yourself' })}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{a.data.howToProtect}</Typography.Paragraph>
          <Alert type="error" showIcon message={pick({ zh: '在哪里举报', en: 'Where to report' })} description={a.data.whereToReport} />
        </article>
      ) : null}
    </PortalLayout>
  );
};

/** The page behind the signed unsubscribe link in every e-mail and SMS. */
export const PortalUnsubscribePage = () => {
  const { pick } = useI18n();
  const [params] = useSearchParams();
  const [state, setState] = useState<'idle' | 'done' | 'busy'>('idle');
  const [error, setError] = useState<unknown>(null);
  const token = params.get('t') ?? '';
  useEffect(() => setError(null), []);
  const go = async () => {
    setState('busy');
    try {
      await outreachApi.unsubscribe(token);
      setState('done');
    } catch (e) {
      setError(e);
      setState('idle');
    }
  };
  return (
    <PortalLayout testId="portal-unsubscribe-page">
      <Typography.Title level={2}>{pick({ zh: '退订消息', en: 'Unsubscribe' })}</Typography.Title>
      <ErrorAlert error={error} />
      {state === 'done' ? (
        <Alert
          type="success"
          data-testid="unsubscribe-done"
          message={pick({ zh: '已退订，此渠道将不再向您发送宣传与提示信息。', en: 'Done: you will get no more messages on this channel.' })}
        />
      ) : (
        <BigButton type="primary" onClick={go} loading={state === 'busy'} disabled={!token} data-testid="unsubscribe-confirm">
          {pick({ zh: '确认退订', en: 'Confirm' })}
        </BigButton>
      )}
    </PortalLayout>
  );
};
