import { App, Button, Drawer, Form, Input, InputNumber, Progress, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { useSession } from '../../../web/shell/session.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { AUDIENCE_LABELS, AUDIENCES, THEME_LABELS, THEME_TEMPLATES, THEMES, type TTheme } from '../contract.ts';
import { staffCampaigns } from './api.ts';
import { GOAL_LABELS, percent } from './labels.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** The template's days in the next occurrence of its date: the whole month for 3·15 and September, else the week around the day. */
const periodOf = (theme: TTheme, now: Date): { startsOn: string; endsOn: string } => {
  const md = THEME_TEMPLATES[theme].monthDay;
  if (!md) {
    const end = new Date(now.getTime() + 30 * 86_400_000);
    return { startsOn: now.toISOString().slice(0, 10), endsOn: end.toISOString().slice(0, 10) };
  }
  const [m, d] = md;
  const year = now.getMonth() + 1 > m ? now.getFullYear() + 1 : now.getFullYear();
  if (theme === 'cp315' || theme === 'fin_edu_month') return { startsOn: `${year}-${pad(m)}-01`, endsOn: `${year}-${pad(m)}-${m === 9 ? 30 : 31}` };
  return { startsOn: `${year}-${pad(m)}-${pad(Math.max(1, d - 3))}`, endsOn: `${year}-${pad(m)}-${pad(d + 1)}` };
};

type Values = {
  theme: TTheme;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  audiences: string[];
  reach: number;
  attendance: number;
  quizParticipation: number;
};

/** 宣传活动: the year's campaigns with goals against results, and a form that starts from a theme template. */
export const CampaignsPage = () => {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const canManage = useSession().can('campaign.manage');
  const list = useRequest(() => staffCampaigns.list(), []);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();

  const applyTemplate = (theme: TTheme) => {
    const t = THEME_TEMPLATES[theme];
    form.setFieldsValue({ theme, title: t.title, description: t.description, audiences: t.audiences, ...periodOf(theme, new Date()) });
  };
  const create = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await staffCampaigns.create({
        theme: v.theme,
        title: v.title,
        description: v.description ?? '',
        startsOn: v.startsOn,
        endsOn: v.endsOn,
        audiences: v.audiences ?? [],
        goals: { reach: v.reach ?? 0, attendance: v.attendance ?? 0, quizParticipation: v.quizParticipation ?? 0 },
      });
      message.success(pick({ zh: '已创建', en: 'Created' }));
      setOpen(false);
      list.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Page
      title={pick({ zh: '宣传活动', en: 'Campaigns' })}
      testId="campaigns-page"
      extra={
        canManage ? (
          <Button
            type="primary"
            data-testid="campaign-new"
            onClick={() => {
              form.resetFields();
              applyTemplate('cp315');
              setOpen(true);
            }}
          >
            {pick({ zh: '新建活动', en: 'New campaign' })}
          </Button>
        ) : null
      }
    >
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: pick({ zh: '活动', en: 'Campaign' }),
            dataIndex: 'title',
            render: (t: string, c) => (
              <Link to={`/campaigns/${c.id}`} data-testid="campaign-link">
                {t}
              </Link>
            ),
          },
          { title: pick({ zh: '主题', en: 'Theme' }), dataIndex: 'theme', render: (t: TTheme) => <Tag color="blue">{pick(THEME_LABELS[t])}</Tag> },
          { title: pick({ zh: '周期', en: 'Period' }), render: (_: unknown, c) => `${c.startsOn} ~ ${c.endsOn}` },
          { title: pick({ zh: '场次', en: 'Events' }), dataIndex: 'events', width: 70 },
          ...(['reach', 'attendance'] as const).map((k) => ({
            title: pick(GOAL_LABELS[k]),
            width: 170,
            render: (_: unknown, c: (typeof list.data & object)['items'][number]) => (
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <span>
                  {c.results[k]} / {c.goals[k]}
                </span>
                <Progress percent={percent(c.results[k], c.goals[k])} size="small" showInfo={false} />
              </Space>
            ),
          })),
        ]}
      />
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size="large"
        title={pick({ zh: '新建宣传活动', en: 'New campaign' })}
        extra={
          <Button type="primary" onClick={create} data-testid="campaign-save">
            {pick({ zh: '保存', en: 'Save' })}
          </Button>
        }
      >
        {error ? <ErrorAlert error={error} /> : null}
        <Form form={form} layout="vertical">
          <Form.Item name="theme" label={pick({ zh: '主题模板', en: 'Theme template' })} rules={[{ required: true }]}>
            <Select
              data-testid="campaign-theme"
              options={THEMES.map((t) => ({ value: t, label: pick(THEME_LABELS[t]) }))}
              onChange={(t: TTheme) => applyTemplate(t)}
            />
          </Form.Item>
          <Form.Item name="title" label={pick({ zh: '名称', en: 'Title' })} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="campaign-title" />
          </Form.Item>
          <Form.Item name="description" label={pick({ zh: '说明', en: 'Description' })}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startsOn" label={pick({ zh: '开始日期', en: 'Starts' })} rules={[{ required: true }]}>
              <Input type="date" data-testid="campaign-starts" />
            </Form.Item>
            <Form.Item name="endsOn" label={pick({ zh: '结束日期', en: 'Ends' })} rules={[{ required: true }]}>
              <Input type="date" data-testid="campaign-ends" />
            </Form.Item>
          </Space>
          <Form.Item name="audiences" label={pick({ zh: '目标人群', en: 'Target audiences' })}>
            <Select mode="multiple" options={AUDIENCES.map((a) => ({ value: a, label: pick(AUDIENCE_LABELS[a]) }))} />
          </Form.Item>
          <Space wrap>
            {(['reach', 'attendance', 'quizParticipation'] as const).map((k) => (
              <Form.Item key={k} name={k} label={`${pick(GOAL_LABELS[k])} ${pick({ zh: '目标', en: 'goal' })}`} initialValue={0}>
                <InputNumber min={0} data-testid={`campaign-goal-${k}`} />
              </Form.Item>
            ))}
          </Space>
        </Form>
      </Drawer>
    </Page>
  );
};
