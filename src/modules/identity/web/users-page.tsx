import { EyeOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, type TableProps, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { useSession, useUser } from '../../../web/shell/session.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useErrorText } from '../../../web/ui/errors.ts';
import { formatDateTime } from '../../../web/ui/format.ts';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { ROLE_CODES, ROLE_LABELS, type TRole, type TUserSummary, ZRole } from '../contract.ts';
import { type RevealField, userApi } from './api.ts';
import { RevealModal, type RevealTarget } from './reveal-modal.tsx';
import { useOrgs } from './use-orgs.ts';
import { UserCreateModal } from './user-create-modal.tsx';

type Filters = { q: string; orgId: string | undefined; role: TRole | undefined; page: number; pageSize: number };

const positive = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

// Filters live in the URL so a list can be bookmarked, and the org page can link to its users.
const readFilters = (p: URLSearchParams): Filters => {
  const role = ZRole.safeParse(p.get('role'));
  return {
    q: p.get('q') ?? '',
    orgId: p.get('orgId') ?? undefined,
    role: role.success ? role.data : undefined,
    page: positive(p.get('page'), 1),
    pageSize: Math.min(positive(p.get('pageSize'), 20), 100),
  };
};

const writeFilters = (f: Filters): Record<string, string> => {
  const out: Record<string, string> = {};
  if (f.q) out.q = f.q;
  if (f.orgId) out.orgId = f.orgId;
  if (f.role) out.role = f.role;
  if (f.page > 1) out.page = String(f.page);
  if (f.pageSize !== 20) out.pageSize = String(f.pageSize);
  return out;
};

const revealKey = (id: string, field: RevealField) => `${id}:${field}`;

export const UsersPage = () => {
  const { t, pick, locale } = useI18n();
  const { can } = useSession();
  const me = useUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [draft, setDraft] = useState(filters.q);
  const [creating, setCreating] = useState(false);
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string | null>>({});

  const { tree } = useOrgs(can('org.read'));
  const { data, error, loading, reload } = useRequest(
    () => userApi.list({ q: filters.q || undefined, orgId: filters.orgId, role: filters.role, page: filters.page, pageSize: filters.pageSize }),
    [filters.q, filters.orgId, filters.role, filters.page, filters.pageSize],
  );

  // Without org.read the caller can still create users in their own organisation.
  const orgOptions = tree.length ? tree : [{ value: me.activeOrg.orgId, title: me.activeOrg.orgName }];

  const update = (patch: Partial<Filters>) => setParams(writeFilters({ ...filters, page: 1, ...patch }));

  const unlock = async (user: TUserSummary) => {
    try {
      await userApi.unlock(user.id);
      message.success(t('users.unlocked', { name: user.displayName }));
      reload();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const contact = (user: TUserSummary, field: RevealField, masked: string | null) => {
    const key = revealKey(user.id, field);
    if (key in revealed) return <Typography.Text data-testid={`revealed-${field}`}>{revealed[key] ?? t('reveal.empty')}</Typography.Text>;
    if (!masked) return t('common.none');
    return (
      <Space size={4}>
        <span>{masked}</span>
        {user.allowedActions.includes('reveal') ? (
          <Tooltip title={t('users.reveal')}>
            <Button
              size="small"
              type="text"
              icon={<EyeOutlined />}
              aria-label={t('users.reveal')}
              onClick={() => setRevealing({ user, field })}
              data-testid={`reveal-${field}`}
            />
          </Tooltip>
        ) : null}
      </Space>
    );
  };

  const columns: TableProps<TUserSummary>['columns'] = [
    {
      title: t('users.displayName'),
      key: 'name',
      fixed: 'left',
      render: (_, u) => (
        <Flex vertical>
          <Typography.Text strong>{u.displayName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[u.username, u.employeeNo].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('users.org'), dataIndex: 'orgName' },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      width: 200,
      render: (roles: TRole[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r} color="blue">
              {pick(ROLE_LABELS[r])}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.contact'),
      key: 'contact',
      render: (_, u) => (
        <Flex vertical gap={2}>
          {contact(u, 'phone', u.phoneMasked)}
          {contact(u, 'email', u.emailMasked)}
        </Flex>
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={[4, 4]} wrap>
          {u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : null}
          {u.locked ? <Tag color="orange">{t('users.locked')}</Tag> : null}
          {u.mustChangePassword ? <Tag color="gold">{t('users.mustChange')}</Tag> : null}
          {!u.disabled && !u.locked ? <Tag color="green">{t('users.active')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => (v ? formatDateTime(v, locale) : t('users.never')),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) =>
        u.allowedActions.includes('unlock') && u.locked ? (
          <Popconfirm
            title={t('users.unlockConfirm', { name: u.displayName })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => unlock(u)}
          >
            <Button size="small" icon={<UnlockOutlined />} data-testid="user-unlock">
              {t('users.unlock')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  const createButton = can('user.manage') ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
      {t('users.create')}
    </Button>
  ) : null;

  return (
    <Page title={t('users.title')} extra={createButton} testId="users-page">
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(q) => update({ q: q.trim() })}
          placeholder={t('users.search')}
          enterButton={t('common.search')}
          style={{ width: 320 }}
          data-testid="users-search"
        />
        {tree.length ? (
          <TreeSelect
            allowClear
            value={filters.orgId}
            onChange={(orgId?: string) => update({ orgId })}
            treeData={tree}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('users.org')}
            style={{ width: 240 }}
          />
        ) : null}
        <Select<TRole>
          allowClear
          value={filters.role}
          onChange={(role?: TRole) => update({ role })}
          placeholder={t('users.role')}
          options={ROLE_CODES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
          style={{ width: 200 }}
        />
        <Button
          onClick={() => {
            setDraft('');
            setParams({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<TUserSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setParams(writeFilters({ ...filters, page, pageSize })),
        }}
      />
      <RevealModal
        target={revealing}
        onClose={() => setRevealing(null)}
        onRevealed={(r, value) => setRevealed((prev) => ({ ...prev, [revealKey(r.user.id, r.field)]: value }))}
      />
      <UserCreateModal
        open={creating}
        orgTree={orgOptions}
        defaultOrgId={filters.orgId ?? me.activeOrg.orgId}
        onClose={() => setCreating(false)}
        onCreated={reload}
      />
    </Page>
  );
};
