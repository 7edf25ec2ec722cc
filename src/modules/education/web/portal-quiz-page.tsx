import { Alert, Card, Checkbox, Flex, Input, List, Radio, Result, Space, Statistic, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { deviceId } from '../../../web/portal/elderly-mode.ts';
import { BigButton, PortalLayout } from '../../../web/portal/portal-layout.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import type { TAttemptView } from '../contract.ts';
import { publicEdu } from './api.ts';

type Answers = Record<string, string[]>;

/** 答题抽奖: open quizzes → take one (autosaved, resumable, server-timed) → score → enter the draw. */
export const PortalQuizPage = () => {
  const { pick } = useI18n();
  const list = useRequest(() => publicEdu.quizzes(), []);
  const [nickname, setNickname] = useState('');
  const [phone, setPhone] = useState('');
  const [attempt, setAttempt] = useState<TAttemptView | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [error, setError] = useState<unknown>(null);
  const [entry, setEntry] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const dirty = useRef<Answers>({});

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  // Autosave every few seconds while answering.
  useEffect(() => {
    if (attempt?.status !== 'in_progress') return;
    const t = setInterval(() => {
      const pending = dirty.current;
      if (Object.keys(pending).length === 0) return;
      dirty.current = {};
      publicEdu.save(attempt.id, { deviceId: deviceId(), answers: pending }).catch(setError);
    }, 3000);
    return () => clearInterval(t);
  }, [attempt]);

  const start = async (quizId: string) => {
    setError(null);
    try {
      const a = await publicEdu.start(quizId, { deviceId: deviceId(), ...(nickname ? { nickname } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}) });
      setAttempt(a);
      setAnswers(a.answers);
    } catch (e) {
      setError(e);
    }
  };
  const choose = (qid: string, v: string[]) => {
    setAnswers((a) => ({ ...a, [qid]: v }));
    dirty.current[qid] = v;
  };
  const submit = async () => {
    if (!attempt) return;
    try {
      setAttempt(await publicEdu.submit(attempt.id, { deviceId: deviceId(), answers }));
      dirty.current = {};
    } catch (e) {
      setError(e);
    }
  };
  const draw = attempt ? list.data?.draws.find((d) => d.quizId === attempt.quizId && d.status === 'open') : undefined;
  const enter = async () => {
    if (!draw) return;
    try {
      setEntry((await publicEdu.enter(draw.id, deviceId())).entryId);
    } catch (e) {
      setError(e);
    }
  };
  const left = attempt ? Math.max(0, Math.round((new Date(attempt.deadlineAt).getTime() - now) / 1000)) : 0;

  return (
    <PortalLayout testId="portal-quiz">
      <Typography.Title level={2}>{pick({ zh: '消保知识答题', en: 'Quiz' })}</Typography.Title>
      {error ? <ErrorAlert error={error} /> : null}
      {!attempt ? (
        <>
          <Input
            size="large"
            placeholder={pick({ zh: '昵称（排行榜显示，会打码）', en: 'Nickname (masked on the board)' })}
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
            maxLength={20}
            style={{ marginBottom: 12 }}
            data-testid="quiz-nickname"
            aria-label={pick({ zh: '昵称', en: 'Nickname' })}
          />
          <Input
            size="large"
            inputMode="tel"
            placeholder={pick({ zh: '手机号（选填，中奖后联系与兑奖）', en: 'Mobile (optional, to reach winners)' })}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            maxLength={20}
            style={{ marginBottom: 12 }}
            data-testid="quiz-phone"
            aria-label={pick({ zh: '手机号（选填）', en: 'Mobile (optional)' })}
          />
          <List
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            renderItem={(q) => (
              // A list item around the card: <ul> may only hold <li> (axe "list", serious).
              <List.Item key={q.id} style={{ display: 'block', borderBlockEnd: 'none', padding: 0 }}>
                <Card style={{ marginBottom: 12 }} title={q.title}>
                  <Typography.Paragraph>{q.description}</Typography.Paragraph>
                  <Typography.Paragraph type="secondary">
                    {pick({
                      zh: `${q.count} 题 · 限时 ${Math.round(q.timeLimitSec / 60)} 分钟 · 可答 ${q.attemptsLimit} 次`,
                      en: `${q.count} questions · ${Math.round(q.timeLimitSec / 60)} min · ${q.attemptsLimit} attempts`,
                    })}
                  </Typography.Paragraph>
                  <BigButton type="primary" onClick={() => start(q.id)} data-testid="quiz-start">
                    {pick({ zh: '开始 / 继续答题', en: 'Start / resume' })}
                  </BigButton>
                </Card>
              </List.Item>
            )}
          />
        </>
      ) : attempt.status === 'in_progress' ? (
        <>
          <Statistic title={pick({ zh: '剩余时间（秒）', en: 'Seconds left' })} value={left} />
          {attempt.questions.map((q, i) => (
            <Card key={q.id} style={{ margin: '12px 0' }} data-testid="quiz-question">
              <Typography.Paragraph strong>{`${i + 1}. ${q.stem}`}</Typography.Paragraph>
              {q.type === 'multiple' ? (
                <Checkbox.Group value={answers[q.id] ?? []} onChange={(v) => choose(q.id, v as string[])}>
                  <Space direction="vertical">
                    {q.options.map((o) => (
                      <Checkbox key={o.key} value={o.key} style={{ padding: 6 }}>{`${o.key}. ${o.text}`}</Checkbox>
                    ))}
                  </Space>
                </Checkbox.Group>
              ) : q.type === 'fill' ? (
                <Input size="large" value={answers[q.id]?.[0] ?? ''} onChange={(e) => choose(q.id, [e.target.value])} aria-label={`answer ${i + 1}`} />
              ) : (
                <Radio.Group value={answers[q.id]?.[0]} onChange={(e) => choose(q.id, [e.target.value as string])}>
                  <Space direction="vertical">
                    {(q.type === 'truefalse'
                      ? [
                          { key: 'T', text: pick({ zh: '正确', en: 'True' }) },
                          { key: 'F', text: pick({ zh: '错误', en: 'False' }) },
                        ]
                      : q.options
                    ).map((o) => (
                      <Radio key={o.key} value={o.key} style={{ padding: 6 }}>
                        {q.type === 'truefalse' ? o.text : `${o.key}. ${o.text}`}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              )}
            </Card>
          ))}
          <BigButton type="primary" block onClick={submit} data-testid="quiz-submit">
            {pick({ zh: '交卷', en: 'Submit' })}
          </BigButton>
        </>
      ) : (
        <>
          <Result status="success" title={pick({ zh: `得分 ${attempt.score ?? 0}`, en: `Score ${attempt.score ?? 0}` })} data-testid="quiz-score" />
          {draw ? (
            <Card style={{ marginBottom: 12 }}>
              {entry ? (
                <Alert
                  type="success"
                  showIcon
                  message={pick({ zh: `已参加抽奖，抽奖编号 ${entry}`, en: `Entered; entry id ${entry}` })}
                  data-testid="draw-entry-id"
                />
              ) : (
                <BigButton type="primary" onClick={enter} data-testid="draw-enter">
                  {pick({ zh: `参加“${draw.title}”`, en: `Enter "${draw.title}"` })}
                </BigButton>
              )}
              <Flex style={{ marginTop: 8 }}>
                <Link to={`/portal/draws/${draw.id}`}>{pick({ zh: '抽奖公示与验证', en: 'Draw record and verification' })}</Link>
              </Flex>
            </Card>
          ) : null}
          {(attempt.feedback ?? []).map((f, i) => (
            <Alert
              key={f.id}
              style={{ marginBottom: 8 }}
              type={f.correct ? 'success' : 'warning'}
              message={`${i + 1}. ${f.correct ? '✔' : `✘ ${pick({ zh: '正确答案', en: 'Answer' })}: ${f.answer.join(' / ')}`}`}
              description={f.explanation}
            />
          ))}
          <BigButton onClick={() => setAttempt(null)}>{pick({ zh: '返回', en: 'Back' })}</BigButton>
        </>
      )}
    </PortalLayout>
  );
};
