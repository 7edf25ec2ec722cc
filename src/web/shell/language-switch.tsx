import { Segmented } from 'antd';
import { authApi } from '../../modules/identity/web/api.ts';
import { type UiLocale, useI18n } from '../i18n.ts';
import { useSession } from './session.tsx';

/** 中文 / English toggle; applies instantly and, when signed in, is saved to the account. */
export const LanguageSwitch = () => {
  const { locale, setLocale, t } = useI18n();
  const { user } = useSession();

  const change = (next: UiLocale) => {
    setLocale(next);
    // Best effort: the device keeps the choice even if the account update fails.
    if (user) authApi.saveLocale(next).catch(() => undefined);
  };

  return (
    <Segmented<UiLocale>
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      value={locale}
      onChange={change}
      options={[
        {
          value: 'zh-CN',
          label: (
            <span data-testid="lang-zh" lang="zh-CN">
              {t('lang.zh')}
            </span>
          ),
        },
        {
          value: 'en-US',
          label: (
            <span data-testid="lang-en" lang="en-US">
              {t('lang.en')}
            </span>
          ),
        },
      ]}
    />
  );
};
