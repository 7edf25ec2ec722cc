import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useErrorText } from '../../../web/ui/errors.ts';
import { formatDateTime } from '../../../web/ui/format.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { MEDIA_TIERS } from '../contract.ts';
import { type SourceDetail, settingsApi } from './api.ts';
import { useSettingsText } from './settings-messages.ts';

const HEALTH_COLOR = { ok: 'green', failing: 'red', never: 'default', idle: 'blue' } as const;
type FeedForm = { code: string; name: string; url: string; mediaTier: string; pollMinutes: number };

/** Sources with their health; feeds can be added, edited, polled now or disabled. */
export const SourcesTab = () => {
  const t = useSettingsText();
  const { locale } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const req = useRequest(() => settingsApi.sources(), []);
  const push = useRequest(() => settingsApi.pushApi(), []);
  const [editing, setEditing] = useState<SourceDetail | 'new' | null>(null);
  const [form] = Form.useForm<FeedForm>();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : '—');

  const run = async (f: () => Promise<unknown>, done?: string) => {
    try {
      await f();
      if (done) message.success(done);
      req.reload();
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    }
  };
  const openEditor = (s: SourceDetail | 'new') => {
    setEditing(s);
    form.setFieldsValue(
      s === 'new'
        ? { code: '', name: '', url: '', mediaTier: 'industry', pollMinutes: 15 }
        : { code: s.code, name: s.name, url: s.url ?? '', mediaTier: s.mediaTier, pollMinutes: s.pollMinutes },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    const ok =
      editing === 'new'
        ? await run(() => settingsApi.createSource(v), t('saved'))
        : editing &&
          (await run(
            () =>
              settingsApi.updateSource(
                editing.id,
                editing.kind === 'rss'
                  ? { name: v.name, url: v.url, mediaTier: v.mediaTier, pollMinutes: v.pollMinutes }
                  : { name: v.name, mediaTier: v.mediaTier },
              ),
            t('saved'),
          ));
    if (ok) setEditing(null);
  };
  const poll = async (s: SourceDetail) => {
    try {
      const r = await settingsApi.pollSource(s.id);
      if (r.ok) message.success(t('src.polled', { n: r.accepted }));
      else message.error(t('src.pollFailed', { e: r.error ?? '' }));
    } catch (e) {
      message.error(errorText(e));
    }
    req.reload();
  };
  const isFeed = editing === 'new' || (editing !== null && editing.kind === 'rss');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {req.error ? <ErrorAlert error={req.error} onRetry={req.reload} /> : null}
      <Button type="primary" onClick={() => openEditor('new')} data-testid="source-add">
        {t('src.addFeed')}
      </Button>
      <Table<SourceDetail>
        rowKey="id"
        size="small"
        data-testid="settings-sources"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('name'), render: (_, s) => <span data-testid={`source-${s.code}`}>{`${s.name} (${s.code})`}</span> },
          { title: t('kind'), render: (_, s) => <Tag>{t(`kind.${s.kind as 'rss'}`)}</Tag> },
          { title: t('src.tier'), dataIndex: 'mediaTier' },
          { title: t('src.health'), render: (_, s) => <Tag color={HEALTH_COLOR[s.health]}>{t(`health.${s.health}`)}</Tag> },
          { title: t('src.lastOk'), render: (_, s) => when(s.lastOkAt) },
          { title: t('src.nextPoll'), render: (_, s) => (s.kind === 'rss' ? when(s.nextPollAt) : '—') },
          { title: t('src.failures'), dataIndex: 'consecutiveFailures' },
          {
            title: t('src.error'),
            render: (_, s) => (s.lastErrorCode ? <Typography.Text type="danger">{`${s.lastErrorCode}: ${s.lastError ?? ''}`}</Typography.Text> : ''),
          },
          { title: t('src.posts'), dataIndex: 'postCount' },
          {
            title: t('enabled'),
            render: (_, s) => (
              <Switch
                size="small"
                checked={s.enabled}
                aria-label={`${t('enabled')} ${s.code}`}
                onChange={(enabled) => run(() => settingsApi.updateSource(s.id, { enabled }))}
              />
            ),
          },
          {
            title: '',
            render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => openEditor(s)}>
                  {t('edit')}
                </Button>
                {s.kind === 'rss' ? (
                  <Button size="small" onClick={() => poll(s)} disabled={!s.enabled}>
                    {t('src.pollNow')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {push.data ? (
        <Card size="small" title={t('push.title')} data-testid="push-api">
          <Typography.Paragraph>{t('push.help', { scope: push.data.scope, header: push.data.header, max: push.data.maxBatch })}</Typography.Paragraph>
          <Typography.Paragraph code copyable>
            {`curl -X POST ${window.location.origin}${push.data.endpoint} -H '${push.data.header}: <key>' -H 'content-type: application/json' -d '{"posts":[{"source":"vendor-a","externalId":"1","publishedAt":"2026-11-27T08:00:00+08:00","text":"…"}]}'`}
          </Typography.Paragraph>
        </Card>
      ) : null}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('src.addFeed') : t('edit')}
        onOk={save}
        onCancel={() => setEditing(null)}
        okText={t('save')}
        cancelText={t('cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="code" label={t('src.code')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/ }]}>
            <Input disabled={editing !== 'new'} placeholder="caixin-rss" />
          </Form.Item>
          <Form.Item name="name" label={t('name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          {isFeed ? (
            <>
              <Form.Item name="url" label={t('src.url')} rules={[{ required: true, type: 'url' }]}>
                <Input placeholder="https://…/rss.xml" />
              </Form.Item>
              <Form.Item name="pollMinutes" label={t('src.poll')} rules={[{ required: true }]}>
                <InputNumber min={1} max={1440} />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="mediaTier" label={t('src.tier')} rules={[{ required: true }]}>
            <Select options={MEDIA_TIERS.map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
};
