import { App, Button, Empty, Form, Input, InputNumber, List, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api-client.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useErrorText } from '../../../web/ui/errors.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { type QueryPreview, settingsApi, type Watchlist } from './api.ts';
import { useText } from './messages.ts';
import { GradeTag, SentimentTag } from './parts.tsx';
import { useSettingsText } from './settings-messages.ts';

const KINDS = ['brand', 'product', 'executive', 'topic'] as const;
type WForm = { name: string; kind: (typeof KINDS)[number]; query: string; spikeK: number; spikeMinCount: number };

/** Watchlists with a Boolean query editor and "test this query" against recent posts. */
export const WatchlistsTab = () => {
  const t = useSettingsText();
  const ot = useText();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const req = useRequest(() => settingsApi.watchlists(), []);
  const [editing, setEditing] = useState<Watchlist | 'new' | null>(null);
  const [preview, setPreview] = useState<QueryPreview | null>(null);
  const [testing, setTesting] = useState(false);
  const [form] = Form.useForm<WForm>();

  const openEditor = (w: Watchlist | 'new') => {
    setEditing(w);
    setPreview(null);
    form.setFieldsValue(w === 'new' ? { name: '', kind: 'topic', query: '', spikeK: 3, spikeMinCount: 5 } : { ...w, kind: w.kind as WForm['kind'] });
  };
  /** A refused query is shown on the query field itself, with the position the server named. */
  const showQueryError = (e: unknown) => {
    const d = isApiError(e) ? e.details.find((x) => x.field === 'body.query') : undefined;
    if (d) form.setFields([{ name: 'query', errors: [`${d.issue}${d.message ? ` (${d.message})` : ''}`] }]);
    else message.error(errorText(e));
  };
  const test = async () => {
    const query = form.getFieldValue('query') as string;
    if (!query?.trim()) return;
    setTesting(true);
    try {
      setPreview(await settingsApi.preview(query));
      form.setFields([{ name: 'query', errors: [] }]);
    } catch (e) {
      setPreview(null);
      showQueryError(e);
    } finally {
      setTesting(false);
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing === 'new') await settingsApi.createWatchlist(v);
      else if (editing) await settingsApi.updateWatchlist(editing.id, v);
      message.success(t('saved'));
      setEditing(null);
      req.reload();
    } catch (e) {
      showQueryError(e);
    }
  };
  const toggle = async (w: Watchlist, enabled: boolean) => {
    try {
      await settingsApi.updateWatchlist(w.id, { enabled });
      req.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {req.error ? <ErrorAlert error={req.error} onRetry={req.reload} /> : null}
      <Button type="primary" onClick={() => openEditor('new')} data-testid="watchlist-add">
        {t('add')}
      </Button>
      <Table<Watchlist>
        rowKey="id"
        size="small"
        data-testid="settings-watchlists"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('kind'), render: (_, w) => <Tag>{t(`wl.kind.${w.kind as 'topic'}`)}</Tag> },
          { title: t('wl.query'), render: (_, w) => <Typography.Text code>{w.query}</Typography.Text> },
          { title: t('wl.matched'), dataIndex: 'matched7d' },
          { title: t('wl.spikeK'), render: (_, w) => `${w.spikeK} / ${w.spikeMinCount}` },
          {
            title: t('enabled'),
            render: (_, w) => <Switch size="small" checked={w.enabled} aria-label={`${t('enabled')} ${w.name}`} onChange={(on) => toggle(w, on)} />,
          },
          {
            title: '',
            render: (_, w) => (
              <Button size="small" onClick={() => openEditor(w)} data-testid={`watchlist-edit-${w.name}`}>
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        width={760}
        title={editing === 'new' ? t('add') : t('edit')}
        onOk={save}
        onCancel={() => setEditing(null)}
        okText={t('save')}
        cancelText={t('cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`wl.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="query" label={t('wl.query')} extra={t('wl.queryHelp')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={3} data-testid="watchlist-query" placeholder='(工行 OR 工商银行) AND (投诉 OR 维权) NOT "招聘"' />
          </Form.Item>
          <Space>
            <Form.Item name="spikeK" label={t('wl.spikeK')}>
              <InputNumber min={0.5} max={10} step={0.5} />
            </Form.Item>
            <Form.Item name="spikeMinCount" label={t('wl.spikeMin')}>
              <InputNumber min={1} max={10000} />
            </Form.Item>
          </Space>
        </Form>
        <Button onClick={test} loading={testing} data-testid="watchlist-test">
          {t('wl.test')}
        </Button>
        {preview ? (
          <div data-testid="watchlist-preview" style={{ marginTop: 12 }}>
            <Typography.Text strong>{t('wl.preview', { scanned: preview.scanned, matched: preview.matched })}</Typography.Text>
            {preview.samples.length ? (
              <List
                size="small"
                dataSource={preview.samples}
                renderItem={(s) => (
                  <List.Item>
                    <Space direction="vertical" size={2}>
                      <span>
                        <SentimentTag s={s.sentiment} t={ot} />
                        <GradeTag grade={s.grade} t={ot} />
                        {s.terms.map((term) => (
                          <Tag key={term} color="purple">
                            {term}
                          </Tag>
                        ))}
                        <Typography.Text type="secondary">{s.source}</Typography.Text>
                      </span>
                      <span>{s.excerpt}</span>
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </div>
        ) : null}
      </Modal>
    </Space>
  );
};
