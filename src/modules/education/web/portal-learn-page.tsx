import { Alert, Card, Empty, Flex, Input, List, Spin, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { canSpeak, useReadAloud } from '../../../web/portal/elderly-mode.ts';
import { BigButton, PortalLayout, useIsElderly } from '../../../web/portal/portal-layout.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { TOPIC_TAGS } from '../contract.ts';
import { publicEdu } from './api.ts';
import { VideoPlayer } from './video-player.tsx';

const tagLabel = (t: string) => (TOPIC_TAGS as Record<string, string>)[t] ?? t;

/** 金融知识: published articles and short videos, searchable. */
export const PortalLearnPage = () => {
  const { pick } = useI18n();
  const [q, setQ] = useState('');
  const list = useRequest(() => publicEdu.contents(q || undefined), [q]);
  return (
    <PortalLayout testId="portal-learn">
      <Typography.Title level={2}>{pick({ zh: '金融知识', en: 'Financial education' })}</Typography.Title>
      <Input.Search
        allowClear
        size="large"
        placeholder={pick({ zh: '搜索：刷单、养老、征信……', en: 'Search' })}
        aria-label={pick({ zh: '搜索文章', en: 'Search articles' })}
        onSearch={setQ}
        data-testid="portal-learn-search"
        style={{ marginBottom: 12 }}
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={pick({ zh: '暂无内容', en: 'Nothing yet' })} /> }}
        renderItem={(it) => (
          <List.Item key={it.id}>
            <Link to={`/portal/learn/${it.id}`} data-testid="portal-article-link" style={{ display: 'block', width: '100%', padding: '4px 0' }}>
              <Typography.Text strong style={{ fontSize: '1.1em' }}>
                {it.kind === 'video' ? '▶ ' : ''}
                {it.title}
              </Typography.Text>
              <br />
              <Typography.Text type="secondary">{it.summary}</Typography.Text>
            </Link>
          </List.Item>
        )}
      />
    </PortalLayout>
  );
};

const textOf = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div.textContent || div.textContent || '';
};

/** One article or video record, with read-aloud (speechSynthesis zh-CN). The HTML is sanitised by the server. */
export const PortalArticlePage = () => {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const elderly = useIsElderly();
  const { speaking, speak, stop } = useReadAloud();
  const res = useRequest(() => publicEdu.content(id), [id]);
  const videoRef = useRef<HTMLVideoElement>(null);
  const c = res.data;
  return (
    <PortalLayout testId="portal-article">
      {res.loading ? <Spin /> : null}
      {res.error ? <ErrorAlert error={res.error} /> : null}
      {c ? (
        <article>
          <Typography.Title level={2} data-testid="portal-article-title">
            {c.title}
          </Typography.Title>
          <Flex gap={6} wrap style={{ marginBottom: 12 }}>
            {c.tags.map((t) => (
              <Tag key={t}>{tagLabel(t)}</Tag>
            ))}
          </Flex>
          {canSpeak() ? (
            <BigButton
              type={speaking ? 'default' : 'primary'}
              data-testid="portal-read-aloud"
              onClick={() => (speaking ? stop() : speak(`${c.title}。${textOf(c.bodyHtml)}`))}
              style={{ marginBottom: 16 }}
            >
              {speaking ? pick({ zh: '停止朗读', en: 'Stop' }) : pick({ zh: '🔊 朗读全文', en: '🔊 Read aloud' })}
            </BigButton>
          ) : null}
          {c.video ? (
            <Card style={{ marginBottom: 16 }} title={pick({ zh: '重点回看', en: 'Key points' })}>
              {c.video.mediaUrl ? (
                <VideoPlayer
                  ref={videoRef}
                  src={c.video.mediaUrl}
                  poster={c.video.posterUrl}
                  subtitlesUrl={c.video.subtitlesUrl}
                  title={c.title}
                  testId="portal-video"
                />
              ) : (
                <Alert type="info" showIcon message={pick({ zh: '本条记录暂未附视频文件，以下为重点标记。', en: 'No clip attached yet; key points below.' })} />
              )}
              <Flex gap={8} wrap style={{ marginTop: 12 }}>
                {c.video.keyPoints.map((k) => (
                  <BigButton
                    key={k.atSec}
                    data-testid="portal-key-point"
                    disabled={!c.video?.mediaUrl}
                    onClick={() => {
                      if (!videoRef.current) return;
                      videoRef.current.currentTime = k.atSec;
                      void videoRef.current.play().catch(() => {});
                    }}
                  >{`${Math.floor(k.atSec / 60)}:${String(k.atSec % 60).padStart(2, '0')} ${k.label}`}</BigButton>
                ))}
              </Flex>
            </Card>
          ) : null}
          <div
            className="xb-article"
            style={{ lineHeight: elderly ? 1.9 : 1.7 }}
            data-testid="portal-article-body"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on save and again on render by the server (sanitize-html policy).
            dangerouslySetInnerHTML={{ __html: c.bodyHtml }}
          />
        </article>
      ) : null}
    </PortalLayout>
  );
};
