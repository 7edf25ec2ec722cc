import { Alert, Descriptions, Form, Input, Modal, Result, Select, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../web/api-client.ts';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { testId } from '../../../web/ui/test-id.ts';
import { ROLE_CODES, ROLE_LABELS, type TRole } from '../contract.ts';
import { type CreateUserRequest, type CreateUserResponse, userApi } from './api.ts';

type Values = { username: string; displayName: string; orgId: string; roles: TRole[]; phone?: string; email?: string; employeeNo?: string };
export type OrgOption = { value: string; title: string; children?: OrgOption[] };
type Props = { open: boolean; orgTree: OrgOption[]; defaultOrgId?: string; onClose: () => void; onCreated: () => void };

const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Creates a user, then shows the generated initial password exactly once. */
export const UserCreateModal = ({ open, orgTree, defaultOrgId, onClose, onCreated }: Props) => {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<(CreateUserResponse & { displayName: string }) | null>(null);

  const submit = async (v: Values) => {
    const body: CreateUserRequest = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      orgId: v.orgId,
      roles: v.roles,
      phone: optional(v.phone),
      email: optional(v.email),
      employeeNo: optional(v.employeeNo),
    };
    setBusy(true);
    setError(null);
    try {
      const res = await userApi.create(body);
      form.resetFields();
      setCreated({ ...res, displayName: body.displayName });
      onCreated();
    } catch (err) {
      setError(err);
      // Server validation names fields as `body.<name>`; show those next to the inputs too.
      if (isApiError(err)) {
        const fields = err.details.flatMap((d) => {
          const name = d.field?.replace(/^body\./, '');
          return name && name in body ? [{ name: name as keyof Values, errors: [d.message ?? d.issue] }] : [];
        });
        form.setFields(fields);
      }
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={t('users.createdTitle')}
        onCancel={onClose}
        onOk={onClose}
        okText={t('common.close')}
        cancelButtonProps={{ style: { display: 'none' } }}
        mask={{ closable: false }}
        afterClose={() => setCreated(null)}
      >
        <Result status="success" title={created.username} style={{ padding: '16px 0' }} />
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('users.initialPassword')}>
            <Typography.Text code copyable style={{ fontSize: 16 }} data-testid="created-password">
              {created.initialPassword}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('users.initialPasswordNote', { name: created.displayName })} />
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('users.createOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...testId('user-create-submit') }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setError(null);
      }}
      destroyOnHidden
      width={560}
    >
      <ErrorAlert error={error} testId="user-create-error" />
      <Form<Values> form={form} layout="vertical" requiredMark onFinish={(v) => void submit(v)} initialValues={{ orgId: defaultOrgId, roles: [] }}>
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9._@-]{2,64}$/, message: t('users.usernameRule') }]}
        >
          <Input autoComplete="off" maxLength={64} data-testid="user-create-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, max: 64, message: t('users.required') }]}>
          <Input maxLength={64} data-testid="user-create-name" />
        </Form.Item>
        <Form.Item name="orgId" label={t('users.org')} rules={[{ required: true, message: t('users.orgRequired') }]}>
          <TreeSelect treeData={orgTree} treeDefaultExpandAll showSearch treeNodeFilterProp="title" data-testid="user-create-org" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}>
          <Select mode="multiple" options={ROLE_CODES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))} data-testid="user-create-roles" />
        </Form.Item>
        <Form.Item name="employeeNo" label={t('users.employeeNo')} rules={[{ max: 32 }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('users.phoneRule') }]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', max: 254, message: t('users.emailRule') }]}>
          <Input inputMode="email" maxLength={254} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
