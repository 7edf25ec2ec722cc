import { Alert, Button, Checkbox, Input, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { type ImportReport, staffEdu } from './api.ts';

const TYPE: Record<string, string> = { single: '单选', multiple: '多选', truefalse: '判断', fill: '填空' };

/** 题库: browse and search by bank; import CSV/JSON with the row-level report. */
export const QuestionsPage = () => {
  const { pick } = useI18n();
  const [bank, setBank] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const list = useRequest(() => staffEdu.questions({ bank, q: q || undefined }), [bank, q]);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [target, setTarget] = useState('import');
  const [skip, setSkip] = useState(false);

  const upload = async (file: File) => {
    setError(null);
    setReport(null);
    try {
      const content = await file.text();
      const r = await staffEdu.importQuestions({ format: file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json', content, bank: target, skipInvalid: skip });
      setReport(r);
      list.reload();
    } catch (e) {
      setError(e);
    }
    return false;
  };

  return (
    <Page title={pick({ zh: '题库', en: 'Question bank' })} testId="edu-questions-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={pick({ zh: '题库', en: 'Bank' })}
          style={{ width: 200 }}
          value={bank}
          onChange={setBank}
          options={(list.data?.banks ?? []).map((b) => ({ value: b.bank, label: `${b.bank} (${b.count})` }))}
        />
        <Input.Search allowClear placeholder={pick({ zh: '搜索题干', en: 'Search' })} onSearch={setQ} style={{ width: 260 }} />
        <Input addonBefore={pick({ zh: '导入到', en: 'Into' })} value={target} onChange={(e) => setTarget(e.target.value)} style={{ width: 220 }} />
        <Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)}>
          {pick({ zh: '跳过错误行', en: 'Skip bad rows' })}
        </Checkbox>
        <Upload accept=".csv,.json" showUploadList={false} beforeUpload={upload}>
          <Button type="primary" data-testid="edu-import">
            {pick({ zh: '导入 CSV/JSON', en: 'Import CSV/JSON' })}
          </Button>
        </Upload>
      </Space>
      {error ? <ErrorAlert error={error} /> : null}
      {report ? (
        <Alert
          style={{ marginBottom: 12 }}
          type={report.errors.length ? 'warning' : 'success'}
          message={pick({
            zh: `共 ${report.total} 行，导入 ${report.imported} 题，错误 ${report.errors.length} 行，提示 ${report.warnings.length} 行`,
            en: `${report.total} rows, ${report.imported} imported, ${report.errors.length} errors, ${report.warnings.length} warnings`,
          })}
          description={[...report.errors, ...report.warnings]
            .slice(0, 20)
            .map((e) => `第 ${e.row} 行 ${e.field}: ${e.issue}`)
            .join('；')}
        />
      ) : null}
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: pick({ zh: '题干', en: 'Stem' }), dataIndex: 'stem' },
          { title: pick({ zh: '题型', en: 'Type' }), dataIndex: 'type', width: 70, render: (t: string) => TYPE[t] ?? t },
          { title: pick({ zh: '答案', en: 'Answer' }), dataIndex: 'answer', width: 90, render: (a: string[]) => a.join(' / ') },
          { title: pick({ zh: '难度', en: 'Level' }), dataIndex: 'difficulty', width: 60 },
          { title: pick({ zh: '标签', en: 'Tags' }), dataIndex: 'tags', width: 200, render: (ts: string[]) => ts.map((t) => <Tag key={t}>{t}</Tag>) },
        ]}
        footer={() => pick({ zh: `共 ${list.data?.total ?? 0} 题（显示前 50 题）`, en: `${list.data?.total ?? 0} questions (first 50 shown)` })}
      />
    </Page>
  );
};
