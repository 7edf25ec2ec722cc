import { TeamOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Descriptions, Empty, Input, Row, Skeleton, Space, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { useSession } from '../../../web/shell/session.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { ORG_TYPE_LABELS, type TOrgNode } from '../contract.ts';
import { filterOrgTree, type OrgTreeItem } from './org-tree.ts';
import { useOrgs } from './use-orgs.ts';

const TYPE_COLORS: Record<TOrgNode['type'], string> = {
  head_office: 'red',
  branch: 'volcano',
  sub_branch: 'blue',
  outlet: 'green',
  department: 'purple',
};

const OrgDetails = ({ org }: { org: TOrgNode }) => {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  return (
    <>
      <Descriptions column={1} bordered size="middle" data-testid="org-details">
        <Descriptions.Item label={t('orgs.name')}>{org.name}</Descriptions.Item>
        <Descriptions.Item label={t('orgs.code')}>{org.code}</Descriptions.Item>
        <Descriptions.Item label={t('orgs.type')}>
          <Tag color={TYPE_COLORS[org.type]}>{pick(ORG_TYPE_LABELS[org.type])}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('orgs.address')}>{org.address ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('orgs.userCount')}>{org.userCount}</Descriptions.Item>
      </Descriptions>
      {can('user.read') ? (
        <Button icon={<TeamOutlined />} style={{ marginTop: 16 }} onClick={() => navigate(`/users?orgId=${encodeURIComponent(org.id)}`)}>
          {t('orgs.viewUsers')}
        </Button>
      ) : null}
    </>
  );
};

export const OrgsPage = () => {
  const { t, pick } = useI18n();
  const { tree, orgs, loading, error, reload } = useOrgs();
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const shown = useMemo(() => filterOrgTree(tree, filter), [tree, filter]);
  const selected = orgs.find((o) => o.id === selectedId) ?? null;

  const renderTitle = (node: OrgTreeItem) => (
    <Space size={6}>
      <span>{node.org.name}</span>
      <Tag color={TYPE_COLORS[node.org.type]} style={{ marginInlineEnd: 0 }}>
        {pick(ORG_TYPE_LABELS[node.org.type])}
      </Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {node.org.code}
      </Typography.Text>
      <Badge count={node.org.userCount} showZero color="#8c8c8c" overflowCount={9999} title={t('orgs.userCount')} />
    </Space>
  );

  return (
    <div data-testid="orgs-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('orgs.title')}
      </Typography.Title>
      <ErrorAlert error={error} onRetry={reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <Input.Search allowClear placeholder={t('orgs.search')} onChange={(e) => setFilter(e.target.value)} style={{ marginBottom: 12 }} />
            {loading ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : shown.length ? (
              <Tree<OrgTreeItem>
                key={filter} // a new filter re-expands everything that matched
                treeData={shown}
                defaultExpandAll
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys[0] ? String(keys[0]) : null)}
                titleRender={renderTitle}
                showLine
                blockNode
                data-testid="org-tree"
              />
            ) : (
              <Empty description={t('orgs.empty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('orgs.details')} style={{ position: 'sticky', top: 16 }}>
            {selected ? <OrgDetails org={selected} /> : <Empty description={t('orgs.pick')} />}
          </Card>
        </Col>
      </Row>
    </div>
  );
};
