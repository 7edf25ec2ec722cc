import { App, Button, Card, Form, Input, Progress, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { useErrorText } from '../../../web/ui/errors.ts';
import { formatDateTime } from '../../../web/ui/format.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { type ImportJob, settingsApi } from './api.ts';
import { useSettingsText } from './settings-messages.ts';

const STATUS_COLOR = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;
type IForm = { source: string; format: 'csv' | 'jsonl' };

/** File import: the server takes the file as a job; the page polls its progress and shows the rejected rows. */
export const ImportTab = () => {
  const t = useSettingsText();
  const { locale } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<IForm>();
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [starting, setStarting] = useState(false);
  const recent = useRequest(() => settingsApi.importJobs(), [job?.status]);

  useEffect(() => {
    if (!jobId) return;
    let stop = false;
    const tick = async () => {
      try {
        const j = await settingsApi.importJob(jobId);
        if (stop) return;
        setJob(j);
        if (j.status === 'queued' || j.status === 'running') setTimeout(tick, 400);
      } catch (e) {
        if (!stop) message.error(errorText(e));
      }
    };
    void tick();
    return () => {
      stop = true;
    };
  }, [jobId, message, errorText]);

  const start = async () => {
    const v = await form.validateFields();
    if (!file) {
      message.warning(t('imp.noFile'));
      return;
    }
    setStarting(true);
    try {
      const r = await settingsApi.startImport({ format: v.format, source: v.source, content: await file.text(), fileName: file.name });
      setJob(null);
      setJobId(r.id);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setStarting(false);
    }
  };
  const percent = job ? Math.floor((job.processed / Math.max(1, job.total)) * 100) : 0;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('imp.help')}</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ format: 'csv', source: 'file-import' }}>
        <Form.Item name="source" label={t('imp.source')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/ }]}>
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="format" label={t('imp.format')}>
          <Select
            style={{ width: 140 }}
            options={[
              { value: 'csv', label: 'CSV' },
              { value: 'jsonl', label: 'JSON Lines' },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Upload
            accept=".csv,.jsonl,.ndjson,.txt"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              if (/\.(jsonl|ndjson)$/i.test(f.name)) form.setFieldValue('format', 'jsonl');
              if (/\.csv$/i.test(f.name)) form.setFieldValue('format', 'csv');
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button data-testid="import-file">{t('imp.file')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Button type="primary" onClick={start} loading={starting} data-testid="import-start">
            {t('imp.start')}
          </Button>
        </Form.Item>
      </Form>
      {job ? (
        <Card size="small" data-testid="import-job" data-status={job.status}>
          <Progress
            percent={percent}
            status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
            data-testid="import-progress"
          />
          <Typography.Text>{t('imp.progress', { processed: job.processed, total: job.total })}</Typography.Text>
          <Space size={32} style={{ display: 'flex', margin: '12px 0' }} data-testid="import-result">
            <Statistic title={t('imp.accepted')} value={job.accepted} />
            <Statistic title={t('imp.duplicate')} value={job.duplicate} />
            <Statistic title={t('imp.errors')} value={job.rejected} valueStyle={job.rejected ? { color: '#cf1322' } : undefined} />
          </Space>
          {job.errors.length ? (
            <Table
              rowKey={(e) => `${e.index}-${e.reason}`}
              size="small"
              data-testid="import-errors"
              title={() => t('imp.errors')}
              dataSource={job.errors}
              pagination={{ pageSize: 20, showSizeChanger: false }}
              columns={[
                { title: t('imp.row'), dataIndex: 'index', width: 80 },
                { title: t('imp.externalId'), render: (_, e) => e.externalId ?? '—' },
                { title: t('imp.field'), render: (_, e) => e.field || '—' },
                { title: t('imp.reason'), dataIndex: 'reason' },
              ]}
            />
          ) : null}
        </Card>
      ) : null}
      <Table<ImportJob>
        rowKey="id"
        size="small"
        title={() => t('imp.recent')}
        dataSource={recent.data?.items ?? []}
        pagination={false}
        onRow={(j) => ({ onClick: () => setJobId(j.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('imp.fileName'), render: (_, j) => j.fileName ?? j.source },
          { title: '', render: (_, j) => <Tag color={STATUS_COLOR[j.status]}>{t(`imp.status.${j.status}`)}</Tag> },
          { title: t('imp.counts'), render: (_, j) => `${j.accepted} / ${j.duplicate} / ${j.rejected}` },
          { title: '', render: (_, j) => `${j.createdBy} · ${formatDateTime(j.createdAt, locale)}` },
        ]}
      />
    </Space>
  );
};
