import { Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { formatDateTime } from '../../../web/ui/format.ts';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { opinionApi, type Post } from './api.ts';
import { useText } from './messages.ts';
import { GradeTag, SentimentTag } from './parts.tsx';

/** Posts with filters (search, grade, sentiment, story) and a drill-down of the analysis per post. */
export const PostsPage = () => {
  const t = useText();
  const { locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = Object.fromEntries(params.entries());
  const page = Number(q.page ?? 1);
  const req = useRequest(() => opinionApi.posts({ ...q, page, pageSize: 20 }), [params.toString()]);
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setParams(next);
  };
  return (
    <Page
      title={t('posts.title')}
      testId="opinion-posts"
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            defaultValue={q.q}
            placeholder={t('posts.search')}
            onSearch={(v) => set('q', v || undefined)}
            style={{ width: 280 }}
            data-testid="posts-search"
          />
          <Select
            allowClear
            placeholder={t('col.grade')}
            value={q.grade}
            onChange={(v) => set('grade', v)}
            style={{ width: 120 }}
            options={(['I', 'II', 'III'] as const).map((g) => ({ value: g, label: t(`grade.${g}`) }))}
          />
          <Select
            allowClear
            placeholder={t('col.sentiment')}
            value={q.sentiment}
            onChange={(v) => set('sentiment', v)}
            style={{ width: 120 }}
            options={(['negative', 'neutral', 'positive'] as const).map((s) => ({ value: s, label: t(`sent.${s}`) }))}
          />
        </Space>
      }
    >
      {req.error ? <ErrorAlert error={req.error} onRetry={req.reload} /> : null}
      <Table<Post>
        rowKey="id"
        loading={req.loading}
        dataSource={req.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: req.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => setParams(new URLSearchParams({ ...q, page: String(p) })),
        }}
        expandable={{
          expandedRowRender: (p) => (
            <Space direction="vertical" data-testid={`post-detail-${p.id}`}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.text}</Typography.Paragraph>
              {p.gradeRule ? (
                <div>
                  {t('posts.rule')}: {p.gradeRule}
                </div>
              ) : null}
              <div>
                {t('posts.keywords')}:{' '}
                {p.keywords.map((k) => (
                  <Tag key={k}>{k}</Tag>
                ))}
              </div>
              {p.negativeEntities.length ? (
                <div>
                  {t('posts.entities')}: {p.negativeEntities.join('、')}
                </div>
              ) : null}
              {p.fraudType ? (
                <div>
                  {t('posts.fraud')}: {p.fraudType}
                </div>
              ) : null}
              <a href={`/opinion/posts?storyId=${p.storyId}`}>{t('posts.story')}</a>
              {p.url ? (
                <a href={p.url} target="_blank" rel="noreferrer noopener">
                  {p.url}
                </a>
              ) : null}
            </Space>
          ),
        }}
        columns={[
          { title: t('col.published'), width: 160, render: (_, p) => formatDateTime(p.publishedAt, locale) },
          { title: t('col.source'), width: 160, render: (_, p) => p.source.name },
          { title: t('col.text'), render: (_, p) => `${p.title ? `【${p.title}】` : ''}${p.text.slice(0, 100)}` },
          { title: t('col.sentiment'), width: 90, render: (_, p) => <SentimentTag s={p.sentiment} t={t} /> },
          { title: t('col.grade'), width: 110, render: (_, p) => <GradeTag grade={p.grade} t={t} /> },
          { title: t('col.reach'), width: 90, render: (_, p) => p.reach.reposts + p.reach.comments + p.reach.likes },
        ]}
      />
    </Page>
  );
};
