import { App, Button, Drawer, Form, Input, InputNumber, Segmented, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { useSession } from '../../../web/shell/session.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { staffCampaigns } from './api.ts';

type Values = {
  eventId?: string;
  customerName: string;
  phone?: string;
  age?: number;
  topics: string[];
  explained: string;
  followUp?: string;
  followUpDue?: string;
};
const TOPICS = ['手机银行转账限额', '养老诈骗识别', '存款保险', '银行卡挂失', '征信查询', '反诈App安装', '理财风险等级'];

/** 一对一帮扶: what was explained to an elderly customer and the follow-up owed; phones masked, reveal audited. */
export const AssistsPage = () => {
  const { pick } = useI18n();
  const { message, modal } = App.useApp();
  const canAssist = useSession().can('campaign.assist');
  const [filter, setFilter] = useState<'open' | 'all'>('all');
  const list = useRequest(() => staffCampaigns.assists(filter === 'open' ? { open: true } : {}), [filter]);
  const events = useRequest(() => staffCampaigns.events(), []);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();
  const save = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await staffCampaigns.addAssist({ ...v, followUp: v.followUp ?? '', ...(v.phone ? {} : { phone: undefined }) });
      message.success(pick({ zh: '已记录', en: 'Recorded' }));
      setOpen(false);
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Page
      title={pick({ zh: '一对一帮扶记录', en: 'One-on-one assistance' })}
      testId="campaign-assists-page"
      extra={
        <Space>
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as 'open' | 'all')}
            options={[
              { value: 'all', label: pick({ zh: '全部', en: 'All' }) },
              { value: 'open', label: pick({ zh: '待回访', en: 'Follow-up due' }) },
            ]}
          />
          {canAssist ? (
            <Button
              type="primary"
              data-testid="assist-new"
              onClick={() => {
                form.resetFields();
                setOpen(true);
              }}
            >
              {pick({ zh: '新建记录', en: 'New record' })}
            </Button>
          ) : null}
        </Space>
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        expandable={{ expandedRowRender: (a) => <div style={{ whiteSpace: 'pre-wrap' }}>{`${a.explained}\n${a.followUp}`}</div> }}
        columns={[
          { title: pick({ zh: '客户', en: 'Customer' }), dataIndex: 'customerName' },
          { title: pick({ zh: '年龄', en: 'Age' }), dataIndex: 'age', width: 60 },
          {
            title: pick({ zh: '手机', en: 'Mobile' }),
            dataIndex: 'phoneMasked',
            render: (p: string | null, a) =>
              p ? (
                <Space>
                  {p}
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      act(async () => {
                        const r = await staffCampaigns.reveal('assists', a.id, '帮扶回访');
                        modal.info({ title: pick({ zh: '完整手机号（已留痕）', en: 'Phone (audited)' }), content: r.value });
                      })
                    }
                  >
                    {pick({ zh: '查看', en: 'Reveal' })}
                  </Button>
                </Space>
              ) : null,
          },
          { title: pick({ zh: '讲解事项', en: 'Topics' }), dataIndex: 'topics', render: (t: string[]) => t.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: pick({ zh: '网点', en: 'Outlet' }), dataIndex: 'orgName' },
          { title: pick({ zh: '回访期限', en: 'Follow-up by' }), dataIndex: 'followUpDue' },
          {
            title: pick({ zh: '回访', en: 'Follow-up' }),
            render: (_: unknown, a) =>
              !a.followUp ? null : a.followUpDone ? (
                <Tag color="green">{pick({ zh: '已回访', en: 'Done' })}</Tag>
              ) : canAssist ? (
                <Button size="small" onClick={() => act(() => staffCampaigns.completeAssist(a.id, '已电话回访'))}>
                  {pick({ zh: '完成回访', en: 'Mark done' })}
                </Button>
              ) : (
                <Tag color="orange">{pick({ zh: '待回访', en: 'Due' })}</Tag>
              ),
          },
        ]}
      />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={pick({ zh: '一对一帮扶', en: 'One-on-one assistance' })}
        extra={
          <Button type="primary" onClick={save} data-testid="assist-save">
            {pick({ zh: '保存', en: 'Save' })}
          </Button>
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="eventId" label={pick({ zh: '所在活动（可选）', en: 'At event (optional)' })}>
            <Select allowClear options={(events.data?.items ?? []).map((e) => ({ value: e.id, label: e.title }))} />
          </Form.Item>
          <Form.Item name="customerName" label={pick({ zh: '客户姓名', en: 'Customer' })} rules={[{ required: true, max: 20 }]}>
            <Input data-testid="assist-name" />
          </Form.Item>
          <Space>
            <Form.Item name="phone" label={pick({ zh: '手机号', en: 'Mobile' })}>
              <Input inputMode="tel" />
            </Form.Item>
            <Form.Item name="age" label={pick({ zh: '年龄', en: 'Age' })}>
              <InputNumber min={0} max={120} />
            </Form.Item>
          </Space>
          <Form.Item name="topics" label={pick({ zh: '讲解事项', en: 'Topics' })} rules={[{ required: true }]}>
            <Select mode="tags" options={TOPICS.map((t) => ({ value: t, label: t }))} data-testid="assist-topics" />
          </Form.Item>
          <Form.Item name="explained" label={pick({ zh: '讲解内容', en: 'What was explained' })} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={3} data-testid="assist-explained" />
          </Form.Item>
          <Form.Item name="followUp" label={pick({ zh: '后续跟进', en: 'Follow-up' })}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="followUpDue" label={pick({ zh: '回访期限', en: 'Follow-up by' })}>
            <Input type="date" />
          </Form.Item>
        </Form>
      </Drawer>
    </Page>
  );
};
