import { Button, Descriptions, Drawer, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { FRAUD_TYPES, type TRiskAlert } from '../contract.ts';
import { outreachApi } from './api.ts';

const STATUS: Record<string, [string, string, string]> = {
  draft: ['草稿', 'Draft', 'default'],
  in_review: ['消保审查中', 'In review', 'orange'],
  published: ['已发布', 'Published', 'green'],
  archived: ['已下线', 'Archived', 'default'],
};

/** 风险提示: write, 消保审查 by another person, publish to the portal, push to segments, see the complaint trend. */
export const RiskAlertsPage = () => {
  const { pick, locale } = useI18n();
  const en = locale === 'en-US' ? 1 : 0;
  const navigate = useNavigate();
  const list = useRequest(() => outreachApi.alerts(), []);
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState<TRiskAlert | null>(null);
  const [effect, setEffect] = useState<{ before: number; after: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const act = async (fn: () => Promise<TRiskAlert>) => {
    setError(null);
    try {
      setOpen(await fn());
      list.reload();
    } catch (e) {
      setError(e);
    }
  };
  const create = async (v: Record<string, unknown>) => {
    await act(() =>
      outreachApi.createAlert({
        ...v,
        keywords: String(v.keywords ?? '')
          .split(/[,，\s]+/)
          .filter(Boolean),
      }),
    );
    setEditing(false);
  };

  return (
    <Page
      title={pick({ zh: '风险提示', en: 'Risk alerts' })}
      testId="outreach-alerts-page"
      extra={
        <Button type="primary" onClick={() => setEditing(true)} data-testid="alert-new">
          {pick({ zh: '撰写风险提示', en: 'New risk alert' })}
        </Button>
      }
    >
      <ErrorAlert error={error} />
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(r) => ({
          onClick: () => {
            setOpen(r);
            setEffect(null);
            if (r.status === 'published') outreachApi.effect(r.id).then(setEffect, () => {});
          },
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: pick({ zh: '标题', en: 'Title' }), dataIndex: 'title' },
          { title: pick({ zh: '诈骗类型', en: 'Fraud type' }), dataIndex: 'fraudType' },
          { title: pick({ zh: '状态', en: 'Status' }), render: (_, r) => <Tag color={STATUS[r.status]?.[2]}>{STATUS[r.status]?.[en]}</Tag> },
          { title: pick({ zh: '作者', en: 'Author' }), dataIndex: 'authorName' },
          { title: pick({ zh: '审查人', en: 'Reviewer' }), dataIndex: 'reviewerName' },
        ]}
      />
      <Drawer open={editing} onClose={() => setEditing(false)} width={640} title={pick({ zh: '撰写风险提示', en: 'New risk alert' })}>
        <Form layout="vertical" onFinish={create} initialValues={{ whereToReport: '拨打全国反诈专线 96110 或报警 110；也可拨打本行客服热线。' }}>
          <Form.Item name="fraudType" label={pick({ zh: '诈骗类型', en: 'Fraud type' })} rules={[{ required: true }]}>
            <Select data-testid="alert-type" options={FRAUD_TYPES.map((f) => ({ value: f, label: f }))} />
          </Form.Item>
          <Form.Item name="title" label={pick({ zh: '标题', en: 'Title' })} rules={[{ required: true, min: 2 }]}>
            <Input data-testid="alert-title" />
          </Form.Item>
          <Form.Item name="whatHappens" label={pick({ zh: '骗局是怎样的', en: 'What happens' })} rules={[{ required: true, min: 10 }]}>
            <Input.TextArea rows={3} data-testid="alert-what" />
          </Form.Item>
          <Form.Item name="howToProtect" label={pick({ zh: '如何防范', en: 'How to protect yourself' })} rules={[{ required: true, min: 10 }]}>
            <Input.TextArea rows={3} data-testid="alert-how" />
          </Form.Item>
          <Form.Item name="whereToReport" label={pick({ zh: '在哪里举报', en: 'Where to report' })} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="keywords" label={pick({ zh: '关键词（用于统计相关投诉）', en: 'Keywords (for the complaint trend)' })}>
            <Input />
          </Form.Item>
          <Form.Item name="citedNote" label={pick({ zh: '起因（舆情事件或投诉趋势）', en: 'Prompted by' })}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="alert-save">
            {pick({ zh: '保存草稿', en: 'Save draft' })}
          </Button>
        </Form>
      </Drawer>
      <Drawer open={Boolean(open)} onClose={() => setOpen(null)} width={640} title={open?.title} data-testid="alert-detail">
        {open ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Tag color={STATUS[open.status]?.[2]} data-testid="alert-status">
              {STATUS[open.status]?.[en]}
            </Tag>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={pick({ zh: '诈骗类型', en: 'Type' })}>{open.fraudType}</Descriptions.Item>
              <Descriptions.Item label={pick({ zh: '骗局是怎样的', en: 'What happens' })}>{open.whatHappens}</Descriptions.Item>
              <Descriptions.Item label={pick({ zh: '如何防范', en: 'Protect yourself' })}>{open.howToProtect}</Descriptions.Item>
              <Descriptions.Item label={pick({ zh: '在哪里举报', en: 'Report to' })}>{open.whereToReport}</Descriptions.Item>
              {open.reviewComment ? <Descriptions.Item label={pick({ zh: '审查意见', en: 'Review' })}>{open.reviewComment}</Descriptions.Item> : null}
              {effect ? (
                <Descriptions.Item label={pick({ zh: '相关投诉（发布前/后 6 周）', en: 'Matching complaints (6 weeks before/after)' })}>
                  <span data-testid="alert-effect">{`${effect.before} → ${effect.after}`}</span>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <Space wrap>
              {open.allowedActions.includes('submit') ? (
                <Button onClick={() => act(() => outreachApi.alertAction(open.id, 'submit'))} data-testid="alert-submit">
                  {pick({ zh: '提交消保审查', en: 'Submit for review' })}
                </Button>
              ) : null}
              {open.allowedActions.includes('review') ? (
                <>
                  <Button
                    type="primary"
                    onClick={() => act(() => outreachApi.alertAction(open.id, 'review', { approve: true, comment: '审查通过' }))}
                    data-testid="alert-approve"
                  >
                    {pick({ zh: '审查通过并发布', en: 'Approve and publish' })}
                  </Button>
                  <Button danger onClick={() => act(() => outreachApi.alertAction(open.id, 'review', { approve: false, comment: '请修改' }))}>
                    {pick({ zh: '退回修改', en: 'Return' })}
                  </Button>
                </>
              ) : null}
              {open.allowedActions.includes('push') ? (
                <Button type="primary" onClick={() => navigate(`/outreach/pushes?kind=risk_alert&ref=${open.id}`)} data-testid="alert-push">
                  {pick({ zh: '推送给客户', en: 'Push to customers' })}
                </Button>
              ) : null}
              {open.allowedActions.includes('archive') ? (
                <Button onClick={() => act(() => outreachApi.alertAction(open.id, 'archive'))}>{pick({ zh: '下线', en: 'Archive' })}</Button>
              ) : null}
            </Space>
          </Space>
        ) : null}
      </Drawer>
    </Page>
  );
};
