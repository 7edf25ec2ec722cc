import { Alert, Button, Card, Flex, Input, List, Progress, Slider, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { deviceId } from '../../../web/portal/elderly-mode.ts';
import { BigButton, PortalLayout } from '../../../web/portal/portal-layout.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { type CourseView, publicCourses } from './api.ts';
import { VideoPlayer } from './video-player.tsx';

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** 课程: list of series. */
export const PortalCoursesPage = () => {
  const { pick } = useI18n();
  const list = useRequest(() => publicCourses.list(), []);
  return (
    <PortalLayout testId="portal-courses">
      <Typography.Title level={2}>{pick({ zh: '系列课程', en: 'Courses' })}</Typography.Title>
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        renderItem={(c) => (
          <List.Item key={c.id}>
            <Link to={`/portal/courses/${c.id}`} data-testid="portal-course-link">
              <Typography.Text strong>{c.title}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{c.summary}</Typography.Text>
            </Link>
          </List.Item>
        )}
      />
    </PortalLayout>
  );
};

/**
 * One course: enrol, pick up at the saved lesson and position, jump to key points (重点回看).
 * Demo lessons have no clip, so the player is a timeline that advances while "playing"; progress
 * is saved every 5 s, on pause and on leaving.
 */
export const PortalCoursePage = () => {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const [course, setCourse] = useState<CourseView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [lessonId, setLessonId] = useState<string | null>(null);
  const [pos, setPos] = useState(0);
  const [playing, setPlaying] = useState(false);
  const posRef = useRef(0);
  posRef.current = pos;
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    publicCourses.get(id, deviceId()).then((c) => {
      setCourse(c);
      const last = c.enrolment?.lastLessonId ?? null;
      if (last) {
        setLessonId(last);
        setPos(c.enrolment?.progress[last]?.positionSec ?? 0);
      }
    }, setError);
  }, [id]);

  const lessons = course?.outline.flatMap((ch) => ch.lessons) ?? [];
  const lesson = lessons.find((l) => l.id === lessonId) ?? null;
  const save = async (p = posRef.current, completed?: boolean) => {
    if (!lesson) return;
    try {
      setCourse(
        await publicCourses.progress(id, { deviceId: deviceId(), lessonId: lesson.id, positionSec: Math.round(p), ...(completed ? { completed } : {}) }),
      );
    } catch (e) {
      setError(e);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: the timers depend only on play state and lesson.
  useEffect(() => {
    if (!playing || !lesson) return;
    // A stored video drives the position itself (timeupdate); a lesson without a clip is a timeline.
    const tick = lesson.mediaUrl ? undefined : setInterval(() => setPos((p) => Math.min(lesson.durationSec, p + 1)), 1000);
    const autosave = setInterval(() => void save(), 5000);
    return () => {
      clearInterval(tick);
      clearInterval(autosave);
      void save();
    };
  }, [playing, lessonId]);

  const seek = (sec: number) => {
    setPos(sec);
    if (videoRef.current) videoRef.current.currentTime = sec;
  };
  const togglePlay = () => {
    const v = videoRef.current;
    if (!v) return setPlaying(!playing);
    if (v.paused) void v.play().catch(() => {});
    else v.pause();
  };
  const enrol = async () => {
    try {
      setCourse(await publicCourses.enrol(id, deviceId(), name || '学员', phone.trim() || undefined));
    } catch (e) {
      setError(e);
    }
  };
  const choose = (lid: string) => {
    setPlaying(false);
    setLessonId(lid);
    setPos(course?.enrolment?.progress[lid]?.positionSec ?? 0);
  };
  const done = lessons.filter((l) => course?.enrolment?.progress[l.id]?.completed).length;

  return (
    <PortalLayout testId="portal-course">
      {error ? <ErrorAlert error={error} /> : null}
      {course ? (
        <>
          <Typography.Title level={2}>{course.title}</Typography.Title>
          <Typography.Paragraph>{course.summary}</Typography.Paragraph>
          {!course.enrolment ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                size="large"
                placeholder={pick({ zh: '您的称呼（证书上显示）', en: 'Your name (for the certificate)' })}
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-label={pick({ zh: '您的称呼', en: 'Your name' })}
              />
              <Input
                size="large"
                inputMode="tel"
                placeholder={pick({ zh: '手机号（选填，结业通知）', en: 'Mobile (optional)' })}
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                aria-label={pick({ zh: '手机号（选填）', en: 'Mobile (optional)' })}
                data-testid="course-phone"
              />
              <BigButton type="primary" onClick={enrol} data-testid="course-enrol">
                {pick({ zh: '报名学习', en: 'Enrol' })}
              </BigButton>
            </Space.Compact>
          ) : (
            <>
              <Progress percent={Math.round((100 * done) / Math.max(1, lessons.length))} />
              {course.enrolment.certificateCode ? (
                <Alert
                  type="success"
                  showIcon
                  data-testid="course-certificate"
                  message={pick({
                    zh: `已结业，证书验证码 ${course.enrolment.certificateCode}`,
                    en: `Completed; certificate code ${course.enrolment.certificateCode}`,
                  })}
                />
              ) : null}
              {lesson ? (
                <Card title={lesson.title} style={{ margin: '12px 0' }} data-testid="course-player">
                  {lesson.mediaUrl ? (
                    <VideoPlayer
                      key={lesson.id}
                      ref={videoRef}
                      src={lesson.mediaUrl}
                      poster={lesson.posterUrl}
                      subtitlesUrl={lesson.subtitlesUrl}
                      title={lesson.title}
                      testId="course-video"
                      onLoadedMetadata={(v) => {
                        v.currentTime = posRef.current;
                      }}
                      onTime={(sec) => {
                        if (!videoRef.current?.seeking) setPos(sec);
                      }}
                      onPlayingChange={setPlaying}
                    />
                  ) : null}
                  <br />
                  <Typography.Text data-testid="course-position">{`${mmss(pos)} / ${mmss(lesson.durationSec)}`}</Typography.Text>
                  <Slider min={0} max={lesson.durationSec} value={pos} onChange={(v) => seek(v)} onChangeComplete={(v) => void save(v)} aria-label="position" />
                  <Flex gap={8} wrap>
                    <BigButton type="primary" onClick={togglePlay} data-testid="course-play">
                      {playing ? pick({ zh: '暂停', en: 'Pause' }) : pick({ zh: '播放', en: 'Play' })}
                    </BigButton>
                    <BigButton onClick={() => void save(lesson.durationSec, true)}>{pick({ zh: '标记已学完', en: 'Mark done' })}</BigButton>
                  </Flex>
                  {lesson.keyPoints.length ? (
                    <Flex gap={8} wrap style={{ marginTop: 12 }}>
                      <Typography.Text strong>{pick({ zh: '重点回看：', en: 'Key points:' })}</Typography.Text>
                      {lesson.keyPoints.map((k) => (
                        <BigButton
                          key={k.atSec}
                          onClick={() => {
                            seek(k.atSec);
                            void save(k.atSec);
                          }}
                        >{`${mmss(k.atSec)} ${k.label}`}</BigButton>
                      ))}
                    </Flex>
                  ) : null}
                </Card>
              ) : null}
              {course.outline.map((ch) => (
                <Card key={ch.title} title={ch.title} size="small" style={{ marginTop: 8 }}>
                  {ch.lessons.map((l) => (
                    <Flex key={l.id} justify="space-between" align="center" style={{ padding: '6px 0' }}>
                      <Button
                        type="link"
                        onClick={() => choose(l.id)}
                        data-testid="course-lesson"
                        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                      >
                        {course.enrolment?.progress[l.id]?.completed ? '✔ ' : ''}
                        {l.title}
                      </Button>
                      <Typography.Text type="secondary">{mmss(l.durationSec)}</Typography.Text>
                    </Flex>
                  ))}
                </Card>
              ))}
            </>
          )}
        </>
      ) : null}
    </PortalLayout>
  );
};
