import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { TOPIC_TAGS } from '../contract.ts';
import { staffEdu } from './api.ts';

/** `YYYY-MM-DDTHH:mm` in local time, what <input type="datetime-local"> holds. */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const tagOptions = Object.entries(TOPIC_TAGS).map(([value, label]) => ({ value, label }));
type QuizValues = {
  title: string;
  description?: string;
  mode: 'fixed' | 'random';
  questionIds?: string[];
  bank?: string;
  tags?: string[];
  difficulty?: number[];
  count?: number;
  timeLimitMin: number;
  attemptsLimit: number;
  feedback: 'immediate' | 'deferred';
  passScore: number;
};

/** 新建答题: a fixed paper (chosen questions) or a random one by bank, tags and difficulty. */
export const QuizFormButton = ({ onDone }: { onDone: () => void }) => {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<QuizValues>();
  const mode = Form.useWatch('mode', form);
  const [found, setFound] = useState<{ value: string; label: string }[]>([]);
  const search = async (q: string) => {
    const r = await staffEdu.questions({ q });
    setFound(r.items.map((i) => ({ value: i.id, label: i.stem.slice(0, 60) })));
  };
  const submit = async (v: QuizValues) => {
    setBusy(true);
    try {
      const settings =
        v.mode === 'fixed'
          ? { mode: 'fixed', questionIds: v.questionIds ?? [] }
          : { mode: 'random', bank: v.bank || 'seed', tags: v.tags ?? [], difficulty: v.difficulty ?? [], count: v.count ?? 10 };
      await staffEdu.createQuiz({
        title: v.title,
        description: v.description ?? '',
        settings: { ...settings, timeLimitSec: Math.round(v.timeLimitMin * 60), attemptsLimit: v.attemptsLimit, feedback: v.feedback, passScore: v.passScore },
      });
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="edu-quiz-new">
        {pick({ zh: '新建答题', en: 'New quiz' })}
      </Button>
      <Modal
        open={open}
        title={pick({ zh: '新建答题活动', en: 'New quiz' })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        width={640}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ mode: 'random', bank: 'seed', count: 10, timeLimitMin: 10, attemptsLimit: 3, feedback: 'immediate', passScore: 60 }}
        >
          <Form.Item name="title" label={pick({ zh: '名称', en: 'Title' })} rules={[{ required: true, min: 2, max: 120 }]}>
            <Input data-testid="edu-quiz-title" />
          </Form.Item>
          <Form.Item name="description" label={pick({ zh: '说明', en: 'Description' })}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="mode" label={pick({ zh: '组卷方式', en: 'Paper' })}>
            <Radio.Group
              options={[
                { value: 'random', label: pick({ zh: '随机抽题（按标签/难度，不重复）', en: 'Random by tag/difficulty' }) },
                { value: 'fixed', label: pick({ zh: '固定试卷', en: 'Fixed paper' }) },
              ]}
            />
          </Form.Item>
          {mode === 'fixed' ? (
            <Form.Item
              name="questionIds"
              label={pick({ zh: '题目（输入关键词搜索）', en: 'Questions (search)' })}
              rules={[{ required: true, type: 'array', min: 1 }]}
            >
              <Select mode="multiple" showSearch={{ filterOption: false, onSearch: (q) => void search(q) }} options={found} />
            </Form.Item>
          ) : (
            <Space wrap align="start">
              <Form.Item name="bank" label={pick({ zh: '题库', en: 'Bank' })}>
                <Input style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name="tags" label={pick({ zh: '标签', en: 'Tags' })}>
                <Select mode="multiple" options={tagOptions} style={{ minWidth: 220 }} optionFilterProp="label" />
              </Form.Item>
              <Form.Item name="difficulty" label={pick({ zh: '难度', en: 'Difficulty' })}>
                <Select
                  mode="multiple"
                  style={{ minWidth: 120 }}
                  options={[
                    { value: 1, label: pick({ zh: '易', en: 'easy' }) },
                    { value: 2, label: pick({ zh: '中', en: 'medium' }) },
                    { value: 3, label: pick({ zh: '难', en: 'hard' }) },
                  ]}
                />
              </Form.Item>
              <Form.Item name="count" label={pick({ zh: '题数', en: 'Questions' })}>
                <InputNumber min={1} max={200} />
              </Form.Item>
            </Space>
          )}
          <Space wrap>
            <Form.Item name="timeLimitMin" label={pick({ zh: '限时（分钟）', en: 'Time limit (min)' })}>
              <InputNumber min={0.5} max={240} step={1} />
            </Form.Item>
            <Form.Item name="attemptsLimit" label={pick({ zh: '可答次数', en: 'Attempts' })}>
              <InputNumber min={1} max={100} />
            </Form.Item>
            <Form.Item name="passScore" label={pick({ zh: '及格分', en: 'Pass score' })}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="feedback" label={pick({ zh: '答案解析', en: 'Feedback' })}>
              <Select
                style={{ width: 160 }}
                options={[
                  { value: 'immediate', label: pick({ zh: '交卷后立即显示', en: 'Immediate' }) },
                  { value: 'deferred', label: pick({ zh: '活动结束后公布', en: 'Deferred' }) },
                ]}
              />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
};

type DrawValues = {
  quizId: string;
  title: string;
  minScore: number;
  opensAt: string;
  closesAt: string;
  prizes: { name: string; quantity: number }[];
};

/** 新建抽奖: eligibility (score threshold, one entry per person), the window, and prizes in rank order. */
export const DrawFormButton = ({ quizzes, onDone }: { quizzes: { id: string; title: string }[]; onDone: () => void }) => {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<DrawValues>();
  const submit = async (v: DrawValues) => {
    setBusy(true);
    try {
      const prizes = (v.prizes ?? []).filter((p) => p?.name);
      await staffEdu.createDraw({
        quizId: v.quizId,
        title: v.title,
        minScore: v.minScore,
        opensAt: new Date(v.opensAt).toISOString(),
        closesAt: new Date(v.closesAt).toISOString(),
        winners: prizes.reduce((n, p) => n + p.quantity, 0),
        prizes,
      });
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="edu-draw-new">
        {pick({ zh: '新建抽奖', en: 'New draw' })}
      </Button>
      <Modal
        open={open}
        title={pick({ zh: '新建可验证抽奖', en: 'New verifiable draw' })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        width={640}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            minScore: 80,
            opensAt: localInput(new Date()),
            closesAt: localInput(new Date(Date.now() + 30 * 86_400_000)),
            prizes: [{ name: '', quantity: 1 }],
          }}
        >
          <Form.Item name="quizId" label={pick({ zh: '答题活动', en: 'Quiz' })} rules={[{ required: true }]}>
            <Select options={quizzes.map((q) => ({ value: q.id, label: q.title }))} />
          </Form.Item>
          <Form.Item name="title" label={pick({ zh: '名称', en: 'Title' })} rules={[{ required: true, min: 2, max: 120 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="minScore"
            label={pick({ zh: '参与条件：窗口内答题最高分不低于', en: 'Eligible with a best score of at least' })}
            extra={pick({ zh: '每人限参与一次', en: 'One entry per person' })}
          >
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="opensAt" label={pick({ zh: '开始参与', en: 'Opens' })} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="closesAt" label={pick({ zh: '截止参与', en: 'Closes' })} rules={[{ required: true }]}>
              <Input type="datetime-local" />
            </Form.Item>
          </Space>
          <Form.List name="prizes">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item
                      name={[f.name, 'name']}
                      label={i === 0 ? pick({ zh: '奖品（按名次）', en: 'Prizes (by rank)' }) : undefined}
                      rules={[{ required: true, max: 60 }]}
                    >
                      <Input placeholder={pick({ zh: '如：一等奖 保温杯', en: 'e.g. 1st prize: mug' })} style={{ width: 280 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'quantity']} label={i === 0 ? pick({ zh: '数量', en: 'Qty' }) : undefined} rules={[{ required: true }]}>
                      <InputNumber min={1} max={1000} />
                    </Form.Item>
                    {fields.length > 1 ? <MinusCircleOutlined aria-label="remove" onClick={() => remove(f.name)} /> : null}
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', quantity: 1 })}>
                  {pick({ zh: '添加奖品', en: 'Add a prize' })}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
};
