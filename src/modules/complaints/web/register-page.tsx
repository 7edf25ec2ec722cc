import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Radio, Result, Row, Select, Space, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { useSession, useUser } from '../../../web/shell/session.tsx';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { useOrgs } from '../../identity/web/use-orgs.ts';
import { CHANNEL_LABELS, CHANNELS, isValidIdNumber, type TChannel } from '../contract.ts';
import { complaintApi, type RegisterComplaintRequest, type Registered } from './api.ts';
import { showFieldErrors } from './form-errors.ts';
import { PARTY_ROLE_LABELS } from './labels.ts';
import { useText } from './messages.ts';
import { useCodes } from './use-codes.ts';

type Values = {
  channel: TChannel;
  regulatorTicket?: string;
  orgId: string;
  complainantName: string;
  phone: string;
  idNumber?: string;
  party: { role: 'self' | 'agent' | 'heir'; agentName?: string; agentDocument?: string };
  title?: string;
  facts: string;
  request: string;
  businessCategory?: string;
  cause?: string;
  flags: string[];
  groupSize?: number | null;
  inPersonGroup?: boolean;
};

const MAJOR_GROUP_SIZE = 20;
const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

const toBody = (v: Values): RegisterComplaintRequest => ({
  channel: v.channel,
  regulatorTicket: v.channel === 'regulator' ? opt(v.regulatorTicket) : undefined,
  orgId: v.orgId,
  complainantName: v.complainantName.trim(),
  phone: v.phone.trim(),
  idNumber: opt(v.idNumber),
  party: v.party.role === 'self' ? undefined : { role: v.party.role, agentName: opt(v.party.agentName), agentDocument: opt(v.party.agentDocument) },
  title: opt(v.title),
  facts: v.facts.trim(),
  request: v.request.trim(),
  businessCategory: v.businessCategory,
  cause: v.cause,
  flags: v.flags.length ? { elderly: v.flags.includes('elderly'), mediaExposure: v.flags.includes('media') } : undefined,
  groupSize: v.groupSize ?? undefined,
  inPersonGroup: v.groupSize ? Boolean(v.inPersonGroup) : undefined,
});

/** 登记投诉: one screen, counter defaults, the tracking code and deadline shown on success. */
export const RegisterPage = () => {
  const { pick } = useI18n();
  const t = useText();
  const me = useUser();
  const { can } = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Registered | null>(null);
  const { tree } = useOrgs(can('org.read'));
  const codes = useCodes();
  const channel = Form.useWatch('channel', form);
  const role = Form.useWatch(['party', 'role'], form);
  const groupSize = Form.useWatch('groupSize', form);
  const inPerson = Form.useWatch('inPersonGroup', form);

  // Counter staff register for their own outlet; branch staff choose the org complained about.
  const isFrontOrg = me.activeOrg.orgType === 'outlet' || me.activeOrg.orgType === 'sub_branch';
  const orgOptions = tree.length ? tree : [{ value: me.activeOrg.orgId, title: me.activeOrg.orgName }];
  const initial: Partial<Values> = { channel: 'counter', orgId: isFrontOrg ? me.activeOrg.orgId : undefined, party: { role: 'self' }, flags: [] };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      setDone(await complaintApi.register(toBody(v)));
      form.resetFields();
    } catch (err) {
      setError(err);
      showFieldErrors(form, err, { idNumber: t('reg.idRule'), phone: t('reg.phoneRule') });
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Card data-testid="register-done">
        <Result
          status="success"
          title={t('reg.done')}
          subTitle={t('reg.doneSub')}
          extra={[
            <Link key="open" to={`/complaints/${done.id}`}>
              <Button type="primary" data-testid="register-open">
                {t('reg.open')}
              </Button>
            </Link>,
            <Button key="again" onClick={() => setDone(null)}>
              {t('reg.another')}
            </Button>,
          ]}
        >
          <Descriptions column={1} bordered size="middle" style={{ maxWidth: 480, margin: '0 auto' }}>
            <Descriptions.Item label={t('col.code')}>
              <Typography.Text copyable strong style={{ fontSize: 18 }} data-testid="register-code">
                {done.trackingCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('reg.deadline')}>
              <span data-testid="register-deadline">{done.deadline}</span>
            </Descriptions.Item>
          </Descriptions>
        </Result>
      </Card>
    );
  }

  const required = { required: true, whitespace: true, message: t('common.required') };
  return (
    <div data-testid="register-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('reg.title')}
      </Typography.Title>
      <Card>
        <ErrorAlert error={error} testId="register-error" />
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} disabled={busy} scrollToFirstError>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="channel" label={t('reg.channel')} rules={[{ required: true }]}>
                <Select options={CHANNELS.map((c) => ({ value: c, label: pick(CHANNEL_LABELS[c]) }))} data-testid="reg-channel" />
              </Form.Item>
            </Col>
            {channel === 'regulator' ? (
              <Col xs={24} md={8}>
                <Form.Item name="regulatorTicket" label={t('reg.ticket')} rules={[required, { max: 64 }]}>
                  <Input maxLength={64} data-testid="reg-ticket" />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} md={channel === 'regulator' ? 8 : 16}>
              <Form.Item name="orgId" label={t('reg.org')} rules={[{ required: true, message: t('common.required') }]}>
                <TreeSelect treeData={orgOptions} treeDefaultExpandAll showSearch treeNodeFilterProp="title" data-testid="reg-org" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="complainantName" label={t('reg.name')} rules={[required, { max: 50 }]}>
                <Input maxLength={50} autoFocus data-testid="reg-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="phone" label={t('reg.phone')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('reg.phoneRule') }]}>
                <Input inputMode="tel" maxLength={11} data-testid="reg-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="idNumber"
                label={t('reg.idNumber')}
                rules={[
                  {
                    validator: async (_, v?: string) =>
                      !v?.trim() || isValidIdNumber(v.trim().toUpperCase()) ? undefined : Promise.reject(new Error(t('reg.idRule'))),
                  },
                ]}
              >
                <Input maxLength={18} data-testid="reg-id" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['party', 'role']} label={t('reg.role')}>
                <Radio.Group
                  optionType="button"
                  options={(['self', 'agent', 'heir'] as const).map((r) => ({ value: r, label: pick(PARTY_ROLE_LABELS[r]) }))}
                  data-testid="reg-role"
                />
              </Form.Item>
            </Col>
            {role && role !== 'self' ? (
              <>
                <Col xs={24} md={6}>
                  <Form.Item name={['party', 'agentName']} label={t('reg.agentName')} rules={[required, { max: 50 }]}>
                    <Input maxLength={50} data-testid="reg-agent-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={['party', 'agentDocument']} label={t('reg.agentDocument')} rules={[required, { max: 200 }]}>
                    <Input maxLength={200} placeholder={t('reg.agentDocumentHint')} data-testid="reg-agent-doc" />
                  </Form.Item>
                </Col>
              </>
            ) : null}
            <Col xs={24}>
              <Form.Item name="facts" label={t('reg.facts')} rules={[required, { max: 5000 }]}>
                <Input.TextArea rows={4} maxLength={5000} showCount data-testid="reg-facts" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="request" label={t('reg.request')} rules={[required, { max: 2000 }]}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="reg-request" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="title" label={t('reg.title2')} rules={[{ max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="businessCategory" label={t('reg.category')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={codes.business} data-testid="reg-category" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="cause" label={t('reg.cause')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={codes.causes} data-testid="reg-cause" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="flags" label={t('reg.flags')}>
                <Checkbox.Group
                  options={[
                    { value: 'elderly', label: t('reg.elderly') },
                    { value: 'media', label: t('reg.media') },
                  ]}
                  data-testid="reg-flags"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Space align="end" wrap>
                <Form.Item name="groupSize" label={t('reg.groupSize')}>
                  <InputNumber min={1} max={10000} style={{ width: 160 }} data-testid="reg-group-size" />
                </Form.Item>
                <Form.Item name="inPersonGroup" valuePropName="checked">
                  <Checkbox disabled={!groupSize || groupSize < 2} data-testid="reg-in-person">
                    {t('reg.inPerson')}
                  </Checkbox>
                </Form.Item>
              </Space>
            </Col>
          </Row>
          {inPerson && (groupSize ?? 0) >= MAJOR_GROUP_SIZE ? (
            <Alert type="warning" showIcon title={t('reg.major')} style={{ marginBottom: 16 }} data-testid="reg-major" />
          ) : null}
          <Button type="primary" htmlType="submit" size="large" loading={busy} data-testid="reg-submit">
            {t('reg.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
};
