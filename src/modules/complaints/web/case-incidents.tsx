import { AlertOutlined } from '@ant-design/icons';
import { Card, Flex, List, Tag } from 'antd';
import { Link } from 'react-router';
import { z } from 'zod';
import { api, isApiError } from '../../../web/api-client.ts';
import { useI18n } from '../../../web/i18n.ts';
import { useRequest } from '../../../web/ui/use-request.ts';

const ZLabel = z.object({ zh: z.string(), en: z.string() });
// Served by the monitoring module; read through its HTTP API so the two modules share no tables.
const ZLinked = z.object({
  items: z.array(z.object({ id: z.uuid(), title: z.string(), grade: z.string(), gradeLabel: ZLabel, status: z.string(), statusLabel: ZLabel })),
});

/** 关联舆情事件: shown only when the case was linked to an incident and the user may read incidents. */
export const CaseIncidents = ({ complaintId }: { complaintId: string }) => {
  const { pick } = useI18n();
  const linked = useRequest(async () => {
    try {
      return (await api.get(`/api/v1/opinion/complaints/${encodeURIComponent(complaintId)}/incidents`, ZLinked)).items;
    } catch (e) {
      if (isApiError(e) && (e.status === 403 || e.status === 404)) return [];
      throw e;
    }
  }, [complaintId]);
  const items = linked.data ?? [];
  if (!items.length) return null;
  return (
    <Card title={pick({ zh: '关联舆情事件', en: 'Linked opinion incidents' })} data-testid="case-incidents">
      <List
        size="small"
        dataSource={items}
        renderItem={(i) => (
          <List.Item key={i.id}>
            <Flex gap={8} align="center" wrap>
              <AlertOutlined />
              <Tag color={i.grade === 'I' ? 'red' : i.grade === 'II' ? 'orange' : 'blue'}>{pick(i.gradeLabel)}</Tag>
              <Link to={`/opinion/incidents/${i.id}`}>{i.title}</Link>
              <Tag>{pick(i.statusLabel)}</Tag>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
};
