import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { staffEdu } from './api.ts';

const none = Promise.resolve(null);
/** Rules of thumb: D ≥ 0.3 separates well; < 0.2 (or negative) needs a look at the question. */
const dTag = (d: number | null) => (d === null ? '—' : <Tag color={d >= 0.3 ? 'green' : d >= 0.2 ? 'gold' : 'red'}>{d.toFixed(2)}</Tag>);

/** 题目分析: facility and discrimination per question, knowledge gain of a pre/post pair, exports. */
export const AnalysisPage = () => {
  const { pick } = useI18n();
  const quizzes = useRequest(() => staffEdu.quizzes(), []);
  const [quizId, setQuizId] = useState<string | null>(null);
  const [pre, setPre] = useState<string | null>(null);
  const [post, setPost] = useState<string | null>(null);
  const items = useRequest(() => (quizId ? staffEdu.itemAnalysis(quizId) : none), [quizId]);
  const gain = useRequest(() => (pre && post ? staffEdu.knowledgeGain(pre, post) : none), [pre, post]);
  const options = (quizzes.data?.items ?? []).map((q) => ({ value: q.id, label: q.title }));
  return (
    <Page title={pick({ zh: '题目分析与知识增益', en: 'Item analysis and knowledge gain' })} testId="edu-analysis-page">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 280 }}
          placeholder={pick({ zh: '选择答题活动', en: 'Choose a quiz' })}
          options={options}
          value={quizId}
          onChange={setQuizId}
          aria-label={pick({ zh: '答题活动', en: 'Quiz' })}
          data-testid="edu-analysis-quiz"
        />
        {quizId ? (
          <>
            <Button href={staffEdu.exportUrl(quizId, 'items', 'csv')}>{pick({ zh: '题目分析 CSV', en: 'Items CSV' })}</Button>
            <Button href={staffEdu.exportUrl(quizId, 'items', 'xlsx')} data-testid="edu-export-items-xlsx">
              {pick({ zh: '题目分析 XLSX', en: 'Items XLSX' })}
            </Button>
            <Button href={staffEdu.exportUrl(quizId, 'attempts', 'csv')}>{pick({ zh: '答题记录 CSV（脱敏）', en: 'Attempts CSV (masked)' })}</Button>
            <Button href={staffEdu.exportUrl(quizId, 'attempts', 'xlsx')}>{pick({ zh: '答题记录 XLSX（脱敏）', en: 'Attempts XLSX (masked)' })}</Button>
          </>
        ) : null}
      </Space>
      {items.error ? <ErrorAlert error={items.error} /> : null}
      {items.data ? (
        <>
          <Typography.Paragraph type="secondary">
            {pick({
              zh: `共 ${items.data.attempts} 份已交答卷。通过率 = 答对比例；区分度 D = 高分组(前27%)通过率 − 低分组(后27%)通过率；r_pb 为点二列相关。`,
              en: `${items.data.attempts} finished attempts. Facility = share correct; D = upper 27 % minus lower 27 %; r_pb = point-biserial.`,
            })}
          </Typography.Paragraph>
          <Table
            rowKey="questionId"
            size="small"
            data-testid="edu-analysis-table"
            dataSource={items.data.items}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: pick({ zh: '题干', en: 'Stem' }), dataIndex: 'stem', ellipsis: true },
              { title: pick({ zh: '作答', en: 'n' }), dataIndex: 'n', width: 70 },
              { title: pick({ zh: '通过率', en: 'Facility' }), dataIndex: 'facility', width: 90, render: (f: number) => `${Math.round(f * 100)}%` },
              { title: pick({ zh: '区分度 D', en: 'D' }), dataIndex: 'discrimination', width: 100, render: dTag },
              { title: 'r_pb', dataIndex: 'pointBiserial', width: 80, render: (r: number | null) => (r === null ? '—' : r.toFixed(2)) },
            ]}
          />
        </>
      ) : (
        <Empty description={pick({ zh: '选择一个答题活动查看题目分析', en: 'Choose a quiz' })} />
      )}
      <Card title={pick({ zh: '前测/后测知识增益', en: 'Knowledge gain (pre-test / post-test)' })} style={{ marginTop: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ minWidth: 240 }}
            placeholder={pick({ zh: '前测', en: 'Pre-test' })}
            options={options}
            value={pre}
            onChange={setPre}
            aria-label="pre-test"
          />
          <Select
            style={{ minWidth: 240 }}
            placeholder={pick({ zh: '后测', en: 'Post-test' })}
            options={options}
            value={post}
            onChange={setPost}
            aria-label="post-test"
          />
        </Space>
        {gain.error ? <ErrorAlert error={gain.error} /> : null}
        {gain.data ? (
          <Row gutter={12} data-testid="edu-gain">
            <Col span={4}>
              <Statistic title={pick({ zh: '配对人数', en: 'Pairs' })} value={gain.data.pairs} />
            </Col>
            <Col span={4}>
              <Statistic title={pick({ zh: '前测均分', en: 'Mean pre' })} value={gain.data.meanPre ?? '—'} />
            </Col>
            <Col span={4}>
              <Statistic title={pick({ zh: '后测均分', en: 'Mean post' })} value={gain.data.meanPost ?? '—'} />
            </Col>
            <Col span={4}>
              <Statistic title={pick({ zh: '平均提升', en: 'Mean gain' })} value={gain.data.meanGain ?? '—'} />
            </Col>
            <Col span={4}>
              <Statistic title={pick({ zh: '标准化增益 <g>', en: 'Normalised gain <g>' })} value={gain.data.normalisedGain ?? '—'} />
            </Col>
            <Col span={4}>
              <Statistic title={pick({ zh: '成绩提高人数', en: 'Improved' })} value={gain.data.improved} />
            </Col>
          </Row>
        ) : null}
      </Card>
    </Page>
  );
};
