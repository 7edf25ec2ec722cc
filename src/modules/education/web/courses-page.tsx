import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { type CourseView, staffEdu } from './api.ts';

type LessonValues = { id?: string; title: string; contentId?: string | null; durationSec: number; keyPoints?: string };
type Values = { title: string; summary?: string; status: 'draft' | 'published'; chapters: { title: string; lessons: LessonValues[] }[] };

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
/** Key points are edited one per line as `m:ss 标签`. */
const parseKeyPoints = (text = '') =>
  text
    .split('\n')
    .map((l) => /^\s*(\d+):(\d{2})\s+(.+?)\s*$/.exec(l))
    .flatMap((m) => (m ? [{ atSec: Number(m[1]) * 60 + Number(m[2]), label: (m[3] as string).slice(0, 60) }] : []));
const toValues = (c: { title: string; summary: string; status: 'draft' | 'published'; outline: CourseView['outline'] }): Values => ({
  title: c.title,
  summary: c.summary,
  status: c.status,
  chapters: c.outline.map((ch) => ({
    title: ch.title,
    lessons: ch.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      contentId: l.contentId,
      durationSec: l.durationSec,
      keyPoints: l.keyPoints.map((k) => `${mmss(k.atSec)} ${k.label}`).join('\n'),
    })),
  })),
});

/** 系列课程: series → chapters → lessons (video or article) with 重点回看 key points. */
export const CoursesPage = () => {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const list = useRequest(() => staffEdu.courses(), []);
  const contents = useRequest(() => staffEdu.contents({ status: 'published' }), []);
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const contentOptions = (contents.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.kind === 'video' ? '▶ ' : ''}${c.title}` }));

  const open = (id: 'new' | string) => {
    const c = list.data?.items.find((x) => x.id === id);
    form.setFieldsValue(c ? toValues(c) : { title: '', summary: '', status: 'draft', chapters: [{ title: '', lessons: [{ title: '', durationSec: 120 }] }] });
    setEditing(id);
  };
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const body = {
        title: v.title,
        summary: v.summary ?? '',
        status: v.status,
        chapters: v.chapters.map((ch) => ({
          title: ch.title,
          lessons: ch.lessons.map((l) => ({
            ...(l.id ? { id: l.id } : {}),
            title: l.title,
            contentId: l.contentId ?? null,
            durationSec: l.durationSec,
            keyPoints: parseKeyPoints(l.keyPoints),
          })),
        })),
      };
      if (editing === 'new') await staffEdu.createCourse(body);
      else if (editing) await staffEdu.updateCourse(editing, body);
      setEditing(null);
      list.reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title={pick({ zh: '系列课程', en: 'Courses' })}
      testId="edu-courses-page"
      extra={
        <Button type="primary" onClick={() => open('new')} data-testid="edu-course-new">
          {pick({ zh: '新建课程', en: 'New course' })}
        </Button>
      }
    >
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        onRow={(c) => ({ onClick: () => open(c.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: pick({ zh: '课程', en: 'Course' }), dataIndex: 'title' },
          {
            title: pick({ zh: '状态', en: 'Status' }),
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={s === 'published' ? 'green' : 'default'}>
                {s === 'published' ? pick({ zh: '已发布', en: 'Published' }) : pick({ zh: '草稿', en: 'Draft' })}
              </Tag>
            ),
          },
          { title: pick({ zh: '课时', en: 'Lessons' }), render: (_: unknown, c) => c.outline.flatMap((ch) => ch.lessons).length },
          { title: pick({ zh: '报名', en: 'Enrolled' }), dataIndex: 'enrolled' },
          { title: pick({ zh: '结业', en: 'Completed' }), dataIndex: 'completed' },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? pick({ zh: '新建课程', en: 'New course' }) : pick({ zh: '编辑课程', en: 'Edit course' })}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        width={860}
        forceRender
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Space wrap align="start">
            <Form.Item name="title" label={pick({ zh: '系列名称', en: 'Series title' })} rules={[{ required: true, min: 2, max: 120 }]}>
              <Input style={{ width: 420 }} data-testid="edu-course-title" />
            </Form.Item>
            <Form.Item
              name="status"
              label={pick({ zh: '状态', en: 'Status' })}
              extra={pick({ zh: '发布需消保审查权限', en: 'Publishing needs review rights' })}
            >
              <Select
                style={{ width: 140 }}
                options={[
                  { value: 'draft', label: pick({ zh: '草稿', en: 'Draft' }) },
                  { value: 'published', label: pick({ zh: '发布', en: 'Published' }) },
                ]}
              />
            </Form.Item>
          </Space>
          <Form.Item name="summary" label={pick({ zh: '简介', en: 'Summary' })}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.List name="chapters">
            {(chapters, { add: addChapter, remove: removeChapter }) => (
              <>
                {chapters.map((ch, ci) => (
                  <Card
                    key={ch.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    title={
                      <Form.Item name={[ch.name, 'title']} rules={[{ required: true, min: 2 }]} style={{ margin: 0 }}>
                        <Input placeholder={pick({ zh: `第${ci + 1}章 标题`, en: `Chapter ${ci + 1} title` })} aria-label={`chapter ${ci + 1}`} />
                      </Form.Item>
                    }
                    extra={chapters.length > 1 ? <MinusCircleOutlined aria-label="remove chapter" onClick={() => removeChapter(ch.name)} /> : null}
                  >
                    <Form.List name={[ch.name, 'lessons']}>
                      {(lessons, { add, remove }) => (
                        <>
                          {lessons.map((l) => (
                            <Space key={l.key} align="start" wrap style={{ borderBottom: '1px dashed #eee', marginBottom: 8 }}>
                              <Form.Item name={[l.name, 'id']} hidden>
                                <Input />
                              </Form.Item>
                              <Form.Item name={[l.name, 'title']} label={pick({ zh: '课时', en: 'Lesson' })} rules={[{ required: true, min: 2 }]}>
                                <Input style={{ width: 200 }} />
                              </Form.Item>
                              <Form.Item name={[l.name, 'contentId']} label={pick({ zh: '内容（视频/文章）', en: 'Content' })}>
                                <Select allowClear showSearch optionFilterProp="label" options={contentOptions} style={{ width: 220 }} />
                              </Form.Item>
                              <Form.Item name={[l.name, 'durationSec']} label={pick({ zh: '时长（秒）', en: 'Seconds' })} rules={[{ required: true }]}>
                                <InputNumber min={10} max={14_400} />
                              </Form.Item>
                              <Form.Item name={[l.name, 'keyPoints']} label={pick({ zh: '重点（每行 m:ss 标签）', en: 'Key points (m:ss label)' })}>
                                <Input.TextArea rows={2} style={{ width: 200 }} />
                              </Form.Item>
                              {lessons.length > 1 ? (
                                <MinusCircleOutlined aria-label="remove lesson" onClick={() => remove(l.name)} style={{ marginTop: 36 }} />
                              ) : null}
                            </Space>
                          ))}
                          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ title: '', durationSec: 120 })}>
                            {pick({ zh: '添加课时', en: 'Add a lesson' })}
                          </Button>
                        </>
                      )}
                    </Form.List>
                  </Card>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => addChapter({ title: '', lessons: [{ title: '', durationSec: 120 }] })}>
                  {pick({ zh: '添加章节', en: 'Add a chapter' })}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Page>
  );
};
