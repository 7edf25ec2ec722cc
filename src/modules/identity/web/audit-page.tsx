import { Button, Flex, Input, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { formatDateTime } from '../../../web/ui/format.ts';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { type AuditRecord, auditApi } from './api.ts';

type Filters = { action: string; actor: string; targetType: string };
const EMPTY: Filters = { action: '', actor: '', targetType: '' };
const PAGE_SIZE = 50;

const Diff = ({ diff }: { diff: unknown }) => {
  const { t } = useI18n();
  if (diff === null || diff === undefined) return <Typography.Text type="secondary">{t('audit.noDiff')}</Typography.Text>;
  return <pre style={{ margin: 0, maxHeight: 320, overflow: 'auto', fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(diff, null, 2)}</pre>;
};

export const AuditPage = () => {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState({ current: 1, size: PAGE_SIZE });

  const { data, error, loading, reload } = useRequest(
    () =>
      auditApi.list({
        action: filters.action || undefined,
        actor: filters.actor || undefined,
        targetType: filters.targetType || undefined,
        page: page.current,
        pageSize: page.size,
      }),
    [filters, page],
  );

  const apply = (next: Filters) => {
    setFilters({ action: next.action.trim(), actor: next.actor.trim(), targetType: next.targetType.trim() });
    setPage((p) => ({ ...p, current: 1 }));
  };

  const columns: TableProps<AuditRecord>['columns'] = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v, locale, true) },
    { title: t('audit.actor'), dataIndex: 'actorName' },
    { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag>{v}</Tag> },
    {
      title: t('audit.target'),
      key: 'target',
      render: (_, r) => (
        <span>
          {r.targetType}
          {r.targetId ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }} copyable={{ text: r.targetId }}>
              {r.targetId.slice(0, 8)}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? t('common.none') },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      render: (v: string) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: v }}>
          {v.slice(0, 8)}
        </Typography.Text>
      ),
    },
  ];

  const field = (key: keyof Filters, label: string) => (
    <Input
      allowClear
      value={draft[key]}
      placeholder={label}
      onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
      onPressEnter={() => apply(draft)}
      style={{ width: 200 }}
      data-testid={`audit-filter-${key}`}
    />
  );

  return (
    <Page title={t('audit.title')} testId="audit-page">
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        {field('action', t('audit.action'))}
        {field('actor', t('audit.actor'))}
        {field('targetType', t('audit.targetType'))}
        <Button type="primary" onClick={() => apply(draft)}>
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            setDraft(EMPTY);
            apply(EMPTY);
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<AuditRecord>
        rowKey="seq"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        expandable={{ expandedRowRender: (r) => <Diff diff={r.diff} /> }}
        scroll={{ x: 'max-content' }}
        data-testid="audit-table"
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, size) => setPage({ current, size }),
        }}
      />
    </Page>
  );
};
