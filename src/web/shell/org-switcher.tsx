import { App, Select } from 'antd';
import { useState } from 'react';
import { ORG_TYPE_LABELS } from '../../modules/identity/contract.ts';
import { useI18n } from '../i18n.ts';
import { useErrorText } from '../ui/errors.ts';
import { useSession, useUser } from './session.tsx';

/** Shown only to people who belong to more than one organisation. */
export const OrgSwitcher = () => {
  const user = useUser();
  const { switchOrg } = useSession();
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);

  if (user.memberships.length <= 1) return null;

  const change = async (orgId: string) => {
    setBusy(true);
    try {
      const next = await switchOrg(orgId);
      message.success(t('header.switchedOrg', { org: next.activeOrg.orgName }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Select
      data-testid="org-switcher"
      aria-label={t('header.org')}
      value={user.activeOrg.orgId}
      loading={busy}
      disabled={busy}
      onChange={(orgId: string) => void change(orgId)}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200 }}
      options={user.memberships.map((m) => ({
        value: m.orgId,
        label: `${m.orgName} · ${pick(ORG_TYPE_LABELS[m.orgType])}`,
      }))}
    />
  );
};
