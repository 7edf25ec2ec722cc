import { App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useErrorText } from '../../../web/ui/errors.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { CHANNEL_KINDS } from '../contract.ts';
import { type Channel, settingsApi } from './api.ts';
import { useSettingsText } from './settings-messages.ts';

type CForm = { kind: Channel['kind']; name: string; url?: string; to?: string[] };

/** Alert channels: 企业微信 / 钉钉 robots and e-mail lists, with their delivery record. */
export const ChannelsTab = () => {
  const t = useSettingsText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const req = useRequest(() => settingsApi.channels(), []);
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const [form] = Form.useForm<CForm>();
  const kind = Form.useWatch('kind', form);

  const openEditor = (c: Channel | 'new') => {
    setEditing(c);
    form.resetFields();
    form.setFieldsValue(c === 'new' ? { kind: 'wecom', name: '' } : { kind: c.kind, name: c.name });
  };
  // Targets are shown masked (robot tokens, addresses), so an edit keeps them unless re-entered.
  const save = async () => {
    const v = await form.validateFields();
    const target = v.kind === 'email' ? (v.to?.length ? { to: v.to } : {}) : v.url ? { url: v.url } : {};
    try {
      if (editing === 'new') await settingsApi.createChannel({ kind: v.kind, name: v.name, ...target });
      else if (editing) await settingsApi.updateChannel(editing.id, { name: v.name, ...target });
      message.success(t('saved'));
      setEditing(null);
      req.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const toggle = async (c: Channel, enabled: boolean) => {
    try {
      await settingsApi.updateChannel(c.id, { enabled });
      req.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const isNew = editing === 'new';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {req.error ? <ErrorAlert error={req.error} onRetry={req.reload} /> : null}
      <Button type="primary" onClick={() => openEditor('new')} data-testid="channel-add">
        {t('add')}
      </Button>
      <Table<Channel>
        rowKey="id"
        size="small"
        data-testid="settings-channels"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('kind'), render: (_, c) => <Tag color={c.kind === 'email' ? 'blue' : 'green'}>{t(`ch.kind.${c.kind}`)}</Tag> },
          { title: t('ch.target'), render: (_, c) => <Typography.Text code>{c.target}</Typography.Text> },
          { title: t('ch.deliveries'), render: (_, c) => `${c.sent} / ${c.failed} / ${c.pending}` },
          { title: t('src.error'), render: (_, c) => (c.lastError ? <Typography.Text type="danger">{c.lastError}</Typography.Text> : '') },
          {
            title: t('enabled'),
            render: (_, c) => <Switch size="small" checked={c.enabled} aria-label={`${t('enabled')} ${c.name}`} onChange={(on) => toggle(c, on)} />,
          },
          {
            title: '',
            render: (_, c) => (
              <Button size="small" onClick={() => openEditor(c)}>
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={isNew ? t('add') : t('edit')}
        onOk={save}
        onCancel={() => setEditing(null)}
        okText={t('save')}
        cancelText={t('cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
            <Select disabled={!isNew} options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`ch.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          {kind === 'email' ? (
            <Form.Item
              name="to"
              label={t('ch.to')}
              extra={isNew ? undefined : t('ch.keepTarget')}
              rules={[{ required: isNew, type: 'array', defaultField: { type: 'email' } }]}
            >
              <Select mode="tags" tokenSeparators={[',', ';', ' ']} />
            </Form.Item>
          ) : (
            <Form.Item name="url" label={t('ch.url')} extra={isNew ? undefined : t('ch.keepTarget')} rules={[{ required: isNew, type: 'url' }]}>
              <Input placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
};
