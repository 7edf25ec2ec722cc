import { Alert, Button, Card, Descriptions, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import type { TRedemption } from '../contract.ts';
import { staffEdu } from './api.ts';

/** 网点兑奖: look up a winner's code, hand out the prize once; the outlet's own redemptions below. */
export const RedeemPage = () => {
  const { pick } = useI18n();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<TRedemption | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const list = useRequest(() => staffEdu.redemptions(), []);
  const run = async (fn: () => Promise<TRedemption>) => {
    setBusy(true);
    setError(null);
    try {
      setFound(await fn());
    } catch (e) {
      setFound(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={3}>{pick({ zh: '网点兑奖', en: 'Prize redemption' })}</Typography.Title>
      <Card>
        <Space.Compact style={{ maxWidth: 480, width: '100%' }}>
          <Input
            size="large"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder={pick({ zh: '输入10位兑奖码', en: '10-character code' })}
            aria-label={pick({ zh: '兑奖码', en: 'Code' })}
            data-testid="redeem-code"
            onPressEnter={() => void run(() => staffEdu.redemption(code))}
          />
          <Button size="large" loading={busy} onClick={() => void run(() => staffEdu.redemption(code))} data-testid="redeem-lookup">
            {pick({ zh: '查询', en: 'Look up' })}
          </Button>
        </Space.Compact>
        {error ? <ErrorAlert error={error} /> : null}
        {found ? (
          <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }} data-testid="redeem-result">
            <Descriptions.Item label={pick({ zh: '抽奖', en: 'Draw' })}>{found.drawTitle}</Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '奖品', en: 'Prize' })}>{`${found.prize}（第${found.rank}名）`}</Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '中奖人', en: 'Winner' })}>{found.nickname}</Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '状态', en: 'Status' })}>
              {found.status === 'redeemed' ? (
                <Alert type="success" showIcon message={pick({ zh: `已兑换 ${found.redeemedAt ?? ''}`, en: `Redeemed ${found.redeemedAt ?? ''}` })} />
              ) : (
                <Button
                  type="primary"
                  loading={busy}
                  data-testid="redeem-confirm"
                  onClick={() =>
                    void run(async () => {
                      const r = await staffEdu.redeem(found.code);
                      list.reload();
                      return r;
                    })
                  }
                >
                  {pick({ zh: '确认已发放奖品', en: 'Hand out the prize' })}
                </Button>
              )}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      <Card title={pick({ zh: '本机构兑奖记录', en: 'Redemptions here' })}>
        <Table
          rowKey={(r) => `${r.code}-${r.redeemedAt}`}
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          size="small"
          columns={[
            { title: pick({ zh: '时间', en: 'When' }), dataIndex: 'redeemedAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
            { title: pick({ zh: '抽奖', en: 'Draw' }), dataIndex: 'drawTitle' },
            { title: pick({ zh: '奖品', en: 'Prize' }), dataIndex: 'prize' },
            { title: pick({ zh: '兑奖码', en: 'Code' }), dataIndex: 'code' },
            { title: pick({ zh: '经办', en: 'By' }), dataIndex: 'redeemedBy' },
          ]}
        />
      </Card>
    </Space>
  );
};
