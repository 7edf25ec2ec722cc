import { Alert, Button, Input, Progress, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { CHANNEL_LABELS, type TChannelCode, type TCustomer, type TImportStatus } from '../contract.ts';
import { outreachApi } from './api.ts';

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** 客户名录: masked list, audited reveal, CSV/XLSX import with progress and a row-level error report. */
export const CustomersPage = () => {
  const { pick, locale } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useRequest(() => outreachApi.customers({ q: q || undefined, limit: 20, offset: (page - 1) * 20 }), [q, page]);
  const [status, setStatus] = useState<TImportStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revealed, setRevealed] = useState<Record<string, TCustomer>>({});

  const upload = async (file: File) => {
    setError(null);
    setStatus(null);
    try {
      const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
      const { id } = await outreachApi.startImport({
        fileName: file.name,
        format: isXlsx ? 'xlsx' : 'csv',
        content: isXlsx ? await toBase64(file) : await file.text(),
      });
      for (;;) {
        const s = await outreachApi.importStatus(id);
        setStatus(s);
        if (s.status === 'done' || s.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      list.reload();
    } catch (e) {
      setError(e);
    }
    return false;
  };
  const reveal = async (c: TCustomer) => {
    const reason = window.prompt(pick({ zh: '请填写查看原因（将记录审计日志）', en: 'Reason (audited)' }));
    if (!reason) return;
    try {
      const full = await outreachApi.reveal(c.id, reason);
      setRevealed((r) => ({ ...r, [c.id]: full }));
    } catch (e) {
      setError(e);
    }
  };
  const ch = (c: string) => CHANNEL_LABELS[c as TChannelCode]?.[locale === 'en-US' ? 1 : 0] ?? c;

  return (
    <Page
      title={pick({ zh: '客户名录', en: 'Customers' })}
      testId="outreach-customers-page"
      extra={
        <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={upload}>
          <Button type="primary" data-testid="outreach-import">
            {pick({ zh: '导入 CSV/XLSX', en: 'Import CSV/XLSX' })}
          </Button>
        </Upload>
      }
    >
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search allowClear placeholder={pick({ zh: '姓名或完整手机号', en: 'Name or full mobile' })} onSearch={setQ} style={{ width: 280 }} />
        <span style={{ opacity: 0.7 }}>
          {pick({ zh: '个人信息默认脱敏显示；查看完整信息需填写原因并留痕。', en: 'Personal data is masked; revealing is audited.' })}
        </span>
      </Space>
      <ErrorAlert error={error || list.error} />
      {status ? (
        <Alert
          style={{ marginBottom: 12 }}
          type={status.errors.length ? 'warning' : 'success'}
          data-testid="outreach-import-report"
          message={
            <Space direction="vertical" style={{ width: '100%' }}>
              <Progress percent={Math.round((100 * status.processed) / Math.max(1, status.total))} data-testid="outreach-import-progress" />
              <span>
                {pick({
                  zh: `共 ${status.total} 行，已导入 ${status.imported}，重复 ${status.duplicates}，错误 ${status.errors.length}`,
                  en: `${status.total} rows, ${status.imported} imported, ${status.duplicates} duplicates, ${status.errors.length} errors`,
                })}
              </span>
              {status.errors.length ? (
                <Table
                  size="small"
                  rowKey={(e) => `${e.row}-${e.field}`}
                  pagination={{ pageSize: 10 }}
                  dataSource={status.errors}
                  columns={[
                    { title: pick({ zh: '行', en: 'Row' }), dataIndex: 'row', width: 70 },
                    { title: pick({ zh: '字段', en: 'Field' }), dataIndex: 'field', width: 140 },
                    { title: pick({ zh: '问题', en: 'Issue' }), dataIndex: 'issue' },
                  ]}
                />
              ) : null}
            </Space>
          }
        />
      ) : null}
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: pick({ zh: '姓名', en: 'Name' }), render: (_, c) => (revealed[c.id] ?? c).name },
          { title: pick({ zh: '手机号', en: 'Mobile' }), render: (_, c) => (revealed[c.id] ?? c).mobile },
          { title: pick({ zh: '邮箱', en: 'E-mail' }), render: (_, c) => (revealed[c.id] ?? c).email },
          { title: pick({ zh: '年龄段', en: 'Age' }), dataIndex: 'ageBand' },
          { title: pick({ zh: '职业', en: 'Occupation' }), dataIndex: 'occupation' },
          { title: pick({ zh: '归属网点', en: 'Outlet' }), dataIndex: 'homeOrgCode' },
          {
            title: pick({ zh: '授权渠道', en: 'Consents' }),
            render: (_, c) =>
              c.consents.map((x) => (
                <Tag key={x} color={c.optOuts.includes(x) ? 'default' : 'blue'}>
                  {ch(x)}
                  {c.optOuts.includes(x) ? pick({ zh: '（已退订）', en: ' (opted out)' }) : ''}
                </Tag>
              )),
          },
          {
            title: '',
            render: (_, c) =>
              revealed[c.id] ? null : (
                <Button size="small" onClick={() => reveal(c)} data-testid="outreach-reveal">
                  {pick({ zh: '查看完整', en: 'Reveal' })}
                </Button>
              ),
          },
        ]}
      />
    </Page>
  );
};
