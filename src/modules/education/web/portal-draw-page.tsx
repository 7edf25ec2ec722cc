import { Alert, Descriptions, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { deviceId } from '../../../web/portal/elderly-mode.ts';
import { BigButton, PortalLayout } from '../../../web/portal/portal-layout.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { publicEdu } from './api.ts';

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
const enc = new TextEncoder();

/** Recomputes the draw in this browser with WebCrypto, independently of the server's own check. */
const recompute = async (seed: string, ids: string[], n: number) => {
  const seedHash = hex(await crypto.subtle.digest('SHA-256', enc.encode(seed)));
  const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const entriesHash = hex(await crypto.subtle.digest('SHA-256', enc.encode(sorted.join('\n'))));
  const key = await crypto.subtle.importKey('raw', enc.encode(seed), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const tickets = await Promise.all(sorted.map(async (id) => ({ id, t: hex(await crypto.subtle.sign('HMAC', key, enc.encode(id))) })));
  tickets.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : a.id < b.id ? -1 : 1));
  return { seedHash, entriesHash, winners: tickets.slice(0, n).map((x) => x.id) };
};

/** 抽奖公示: commitment before the draw, seed and winners after, and a verification anyone can run. */
export const PortalDrawPage = () => {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const res = useRequest(() => publicEdu.draw(id), [id]);
  // A winner sees their prize and redemption code on the device that entered (404 for everyone else).
  const prize = useRequest(
    () => (res.data?.status === 'drawn' ? publicEdu.myPrize(id, deviceId()).catch(() => null) : Promise.resolve(null)),
    [id, res.data?.status],
  );
  const [check, setCheck] = useState<{ ok: boolean; server: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const d = res.data;
  const verify = async () => {
    if (!d?.seed || !d.entryIds) return;
    try {
      const [local, server] = await Promise.all([recompute(d.seed, d.entryIds, d.winnersCount), publicEdu.verify(d.id)]);
      const claimed = (d.winners ?? []).map((w) => w.entryId);
      const ok = local.seedHash === d.seedHash && local.entriesHash === d.entriesHash && local.winners.join() === claimed.join();
      setCheck({ ok, server: server.valid });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <PortalLayout testId="portal-draw">
      {res.loading ? <Spin /> : null}
      {res.error || error ? <ErrorAlert error={res.error ?? error} /> : null}
      {d ? (
        <>
          <Typography.Title level={2}>{d.title}</Typography.Title>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={pick({ zh: '状态', en: 'Status' })}>
              {
                {
                  open: pick({ zh: '报名中', en: 'Open' }),
                  committed: pick({ zh: '名单已锁定', en: 'List frozen' }),
                  drawn: pick({ zh: '已开奖', en: 'Drawn' }),
                }[d.status]
              }
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '参与人数', en: 'Entries' })}>{d.entries}</Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '种子承诺 sha256(seed)', en: 'Seed commitment' })}>
              <code style={{ wordBreak: 'break-all' }} data-testid="draw-seed-hash">
                {d.seedHash}
              </code>
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '名单哈希', en: 'Entry list hash' })}>
              <code style={{ wordBreak: 'break-all' }}>{d.entriesHash ?? '—'}</code>
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '公开种子', en: 'Revealed seed' })}>
              <code style={{ wordBreak: 'break-all' }}>{d.seed ?? pick({ zh: '开奖后公布', en: 'after the draw' })}</code>
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '算法', en: 'Algorithm' })}>
              <code style={{ wordBreak: 'break-all' }}>{d.algorithm}</code>
            </Descriptions.Item>
          </Descriptions>
          {d.winners ? (
            <List
              header={pick({ zh: '中奖名单', en: 'Winners' })}
              dataSource={d.winners}
              renderItem={(w) => <List.Item data-testid="draw-winner">{`${w.rank}. ${w.nickname}（${w.entryId}）${w.prize ? ` · ${w.prize}` : ''}`}</List.Item>}
            />
          ) : null}
          {d.prizes.length ? (
            <List
              header={pick({ zh: '奖品与库存', en: 'Prizes and stock' })}
              dataSource={d.prizes}
              renderItem={(p) => (
                <List.Item>{pick({ zh: `${p.name} × ${p.quantity}（剩余 ${p.remaining}）`, en: `${p.name} × ${p.quantity} (left ${p.remaining})` })}</List.Item>
              )}
            />
          ) : null}
          {prize.data ? (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 12 }}
              data-testid="draw-my-prize"
              message={pick({
                zh: `恭喜中奖：${prize.data.prize}。兑奖码 ${prize.data.code}${prize.data.status === 'redeemed' ? '（已兑换）' : '，请携带本人手机到网点兑奖'}`,
                en: `You won: ${prize.data.prize}. Code ${prize.data.code}${prize.data.status === 'redeemed' ? ' (redeemed)' : '; show it at an outlet'}`,
              })}
            />
          ) : null}
          {d.status === 'drawn' ? (
            <BigButton type="primary" onClick={verify} style={{ marginTop: 12 }} data-testid="draw-verify">
              {pick({ zh: '验证开奖结果', en: 'Verify the draw' })}
            </BigButton>
          ) : null}
          {check ? (
            <Alert
              style={{ marginTop: 12 }}
              type={check.ok && check.server ? 'success' : 'error'}
              showIcon
              data-testid="draw-verify-result"
              message={
                check.ok && check.server
                  ? pick({ zh: '验证通过：种子、名单与中奖结果一致', en: 'Verified: seed, list and winners match' })
                  : pick({ zh: '验证失败：数据不一致', en: 'Verification failed' })
              }
            />
          ) : null}
        </>
      ) : null}
    </PortalLayout>
  );
};
