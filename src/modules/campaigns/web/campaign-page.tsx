import { App, Button, Card, Col, Descriptions, Drawer, Form, Input, InputNumber, Progress, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../../web/api-client.ts';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { AUDIENCE_LABELS, EVENT_STATUS_LABELS, type TAudience, type TEventStatus, THEME_LABELS, type TVenue, VENUE_LABELS, VENUES } from '../contract.ts';
import { staffCampaigns } from './api.ts';
import { GOAL_LABELS, percent, shortTime, toIso } from './labels.ts';

type EventValues = {
  title: string;
  venueType: TVenue;
  venueName: string;
  address: string;
  orgCode?: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  speakers: string;
  materials: string;
};

/** Speakers typed one per line as "name, organisation"; a line naming a firm or bureau is a partner. */
const parseSpeakers = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = '', organisation = ''] = l.split(/[,，]/).map((s) => s.trim());
      return { name, organisation, kind: organisation && !organisation.includes('星河银行') ? ('partner' as const) : ('staff' as const) };
    });

/** One campaign: goals against results, its events, a new-event form, exports. */
export const CampaignPage = () => {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const { message } = App.useApp();
  const res = useRequest(() => staffCampaigns.get(id), [id]);
  const outlets = useRequest(() => api.get<{ items: { id: string; name: string; type: string }[] }>('/api/v1/orgs').catch(() => ({ items: [] })), []);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<EventValues>();
  const c = res.data;
  const outletOptions = (outlets.data?.items ?? []).filter((o) => o.type === 'outlet' || o.type === 'sub_branch').map((o) => ({ value: o.id, label: o.name }));

  const save = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const { id: eventId } = await staffCampaigns.addEvent(id, {
        title: v.title,
        venueType: v.venueType,
        venueName: v.venueName,
        address: v.address ?? '',
        ...(v.orgCode ? { orgId: v.orgCode } : {}),
        startsAt: toIso(v.startsAt),
        endsAt: toIso(v.endsAt),
        capacity: v.capacity,
        speakers: parseSpeakers(v.speakers ?? ''),
        materials: (v.materials ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      });
      message.success(pick({ zh: '场次已创建（草稿）', en: 'Event created (draft)' }));
      setOpen(false);
      res.reload();
      return eventId;
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Page
      title={c?.title ?? pick({ zh: '宣传活动', en: 'Campaign' })}
      testId="campaign-page"
      extra={
        c ? (
          <Space>
            {c.allowedActions.includes('export') ? (
              <>
                <Button href={staffCampaigns.exportUrl(id, 'csv')}>CSV</Button>
                <Button href={staffCampaigns.exportUrl(id, 'xlsx')}>Excel</Button>
              </>
            ) : null}
            {c.allowedActions.includes('addEvent') ? (
              <Button
                type="primary"
                data-testid="event-new"
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue({ venueType: 'outlet', capacity: 40, startsAt: `${c.startsOn}T09:30`, endsAt: `${c.startsOn}T11:00` });
                  setOpen(true);
                }}
              >
                {pick({ zh: '新建场次', en: 'New event' })}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {res.error ? <ErrorAlert error={res.error} /> : null}
      {c ? (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={pick({ zh: '主题', en: 'Theme' })}>
              <Tag color="blue">{pick(THEME_LABELS[c.theme])}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '周期', en: 'Period' })}>
              {c.startsOn} ~ {c.endsOn}
            </Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '主办', en: 'Owner' })}>{c.orgName}</Descriptions.Item>
            <Descriptions.Item label={pick({ zh: '目标人群', en: 'Audiences' })} span={3}>
              {c.audiences.map((a) => (
                <Tag key={a}>{pick(AUDIENCE_LABELS[a as TAudience])}</Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={16} style={{ marginBottom: 16 }} data-testid="campaign-goals">
            {(['reach', 'attendance', 'quizParticipation'] as const).map((k) => (
              <Col xs={24} md={8} key={k}>
                <Card size="small">
                  <Statistic title={pick(GOAL_LABELS[k])} value={c.results[k]} suffix={`/ ${c.goals[k]}`} />
                  <Progress percent={percent(c.results[k], c.goals[k])} />
                </Card>
              </Col>
            ))}
          </Row>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.eventList}
            columns={[
              {
                title: pick({ zh: '场次', en: 'Event' }),
                dataIndex: 'title',
                render: (t: string, e) => (
                  <Link to={`/campaigns/events/${e.id}`} data-testid="event-link">
                    {t}
                  </Link>
                ),
              },
              {
                title: pick({ zh: '状态', en: 'Status' }),
                dataIndex: 'status',
                render: (s: TEventStatus) => <Tag color={EVENT_STATUS_LABELS[s].color}>{pick(EVENT_STATUS_LABELS[s])}</Tag>,
              },
              { title: pick({ zh: '场地', en: 'Venue' }), render: (_: unknown, e) => `${pick(VENUE_LABELS[e.venueType])} · ${e.venueName}` },
              { title: pick({ zh: '时间', en: 'Time' }), dataIndex: 'startsAt', render: shortTime },
              { title: pick({ zh: '报名/名额', en: 'Registered' }), render: (_: unknown, e) => `${e.registered} / ${e.capacity}` },
              { title: pick({ zh: '到场', en: 'Attended' }), dataIndex: 'attended' },
              { title: pick({ zh: '现场参与', en: 'Walk-ins' }), dataIndex: 'walkIns' },
            ]}
          />
        </>
      ) : null}
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size="large"
        title={pick({ zh: '新建场次', en: 'New event' })}
        extra={
          <Button type="primary" onClick={save} data-testid="event-save">
            {pick({ zh: '保存', en: 'Save' })}
          </Button>
        }
      >
        {error ? <ErrorAlert error={error} /> : null}
        <Form form={form} layout="vertical">
          <Form.Item name="title" label={pick({ zh: '场次名称', en: 'Title' })} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="event-title" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="venueType" label={pick({ zh: '场地类型', en: 'Venue type' })} rules={[{ required: true }]}>
              <Select style={{ width: 160 }} options={VENUES.map((v) => ({ value: v, label: pick(VENUE_LABELS[v]) }))} />
            </Form.Item>
            <Form.Item name="orgCode" label={pick({ zh: '承办网点', en: 'Running outlet' })}>
              <Select style={{ width: 220 }} showSearch optionFilterProp="label" allowClear options={outletOptions} data-testid="event-org" />
            </Form.Item>
          </Space>
          <Form.Item name="venueName" label={pick({ zh: '场地名称', en: 'Venue' })} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="event-venue" />
          </Form.Item>
          <Form.Item name="address" label={pick({ zh: '地址', en: 'Address' })}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startsAt" label={pick({ zh: '开始', en: 'Starts' })} rules={[{ required: true }]}>
              <Input type="datetime-local" data-testid="event-starts" />
            </Form.Item>
            <Form.Item name="endsAt" label={pick({ zh: '结束', en: 'Ends' })} rules={[{ required: true }]}>
              <Input type="datetime-local" data-testid="event-ends" />
            </Form.Item>
            <Form.Item name="capacity" label={pick({ zh: '名额', en: 'Capacity' })} rules={[{ required: true }]}>
              <InputNumber min={1} data-testid="event-capacity" />
            </Form.Item>
          </Space>
          <Form.Item name="speakers" label={pick({ zh: '主讲人（每行“姓名，单位”）', en: 'Speakers (one per line: name, organisation)' })}>
            <Input.TextArea rows={3} placeholder="王律师，吉林法信律师事务所" />
          </Form.Item>
          <Form.Item name="materials" label={pick({ zh: '宣传材料（每行一项）', en: 'Materials (one per line)' })}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Drawer>
    </Page>
  );
};
