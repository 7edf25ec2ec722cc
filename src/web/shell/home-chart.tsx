import { Empty, Skeleton, Typography, theme } from 'antd';
import { useMemo } from 'react';
import { ORG_TYPE_LABELS, ROLE_CODES, ROLE_LABELS, ZOrgType } from '../../modules/identity/contract.ts';
import { orgApi, userApi } from '../../modules/identity/web/api.ts';
import { type Bilingual, useI18n } from '../i18n.ts';
import { type ChartOption, EChart } from '../ui/echart.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { useRequest } from '../ui/use-request.ts';
import { useSession } from './session.tsx';

type Bar = { label: Bilingual; value: number };
type Source = 'users-by-role' | 'orgs-by-type';

const loaders: Record<Source, () => Promise<Bar[]>> = {
  'users-by-role': async () => {
    const totals = await Promise.all(ROLE_CODES.map((role) => userApi.countByRole(role)));
    return ROLE_CODES.map((role, i) => ({ label: ROLE_LABELS[role], value: totals[i] ?? 0 }));
  },
  'orgs-by-type': async () => {
    const orgs = await orgApi.list();
    return ZOrgType.options.map((type) => ({ label: ORG_TYPE_LABELS[type], value: orgs.filter((o) => o.type === type).length })).filter((bar) => bar.value > 0);
  },
};

/** One live statistic from the API, chosen by what the user may read. */
export const HomeChart = () => {
  const { can } = useSession();
  const { t, pick } = useI18n();
  const { token } = theme.useToken();
  const source: Source | null = can('user.read') ? 'users-by-role' : can('org.read') ? 'orgs-by-type' : null;
  const { data, error, loading, reload } = useRequest(async () => (source ? loaders[source]() : []), [source]);

  const option = useMemo<ChartOption | null>(() => {
    if (!data?.length) return null;
    const bars = [...data].reverse(); // ECharts draws categories bottom-up; keep the contract's order top-down.
    return {
      // Canvas text does not inherit CSS, so pass the UI font (with its CJK fallbacks) explicitly.
      textStyle: { fontFamily: token.fontFamily },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: bars.map((b) => pick(b.label)), axisLabel: { fontSize: 13 } },
      series: [
        {
          type: 'bar',
          name: t(source === 'users-by-role' ? 'home.chartUsers' : 'home.chartOrgs'),
          data: bars.map((b) => b.value),
          barMaxWidth: 22,
          itemStyle: { color: '#1f5fbf', borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [data, pick, t, source, token.fontFamily]);

  if (!source) return <Empty description={t('home.noChart')} />;
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  const title = t(source === 'users-by-role' ? 'home.chartUsersByRole' : 'home.chartOrgsByType');
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {loading || !option ? <Skeleton active paragraph={{ rows: 6 }} /> : <EChart option={option} height={320} testId="home-chart" ariaLabel={title} />}
    </>
  );
};
