import { EyeOutlined } from '@ant-design/icons';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { testId } from '../../../web/ui/test-id.ts';
import type { TUserSummary } from '../contract.ts';
import { type RevealField, userApi } from './api.ts';

export type RevealTarget = { user: TUserSummary; field: RevealField };

type Props = { target: RevealTarget | null; onClose: () => void; onRevealed: (target: RevealTarget, value: string | null) => void };

/** Asks why before showing a full phone number or email; the server audits every reveal. */
export const RevealModal = ({ target, onClose, onRevealed }: Props) => {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldLabel = target ? t(target.field === 'phone' ? 'users.phone' : 'users.email') : '';

  const submit = async ({ reason }: { reason: string }) => {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const res = await userApi.reveal(target.user.id, target.field, reason.trim());
      onRevealed(target, res.value);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={t('reveal.title', { field: fieldLabel })}
      okText={t('reveal.submit')}
      okButtonProps={{ icon: <EyeOutlined />, loading: busy, ...testId('reveal-submit') }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setError(null);
      }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('reveal.notice')} style={{ marginBottom: 16 }} data-testid="reveal-notice" />
      {target ? (
        <Typography.Paragraph>
          {target.user.displayName} · {target.user.username}
        </Typography.Paragraph>
      ) : null}
      <ErrorAlert error={error} testId="reveal-error" />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="reason" label={t('reveal.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('reveal.reasonRule') }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('reveal.reasonPlaceholder')} data-testid="reveal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
};
