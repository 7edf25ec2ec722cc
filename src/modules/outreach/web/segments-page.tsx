import { Alert, Button, Card, Col, Form, Input, InputNumber, List, Row, Select, Space, Statistic, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import { AGE_BANDS, CHANNEL_LABELS, CHANNELS, OCCUPATIONS, type TRule, type TSegmentPreview } from '../contract.ts';
import { outreachApi } from './api.ts';

type Builder = {
  ageBands: string[];
  occupations: string[];
  orgCode?: string;
  reachable?: string;
  quizBelow?: number | null;
  attendedEvent?: string;
  complainedCategory?: string;
};

/** The form's conditions are ANDed into one rule tree (the API accepts any tree of all/any/not). */
export const ruleOf = (b: Builder): TRule | null => {
  const rules: TRule[] = [];
  if (b.ageBands.length) rules.push({ type: 'ageBand', values: b.ageBands });
  if (b.occupations.length) rules.push({ type: 'occupation', values: b.occupations });
  if (b.orgCode) rules.push({ type: 'homeOrg', orgCode: b.orgCode });
  if (b.reachable) rules.push({ type: 'reachable', channel: b.reachable as 'sms' });
  if (typeof b.quizBelow === 'number') rules.push({ type: 'quizScore', below: b.quizBelow });
  if (b.attendedEvent) rules.push({ type: 'attended', eventId: b.attendedEvent });
  if (b.complainedCategory) rules.push({ type: 'complained', category: b.complainedCategory });
  if (rules.length === 0) return null;
  return rules.length === 1 ? (rules[0] as TRule) : { type: 'all', rules };
};

/** 客户分群: rule builder with a live count and a masked sample; a rule that matches nothing says why. */
export const SegmentsPage = () => {
  const { pick, locale } = useI18n();
  const segments = useRequest(() => outreachApi.segments(), []);
  const orgs = useRequest(() => outreachApi.orgs(), []);
  const [b, setB] = useState<Builder>({ ageBands: [], occupations: [] });
  const [name, setName] = useState('');
  const [preview, setPreview] = useState<TSegmentPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rule = useMemo(() => ruleOf(b), [b]);

  useEffect(() => {
    if (!rule) return setPreview(null);
    const t = setTimeout(() => {
      outreachApi.preview(rule).then(
        (p) => {
          setPreview(p);
          setError(null);
        },
        (e) => setError(e),
      );
    }, 250);
    return () => clearTimeout(t);
  }, [rule]);

  const save = async () => {
    if (!rule) return;
    try {
      await outreachApi.saveSegment({ name, rule });
      setName('');
      segments.reload();
    } catch (e) {
      setError(e);
    }
  };
  const set = (patch: Partial<Builder>) => setB((x) => ({ ...x, ...patch }));

  return (
    <Page title={pick({ zh: '客户分群', en: 'Segments' })} testId="outreach-segments-page">
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form layout="vertical">
            <Form.Item label={pick({ zh: '年龄段', en: 'Age band' })}>
              <Select
                mode="multiple"
                data-testid="seg-age"
                value={b.ageBands}
                onChange={(v) => set({ ageBands: v })}
                options={AGE_BANDS.map((a) => ({ value: a, label: a }))}
              />
            </Form.Item>
            <Form.Item label={pick({ zh: '职业（含新就业形态）', en: 'Occupation' })}>
              <Select
                mode="multiple"
                value={b.occupations}
                onChange={(v) => set({ occupations: v })}
                options={OCCUPATIONS.map((a) => ({ value: a, label: a }))}
              />
            </Form.Item>
            <Form.Item label={pick({ zh: '归属机构（含下级网点）', en: 'Home org (incl. outlets below)' })}>
              <Select
                allowClear
                showSearch
                data-testid="seg-org"
                value={b.orgCode}
                onChange={(v) => set({ orgCode: v })}
                optionFilterProp="label"
                options={(orgs.data?.items ?? []).map((o) => ({ value: o.code, label: `${o.name} ${o.code}` }))}
              />
            </Form.Item>
            <Form.Item label={pick({ zh: '可触达渠道（已授权且未退订）', en: 'Reachable on' })}>
              <Select
                allowClear
                value={b.reachable}
                onChange={(v) => set({ reachable: v })}
                options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c][locale === 'en-US' ? 1 : 0] }))}
              />
            </Form.Item>
            <Space wrap>
              <Form.Item label={pick({ zh: '答题得分低于', en: 'Quiz score below' })}>
                <InputNumber min={0} max={1000} value={b.quizBelow ?? null} onChange={(v) => set({ quizBelow: v })} />
              </Form.Item>
              <Form.Item label={pick({ zh: '参加过活动（编号）', en: 'Attended event (id)' })}>
                <Input value={b.attendedEvent} onChange={(e) => set({ attendedEvent: e.target.value || undefined })} />
              </Form.Item>
              <Form.Item label={pick({ zh: '投诉过（业务类别）', en: 'Complained about' })}>
                <Input value={b.complainedCategory} onChange={(e) => set({ complainedCategory: e.target.value || undefined })} />
              </Form.Item>
            </Space>
            <Space.Compact style={{ width: '100%' }}>
              <Input placeholder={pick({ zh: '分群名称', en: 'Segment name' })} value={name} onChange={(e) => setName(e.target.value)} data-testid="seg-name" />
              <Button type="primary" disabled={!rule || !name} onClick={save} data-testid="seg-save">
                {pick({ zh: '保存分群', en: 'Save' })}
              </Button>
            </Space.Compact>
          </Form>
        </Col>
        <Col xs={24} lg={12}>
          <ErrorAlert error={error} />
          <Card size="small">
            <Statistic title={pick({ zh: '实时人数', en: 'Live count' })} value={preview?.count ?? '—'} valueStyle={{ fontSize: 32 }} />
            <span data-testid="seg-count" style={{ display: 'none' }}>
              {preview?.count ?? ''}
            </span>
            {preview?.isEmpty ? (
              <Alert
                type="warning"
                data-testid="seg-empty"
                message={pick({ zh: '该规则没有匹配任何客户。各条件单独匹配人数：', en: 'This rule matches nobody. Each condition alone matches:' })}
                description={<List size="small" dataSource={preview.explain} renderItem={(e) => <List.Item>{`${e.condition}：${e.count}`}</List.Item>} />}
              />
            ) : null}
            {preview?.sample.length ? (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={preview.sample}
                columns={[
                  { title: pick({ zh: '样本', en: 'Sample' }), dataIndex: 'name' },
                  { title: pick({ zh: '手机号', en: 'Mobile' }), dataIndex: 'mobile' },
                  { title: pick({ zh: '年龄段', en: 'Age' }), dataIndex: 'ageBand' },
                  { title: pick({ zh: '网点', en: 'Outlet' }), dataIndex: 'homeOrgCode' },
                ]}
              />
            ) : null}
          </Card>
        </Col>
      </Row>
      <Table
        style={{ marginTop: 16 }}
        rowKey="id"
        loading={segments.loading}
        dataSource={segments.data?.items ?? []}
        columns={[
          { title: pick({ zh: '分群', en: 'Segment' }), dataIndex: 'name' },
          { title: pick({ zh: '说明', en: 'Description' }), dataIndex: 'description' },
          { title: pick({ zh: '保存时人数', en: 'Count when saved' }), dataIndex: 'lastCount' },
          { title: pick({ zh: '创建人', en: 'By' }), dataIndex: 'createdBy' },
        ]}
      />
    </Page>
  );
};
