import { App, Button, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { testId } from '../../../web/ui/test-id.ts';
import type { TComplaintDetail } from '../contract.ts';
import { ACTION_SPECS, bodyOf, orderedActions } from './action-specs.tsx';
import { complaintApi } from './api.ts';
import { showFieldErrors } from './form-errors.ts';
import { useText } from './messages.ts';

type Props = { detail: TComplaintDetail; onChanged: (d: TComplaintDetail) => void };

const ActionModal = ({ action, detail, onClose, onChanged }: Props & { action: string; onClose: () => void }) => {
  const { pick } = useI18n();
  const t = useText();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const spec = ACTION_SPECS[action];
  if (!spec) return null;
  const label = pick(spec.label);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await complaintApi.act(detail.id, spec.endpoint, bodyOf(spec, values, detail));
      message.success(t('case.done', { action: label }));
      onChanged(next);
      onClose();
    } catch (err) {
      setError(err);
      showFieldErrors(form, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={label}
      okText={label}
      cancelText={pick({ zh: '取消', en: 'Cancel' })}
      okButtonProps={{ loading: busy, danger: spec.tone === 'danger', ...testId('action-submit') }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={spec.Fields ? 600 : 420}
    >
      <ErrorAlert error={error} testId="action-error" />
      <Form
        form={form}
        layout="vertical"
        initialValues={spec.initial?.(detail)}
        onFinish={(v) => void submit(v)}
        disabled={busy}
        data-testid={`action-form-${action}`}
      >
        {spec.Fields ? <spec.Fields detail={detail} /> : <Typography.Paragraph>{pick({ zh: `确定${label}？`, en: `${label}?` })}</Typography.Paragraph>}
      </Form>
    </Modal>
  );
};

/** Exactly the buttons the server allows now; each opens a small form and shows the refreshed case. */
export const CaseActions = ({ detail, onChanged }: Props) => {
  const { pick } = useI18n();
  const t = useText();
  const [open, setOpen] = useState<string | null>(null);
  const actions = orderedActions(detail.allowedActions);
  if (!actions.length) return <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>;
  return (
    <Flex gap={8} wrap data-testid="case-actions">
      {actions.map((a) => {
        const spec = ACTION_SPECS[a];
        return (
          <Button
            key={a}
            type={spec?.tone === 'primary' ? 'primary' : 'default'}
            danger={spec?.tone === 'danger'}
            disabled={!spec}
            onClick={() => setOpen(a)}
            data-testid={`action-${a}`}
          >
            {spec ? pick(spec.label) : a}
          </Button>
        );
      })}
      {open ? <ActionModal key={open} action={open} detail={detail} onClose={() => setOpen(null)} onChanged={onChanged} /> : null}
    </Flex>
  );
};
