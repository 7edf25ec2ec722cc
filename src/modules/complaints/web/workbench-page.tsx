import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Table, type TableProps, Tabs, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { useI18n } from '../../../web/i18n.ts';
import { useSession } from '../../../web/shell/session.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { formatDateTime } from '../../../web/ui/format.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { useOrgs } from '../../identity/web/use-orgs.ts';
import { CHANNEL_LABELS, CHANNELS, STATUS_LABELS, STATUSES, type TComplaintSummary, ZChannel, type ZComplaintListQuery, ZStatus } from '../contract.ts';
import { complaintApi } from './api.ts';
import { useText } from './messages.ts';
import { SavedViews } from './saved-views.tsx';
import { FlagTags, StageTag, StatusTag } from './tags.tsx';
import { useCodes } from './use-codes.ts';

// Workbench order: own work first, the whole list last.
const VIEWS = ['mine', 'awaiting_my_acceptance', 'due_soon', 'overdue', 'all'] as const satisfies readonly z.infer<typeof ZComplaintListQuery>['view'][];
type View = (typeof VIEWS)[number];
const FILTER_KEYS = ['q', 'status', 'channel', 'businessCategory', 'orgId', 'from', 'to'] as const;
type Filters = { view: View; page: number; pageSize: number } & Partial<Record<(typeof FILTER_KEYS)[number], string>>;

// Filters live in the URL so a list can be bookmarked and the back button returns to it.
const readFilters = (p: URLSearchParams): Filters => {
  const view = VIEWS.find((v) => v === p.get('view')) ?? 'mine';
  const out: Filters = { view, page: Math.max(1, Number(p.get('page')) || 1), pageSize: Math.min(100, Number(p.get('pageSize')) || 20) };
  for (const k of FILTER_KEYS) {
    const v = p.get(k);
    if (v) out[k] = v;
  }
  return out;
};

const writeFilters = (f: Filters): Record<string, string> => {
  const out: Record<string, string> = { view: f.view };
  for (const k of FILTER_KEYS) if (f[k]) out[k] = f[k] as string;
  if (f.page > 1) out.page = String(f.page);
  if (f.pageSize !== 20) out.pageSize = String(f.pageSize);
  return out;
};

/** The current filters (not the page) as an XLSX export of the whole filtered list. */
const exportUrl = (f: Filters): string => {
  const { page: _page, pageSize: _size, ...rest } = writeFilters({ ...f, page: 1, pageSize: 20 });
  return `/api/v1/complaints/export?${new URLSearchParams({ ...rest, format: 'xlsx' }).toString()}`;
};

export const WorkbenchPage = () => {
  const { pick, locale } = useI18n();
  const t = useText();
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const f = readFilters(params);
  const [draft, setDraft] = useState(f.q ?? '');
  const codes = useCodes();
  const { tree } = useOrgs(can('org.read'));

  const { data, error, loading, reload } = useRequest(
    () =>
      complaintApi.list({
        view: f.view,
        q: f.q,
        status: ZStatus.safeParse(f.status).data,
        channel: ZChannel.safeParse(f.channel).data,
        businessCategory: f.businessCategory,
        orgId: f.orgId,
        from: f.from,
        to: f.to,
        page: f.page,
        pageSize: f.pageSize,
      }),
    [params.toString()],
  );

  const update = (patch: Partial<Filters>) => setParams(writeFilters({ ...f, page: 1, ...patch }));

  const columns: TableProps<TComplaintSummary>['columns'] = [
    {
      title: t('col.code'),
      dataIndex: 'trackingCode',
      render: (v: string, r) => (
        <Link to={`/complaints/${r.id}`} data-testid="case-link">
          {v}
        </Link>
      ),
    },
    { title: t('col.title'), dataIndex: 'title', ellipsis: true, width: 260 },
    { title: t('col.status'), dataIndex: 'status', render: (v: TComplaintSummary['status']) => <StatusTag status={v} /> },
    { title: t('col.complainant'), key: 'who', render: (_, r) => `${r.complainantNameMasked} ${r.phoneMasked}` },
    { title: t('col.org'), dataIndex: 'orgName' },
    {
      title: t('col.owner'),
      dataIndex: 'ownerName',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('common.unassigned')}</Typography.Text>,
    },
    { title: t('col.received'), dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v, locale) },
    {
      title: t('col.deadline'),
      key: 'deadline',
      render: (_, r) => (
        <Space size={4}>
          <span>{r.deadline}</span>
          <StageTag stage={r.stage} />
        </Space>
      ),
    },
    { title: t('col.flags'), dataIndex: 'flags', render: (v: string[]) => <FlagTags flags={v} /> },
  ];

  const selectFilter = (key: 'status' | 'channel' | 'businessCategory', placeholder: string, options: { value: string; label: string }[], width = 160) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      value={f[key]}
      options={options}
      onChange={(v?: string) => update({ [key]: v })}
      style={{ width }}
      data-testid={`wb-filter-${key}`}
    />
  );

  const dateFilter = (key: 'from' | 'to') => (
    <Input
      type="date"
      value={f[key] ?? ''}
      onChange={(e) => update({ [key]: e.target.value || undefined })}
      style={{ width: 150 }}
      data-testid={`wb-filter-${key}`}
    />
  );

  return (
    <div data-testid="complaints-workbench">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('wb.title')}
        </Typography.Title>
        <Space wrap>
          <SavedViews
            filters={(({ page: _p, pageSize: _s, ...rest }) => rest)(writeFilters({ ...f, page: 1, pageSize: 20 }))}
            onApply={(v) => setParams(writeFilters(readFilters(new URLSearchParams(v))))}
          />
          {/* A plain link: the export is a GET with the session cookie; the server masks and audits it. */}
          <Button icon={<DownloadOutlined />} href={exportUrl(f)} data-testid="wb-export-xlsx">
            {t('wb.exportXlsx')}
          </Button>
          {can('complaint.register') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/complaints/new')} data-testid="wb-register">
              {t('wb.register')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Tabs
        activeKey={f.view}
        onChange={(view) => update({ view: view as View })}
        items={VIEWS.map((v) => ({ key: v, label: <span data-testid={`wb-tab-${v}`}>{t(`wb.view.${v}`)}</span> }))}
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={draft}
          placeholder={t('wb.search')}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(q) => update({ q: q.trim() || undefined })}
          style={{ width: 360 }}
          data-testid="wb-search"
        />
        {selectFilter(
          'status',
          t('wb.status'),
          STATUSES.map((s) => ({ value: s, label: pick(STATUS_LABELS[s]) })),
        )}
        {selectFilter(
          'channel',
          t('wb.channel'),
          CHANNELS.map((c) => ({ value: c, label: pick(CHANNEL_LABELS[c]) })),
        )}
        {selectFilter('businessCategory', t('wb.category'), codes.business, 200)}
        {tree.length ? (
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandAll
            placeholder={t('wb.org')}
            treeData={tree}
            value={f.orgId}
            onChange={(v?: string) => update({ orgId: v })}
            style={{ width: 220 }}
            data-testid="wb-filter-org"
          />
        ) : null}
        <Space.Compact>
          {dateFilter('from')}
          {dateFilter('to')}
        </Space.Compact>
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<TComplaintSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="wb-table"
        onRow={(r) => ({ onDoubleClick: () => navigate(`/complaints/${r.id}`) })}
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) =>
            data?.totalCapped ? pick({ zh: `超过 ${total} 条`, en: `more than ${total}` }) : pick({ zh: `共 ${total} 条`, en: `${total} in total` }),
          onChange: (page, pageSize) => setParams(writeFilters({ ...f, page, pageSize })),
        }}
      />
    </div>
  );
};
