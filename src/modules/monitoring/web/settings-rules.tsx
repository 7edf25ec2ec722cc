import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useErrorText } from '../../../web/ui/errors.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { GRADES, MEDIA_TIERS } from '../contract.ts';
import { type GradeRule, type RuleCondition, settingsApi } from './api.ts';
import { useText } from './messages.ts';
import { GradeTag } from './parts.tsx';
import { type SText, useSettingsText } from './settings-messages.ts';

type RForm = { grade: GradeRule['grade']; name: string; priority: number } & RuleCondition;
const CONDITION_KEYS = ['minReach', 'minFollowers', 'tiers', 'anyTerms', 'negativeOnly', 'minStoryPostsPerHour', 'minLinkedComplaints'] as const;

/** One readable tag per condition, in the words of the form. */
const conditionTags = (c: RuleCondition, t: SText) => {
  const out: string[] = [];
  if (c.minReach !== undefined) out.push(`${t('rule.minReach')} ${c.minReach}`);
  if (c.minFollowers !== undefined) out.push(`${t('rule.minFollowers')} ${c.minFollowers}`);
  if (c.tiers) out.push(`${t('rule.tiers')}: ${c.tiers.join('/')}`);
  if (c.anyTerms) out.push(`${t('rule.anyTerms')}: ${c.anyTerms.join('、')}`);
  if (c.negativeOnly) out.push(t('rule.negativeOnly'));
  if (c.minStoryPostsPerHour !== undefined) out.push(`${t('rule.storyPerHour')} ${c.minStoryPostsPerHour}`);
  if (c.minLinkedComplaints !== undefined) out.push(`${t('rule.linkedComplaints')} ${c.minLinkedComplaints}`);
  return out;
};

/** Grading rules in the order they are tried, how often each fired, with an editor. */
export const RulesTab = () => {
  const t = useSettingsText();
  const ot = useText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const req = useRequest(() => settingsApi.rules(), []);
  const [editing, setEditing] = useState<GradeRule | 'new' | null>(null);
  const [form] = Form.useForm<RForm>();

  const openEditor = (r: GradeRule | 'new') => {
    setEditing(r);
    form.resetFields();
    form.setFieldsValue(
      r === 'new' ? { grade: 'III', name: '', priority: 50, negativeOnly: true } : { grade: r.grade, name: r.name, priority: r.priority, ...r.condition },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    const condition = Object.fromEntries(
      CONDITION_KEYS.map((k) => [k, v[k]]).filter(
        ([k, x]) => x !== undefined && x !== null && !(Array.isArray(x) && x.length === 0) && !(k === 'negativeOnly' && x === false),
      ),
    );
    const body = { grade: v.grade, name: v.name, priority: v.priority, condition };
    try {
      if (editing === 'new') await settingsApi.createRule(body);
      else if (editing) await settingsApi.updateRule(editing.id, body);
      message.success(t('saved'));
      setEditing(null);
      req.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const toggle = async (r: GradeRule, enabled: boolean) => {
    try {
      await settingsApi.updateRule(r.id, { enabled });
      req.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {req.error ? <ErrorAlert error={req.error} onRetry={req.reload} /> : null}
      <Typography.Text type="secondary">{t('rule.help')}</Typography.Text>
      <Button type="primary" onClick={() => openEditor('new')} data-testid="rule-add">
        {t('add')}
      </Button>
      <Table<GradeRule>
        rowKey="id"
        size="small"
        data-testid="settings-rules"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('rule.grade'), render: (_, r) => <GradeTag grade={r.grade} t={ot} /> },
          { title: t('name'), dataIndex: 'name' },
          { title: t('rule.priority'), dataIndex: 'priority' },
          { title: t('rule.condition'), render: (_, r) => conditionTags(r.condition, t).map((c) => <Tag key={c}>{c}</Tag>) },
          { title: t('rule.fired'), render: (_, r) => <span data-testid={`rule-fired-${r.id}`}>{r.fired7d}</span> },
          {
            title: t('enabled'),
            render: (_, r) => (
              <Switch size="small" checked={r.enabled} disabled={!r.canEdit} aria-label={`${t('enabled')} ${r.name}`} onChange={(on) => toggle(r, on)} />
            ),
          },
          {
            title: '',
            render: (_, r) =>
              r.canEdit ? (
                <Button size="small" onClick={() => openEditor(r)}>
                  {t('edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={editing !== null}
        width={680}
        title={editing === 'new' ? t('add') : t('edit')}
        onOk={save}
        onCancel={() => setEditing(null)}
        okText={t('save')}
        cancelText={t('cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Space wrap>
            <Form.Item name="grade" label={t('rule.grade')} rules={[{ required: true }]}>
              <Select style={{ width: 140 }} options={GRADES.map((g) => ({ value: g, label: ot(`grade.${g}`) }))} />
            </Form.Item>
            <Form.Item name="priority" label={t('rule.priority')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
          </Space>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Typography.Text strong>{t('rule.condition')}</Typography.Text>
          <Space wrap>
            <Form.Item name="minReach" label={t('rule.minReach')}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="minFollowers" label={t('rule.minFollowers')}>
              <InputNumber min={0} />
            </Form.Item>
            <Form.Item name="minStoryPostsPerHour" label={t('rule.storyPerHour')}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="minLinkedComplaints" label={t('rule.linkedComplaints')}>
              <InputNumber min={1} />
            </Form.Item>
          </Space>
          <Form.Item name="tiers" label={t('rule.tiers')}>
            <Select mode="multiple" options={MEDIA_TIERS.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
          <Form.Item name="anyTerms" label={t('rule.anyTerms')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
          <Form.Item name="negativeOnly" label={t('rule.negativeOnly')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
};
