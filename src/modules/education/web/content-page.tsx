import { App, Button, Drawer, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { AUDIENCES, TOPIC_TAGS } from '../contract.ts';
import { type StaffContent, staffEdu } from './api.ts';

const STATUS: Record<string, { zh: string; en: string; color: string }> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  in_review: { zh: '消保审查中', en: 'In review', color: 'orange' },
  published: { zh: '已发布', en: 'Published', color: 'green' },
  archived: { zh: '已归档', en: 'Archived', color: 'default' },
};
const tagOptions = Object.entries(TOPIC_TAGS).map(([value, label]) => ({ value, label }));
const audienceOptions = Object.entries(AUDIENCES).map(([value, label]) => ({ value, label }));

type Values = { kind: 'article' | 'video' | 'material'; title: string; summary: string; bodyHtml: string; tags: string[]; audiences: string[] };

/** 内容库: list by status (the review queue is the "in review" tab), editor, 消保审查 decisions, versions. */
export const ContentPage = () => {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>('in_review');
  const list = useRequest(() => staffEdu.contents(status === 'all' ? {} : { status }), [status]);
  const [open, setOpen] = useState<StaffContent | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [comment, setComment] = useState('');
  const [form] = Form.useForm<Values>();

  const edit = async (id: string | 'new') => {
    setError(null);
    setComment('');
    if (id === 'new') {
      form.setFieldsValue({ kind: 'article', title: '', summary: '', bodyHtml: '', tags: [], audiences: [] });
      setOpen('new');
      return;
    }
    const c = await staffEdu.content(id);
    form.setFieldsValue(c as unknown as Values);
    setOpen(c);
  };
  const run = async (fn: () => Promise<StaffContent>) => {
    setError(null);
    try {
      const c = await fn();
      setOpen(c);
      form.setFieldsValue(c as unknown as Values);
      message.success(pick({ zh: '已保存', en: 'Saved' }));
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    if (open === 'new') await run(() => staffEdu.create({ ...v, summary: v.summary ?? '', video: null }));
    else if (open) {
      const { kind: _k, ...rest } = v;
      await run(() => staffEdu.update(open.id, { ...rest, summary: rest.summary ?? '', video: open.video, expectedVersion: open.version }));
    }
  };
  const current = open && open !== 'new' ? open : null;
  const can = (a: string) => current?.allowedActions.includes(a) ?? open === 'new';

  return (
    <Page
      title={pick({ zh: '宣教内容库', en: 'Education content' })}
      testId="edu-content-page"
      extra={
        <Button type="primary" onClick={() => edit('new')} data-testid="edu-content-new">
          {pick({ zh: '新建内容', en: 'New' })}
        </Button>
      }
    >
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as string)}
        options={[...Object.entries(STATUS).map(([value, s]) => ({ value, label: pick(s) })), { value: 'all', label: pick({ zh: '全部', en: 'All' }) }]}
        style={{ marginBottom: 12 }}
      />
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({ onClick: () => edit(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: pick({ zh: '标题', en: 'Title' }), dataIndex: 'title' },
          { title: pick({ zh: '类型', en: 'Kind' }), dataIndex: 'kind', width: 90 },
          {
            title: pick({ zh: '状态', en: 'Status' }),
            dataIndex: 'status',
            width: 120,
            render: (s: string) => <Tag color={STATUS[s]?.color}>{pick(STATUS[s] ?? { zh: s, en: s })}</Tag>,
          },
          { title: pick({ zh: '版本', en: 'Ver.' }), dataIndex: 'version', width: 70 },
          { title: pick({ zh: '作者', en: 'Author' }), dataIndex: 'authorName', width: 140 },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        width={720}
        title={current ? `${current.title} · v${current.version}` : pick({ zh: '新建内容', en: 'New content' })}
      >
        {error ? <ErrorAlert error={error} /> : null}
        {current?.reviewComment ? (
          <Typography.Paragraph type="warning">{`${pick({ zh: '审查意见', en: 'Review comment' })}：${current.reviewComment}`}</Typography.Paragraph>
        ) : null}
        <Form form={form} layout="vertical" disabled={!can('edit') && open !== 'new'}>
          <Form.Item name="kind" label={pick({ zh: '类型', en: 'Kind' })}>
            <Select
              disabled={open !== 'new'}
              options={[
                { value: 'article', label: '文章' },
                { value: 'video', label: '短视频' },
                { value: 'material', label: '资料' },
              ]}
            />
          </Form.Item>
          <Form.Item name="title" label={pick({ zh: '标题', en: 'Title' })} rules={[{ required: true, min: 2 }]}>
            <Input data-testid="edu-content-title" />
          </Form.Item>
          <Form.Item name="summary" label={pick({ zh: '摘要', en: 'Summary' })}>
            <Input />
          </Form.Item>
          <Form.Item name="bodyHtml" label={pick({ zh: '正文（HTML，保存时自动净化）', en: 'Body (HTML, sanitised on save)' })} rules={[{ required: true }]}>
            <Input.TextArea rows={10} data-testid="edu-content-body" />
          </Form.Item>
          <Form.Item name="tags" label={pick({ zh: '主题标签', en: 'Topics' })}>
            <Select mode="multiple" options={tagOptions} />
          </Form.Item>
          <Form.Item name="audiences" label={pick({ zh: '受众', en: 'Audiences' })}>
            <Select mode="multiple" options={audienceOptions} />
          </Form.Item>
        </Form>
        <Space wrap>
          {can('edit') || open === 'new' ? (
            <Button type="primary" onClick={save} data-testid="edu-content-save">
              {pick({ zh: '保存', en: 'Save' })}
            </Button>
          ) : null}
          {current && can('submit') ? (
            <Button onClick={() => run(() => staffEdu.action(current.id, 'submit'))} data-testid="edu-content-submit">
              {pick({ zh: '提交消保审查', en: 'Submit for review' })}
            </Button>
          ) : null}
          {current && can('review') ? (
            <>
              <Input
                placeholder={pick({ zh: '审查意见', en: 'Comment' })}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                style={{ width: 220 }}
              />
              <Button
                type="primary"
                onClick={() => run(() => staffEdu.action(current.id, 'review', { approve: true, ...(comment ? { comment } : {}) }))}
                data-testid="edu-content-approve"
              >
                {pick({ zh: '审查通过并发布', en: 'Approve' })}
              </Button>
              <Button danger onClick={() => run(() => staffEdu.action(current.id, 'review', { approve: false, comment: comment || '请修改' }))}>
                {pick({ zh: '退回修改', en: 'Return' })}
              </Button>
            </>
          ) : null}
          {current && can('archive') ? (
            <Button onClick={() => run(() => staffEdu.action(current.id, 'archive'))}>{pick({ zh: '归档', en: 'Archive' })}</Button>
          ) : null}
        </Space>
        {current ? (
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={current.versions}
            columns={[
              { title: 'v', dataIndex: 'version', width: 50 },
              { title: pick({ zh: '标题', en: 'Title' }), dataIndex: 'title' },
              { title: pick({ zh: '保存人', en: 'By' }), dataIndex: 'savedBy' },
              { title: pick({ zh: '说明', en: 'Note' }), dataIndex: 'note' },
            ]}
          />
        ) : null}
      </Drawer>
    </Page>
  );
};
