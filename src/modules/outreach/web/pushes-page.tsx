import { Button, Checkbox, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { CHANNEL_LABELS, CHANNELS, type TChannelCode, type TPushReport } from '../contract.ts';
import { outreachApi } from './api.ts';

const STATUS: Record<string, [string, string]> = {
  draft: ['草稿', 'Draft'],
  scheduled: ['已排期', 'Scheduled'],
  running: ['发送中', 'Sending'],
  done: ['已完成', 'Done'],
  cancelled: ['已取消', 'Cancelled'],
};
const KIND: Record<string, [string, string]> = {
  article: ['文章', 'Article'],
  video: ['视频', 'Video'],
  course: ['课程', 'Course'],
  quiz: ['答题', 'Quiz'],
  event: ['活动邀请', 'Event'],
  risk_alert: ['风险提示', 'Risk alert'],
  notice: ['通知', 'Notice'],
};

/** 推送: compose (content × segment × channels), start, and the per-channel delivery report. */
export const PushesPage = () => {
  const { pick, locale } = useI18n();
  const en = locale === 'en-US' ? 1 : 0;
  const [params] = useSearchParams();
  const pushes = useRequest(() => outreachApi.pushes(), []);
  const segments = useRequest(() => outreachApi.segments(), []);
  const content = useRequest(() => outreachApi.content(), []);
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<TPushReport | null>(null);
  const preset = params.get('kind') && params.get('ref') ? `${params.get('kind')}:${params.get('ref')}` : undefined;

  const submit = async (v: { title: string; body: string; content?: string; segmentId: string; channels: string[] }) => {
    setBusy(true);
    setError(null);
    try {
      const [kind, ref] = v.content ? (v.content.split(/:(.*)/s) as [string, string]) : ['notice', undefined];
      const { id } = await outreachApi.createPush({
        title: v.title,
        body: v.body,
        contentKind: kind,
        ...(ref ? { contentRef: ref } : {}),
        segmentId: v.segmentId,
        channels: v.channels,
      });
      await outreachApi.startPush(id);
      pushes.reload();
      setReport(await outreachApi.report(id));
    } catch (e) {
      setError(e);
      pushes.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={pick({ zh: '推送', en: 'Pushes' })} testId="outreach-pushes-page">
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ channels: ['inbox'], content: preset }} style={{ maxWidth: 720 }}>
        <Form.Item name="content" label={pick({ zh: '推送内容', en: 'Content' })}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            data-testid="push-content"
            options={(content.data?.items ?? []).map((c) => ({ value: `${c.kind}:${c.id}`, label: `【${KIND[c.kind]?.[en] ?? c.kind}】${c.title}` }))}
          />
        </Form.Item>
        <Form.Item name="title" label={pick({ zh: '标题', en: 'Title' })} rules={[{ required: true }]}>
          <Input data-testid="push-title" maxLength={120} />
        </Form.Item>
        <Form.Item name="body" label={pick({ zh: '正文（短信请精简）', en: 'Message' })} rules={[{ required: true }]}>
          <Input.TextArea data-testid="push-body" rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="segmentId" label={pick({ zh: '目标分群', en: 'Segment' })} rules={[{ required: true }]}>
          <Select
            data-testid="push-segment"
            options={(segments.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.lastCount ?? '?'}）` }))}
          />
        </Form.Item>
        <Form.Item name="channels" label={pick({ zh: '渠道', en: 'Channels' })} rules={[{ required: true }]}>
          <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: <span data-testid={`push-channel-${c}`}>{CHANNEL_LABELS[c][en]}</span> }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="push-start">
          {pick({ zh: '开始推送', en: 'Start push' })}
        </Button>
      </Form>
      <ErrorAlert error={error} />
      <Table
        style={{ marginTop: 16 }}
        rowKey="id"
        loading={pushes.loading}
        dataSource={pushes.data?.items ?? []}
        onRow={(r) => ({ onClick: async () => setReport(await outreachApi.report(r.id)), style: { cursor: 'pointer' } })}
        columns={[
          { title: pick({ zh: '标题', en: 'Title' }), dataIndex: 'title' },
          { title: pick({ zh: '内容', en: 'Kind' }), render: (_, r) => KIND[r.contentKind]?.[en] },
          { title: pick({ zh: '分群', en: 'Segment' }), dataIndex: 'segmentName' },
          {
            title: pick({ zh: '渠道', en: 'Channels' }),
            render: (_, r) => r.channels.map((c) => <Tag key={c}>{CHANNEL_LABELS[c as TChannelCode]?.[en] ?? c}</Tag>),
          },
          { title: pick({ zh: '人数', en: 'Recipients' }), dataIndex: 'recipients' },
          { title: pick({ zh: '状态', en: 'Status' }), render: (_, r) => <Tag>{STATUS[r.status]?.[en] ?? r.status}</Tag> },
        ]}
      />
      <Drawer open={Boolean(report)} onClose={() => setReport(null)} width={720} title={report?.title} data-testid="push-report">
        {report ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <span>
              {pick({ zh: '状态', en: 'Status' })}：{STATUS[report.status]?.[en]} · {pick({ zh: '人数', en: 'Recipients' })}：{report.recipients}
            </span>
            <Table
              size="small"
              rowKey="channel"
              pagination={false}
              dataSource={report.byChannel}
              columns={[
                { title: pick({ zh: '渠道', en: 'Channel' }), render: (_, r) => CHANNEL_LABELS[r.channel as TChannelCode]?.[en] ?? r.channel },
                { title: pick({ zh: '排队', en: 'Queued' }), dataIndex: 'queued' },
                { title: pick({ zh: '已发送', en: 'Sent' }), dataIndex: 'sent' },
                {
                  title: pick({ zh: '已送达', en: 'Delivered' }),
                  dataIndex: 'delivered',
                  render: (v, r) => <span data-testid={`report-delivered-${r.channel}`}>{v}</span>,
                },
                { title: pick({ zh: '失败', en: 'Failed' }), dataIndex: 'failed' },
                { title: pick({ zh: '跳过', en: 'Skipped' }), dataIndex: 'skipped' },
                { title: pick({ zh: '打开', en: 'Opened' }), dataIndex: 'opened' },
                { title: pick({ zh: '点击', en: 'Clicked' }), dataIndex: 'clicked' },
              ]}
            />
            {report.skipReasons.length ? (
              <Table
                size="small"
                rowKey={(r) => `${r.channel}-${r.reason}`}
                pagination={false}
                dataSource={report.skipReasons}
                columns={[
                  { title: pick({ zh: '渠道', en: 'Channel' }), dataIndex: 'channel' },
                  { title: pick({ zh: '跳过原因', en: 'Skipped because' }), dataIndex: 'reason' },
                  { title: pick({ zh: '人数', en: 'Count' }), dataIndex: 'count' },
                ]}
              />
            ) : null}
            {report.errors.length ? (
              <Table
                size="small"
                rowKey={(r) => `${r.channel}-${r.error}`}
                pagination={false}
                dataSource={report.errors}
                columns={[
                  { title: pick({ zh: '渠道', en: 'Channel' }), dataIndex: 'channel' },
                  { title: pick({ zh: '最近错误', en: 'Last error' }), dataIndex: 'error' },
                  { title: pick({ zh: '条数', en: 'Count' }), dataIndex: 'count' },
                ]}
              />
            ) : null}
          </Space>
        ) : null}
      </Drawer>
    </Page>
  );
};
