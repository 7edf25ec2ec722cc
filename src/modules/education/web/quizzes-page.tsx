import { App, Button, Card, Col, Row, Space, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { AUDIENCES } from '../contract.ts';
import { staffEdu } from './api.ts';
import { DrawFormButton, QuizFormButton } from './quiz-forms.tsx';

/** 答题与抽奖: quizzes (versioned settings), draws (commit → run), and simple analytics. */
export const QuizzesPage = () => {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const quizzes = useRequest(() => staffEdu.quizzes(), []);
  const draws = useRequest(() => staffEdu.draws(), []);
  const stats = useRequest(() => staffEdu.stats(), []);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      quizzes.reload();
      draws.reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Page
      title={pick({ zh: '答题与抽奖', en: 'Quizzes and draws' })}
      testId="edu-quizzes-page"
      extra={
        <Space>
          <QuizFormButton onDone={() => quizzes.reload()} />
          <DrawFormButton quizzes={quizzes.data?.items ?? []} onDone={() => draws.reload()} />
        </Space>
      }
    >
      {quizzes.error ? <ErrorAlert error={quizzes.error} /> : null}
      <Row gutter={12} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={pick({ zh: '答题人次', en: 'Attempts' })} value={stats.data?.attempts ?? 0} />
        </Col>
        {(stats.data?.byAudience ?? []).slice(0, 3).map((a) => (
          <Col span={6} key={a.audience}>
            <Statistic title={`${(AUDIENCES as Record<string, string>)[a.audience] ?? a.audience} ${pick({ zh: '平均分', en: 'avg' })}`} value={a.avgScore} />
          </Col>
        ))}
      </Row>
      <Table
        rowKey="id"
        size="small"
        loading={quizzes.loading}
        dataSource={quizzes.data?.items ?? []}
        pagination={false}
        columns={[
          { title: pick({ zh: '答题活动', en: 'Quiz' }), dataIndex: 'title' },
          { title: pick({ zh: '状态', en: 'Status' }), dataIndex: 'status', render: (s: string) => <Tag>{s}</Tag> },
          { title: pick({ zh: '设置版本', en: 'Version' }), dataIndex: 'version' },
          { title: pick({ zh: '人次', en: 'Attempts' }), dataIndex: 'attempts' },
          {
            title: '',
            render: (_: unknown, q) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => act(() => staffEdu.updateQuiz(q.id, { settings: q.settings, status: q.status === 'open' ? 'closed' : 'open' }))}
                >
                  {q.status === 'open' ? pick({ zh: '关闭', en: 'Close' }) : pick({ zh: '开放', en: 'Open' })}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Card title={pick({ zh: '抽奖', en: 'Draws' })} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={draws.data?.items ?? []}
          columns={[
            { title: pick({ zh: '名称', en: 'Title' }), dataIndex: 'title', render: (t: string, d) => <Link to={`/portal/draws/${d.id}`}>{t}</Link> },
            { title: pick({ zh: '状态', en: 'Status' }), dataIndex: 'status', render: (s: string) => <Tag>{s}</Tag> },
            { title: pick({ zh: '截止', en: 'Closes' }), dataIndex: 'closesAt' },
            {
              title: '',
              render: (_: unknown, d) =>
                d.status === 'open' ? (
                  <Button size="small" onClick={() => act(() => staffEdu.drawAction(d.id, 'commit'))} data-testid="edu-draw-commit">
                    {pick({ zh: '锁定名单并公示', en: 'Commit' })}
                  </Button>
                ) : d.status === 'committed' ? (
                  <Button size="small" type="primary" onClick={() => act(() => staffEdu.drawAction(d.id, 'run'))} data-testid="edu-draw-run">
                    {pick({ zh: '开奖', en: 'Draw' })}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={pick({ zh: '错误率最高的题目', en: 'Most-missed questions' })} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={stats.data?.missed ?? []}
          columns={[
            { title: pick({ zh: '题干', en: 'Stem' }), dataIndex: 'stem' },
            { title: pick({ zh: '作答', en: 'Answered' }), dataIndex: 'answered', width: 80 },
            { title: pick({ zh: '正确率', en: 'Facility' }), dataIndex: 'facility', width: 90, render: (f: number) => `${Math.round(f * 100)}%` },
          ]}
        />
      </Card>
    </Page>
  );
};
