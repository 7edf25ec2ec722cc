import { ERROR_CATALOG, type ErrorCode } from '../../kernel/errors.ts';
import { isApiError } from '../api-client.ts';
import { type I18n, isMessageKey, useI18n } from '../i18n.ts';

const isCatalogued = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CATALOG, code);

/**
 * A user-facing sentence for any thrown value. The server's message is used when it was written
 * in the current language; after a language switch the catalogue gives the same text re-translated.
 */
export const errorText = (err: unknown, { locale, t }: Pick<I18n, 'locale' | 't'>): string => {
  if (!isApiError(err)) return t('error.unexpected');
  if (err.code === 'NETWORK_ERROR') return t('error.network');
  if (err.code === 'BAD_RESPONSE') return t('error.badResponse');
  if (err.locale === locale && err.message) return err.message;
  if (isCatalogued(err.code)) return locale === 'en-US' ? ERROR_CATALOG[err.code].en : ERROR_CATALOG[err.code].zh;
  return err.message || t('error.unexpected');
};

/** Field-level notes from a validation failure; issue codes the UI knows are shown as sentences. */
export const errorDetails = (err: unknown, { t }: Pick<I18n, 't'>): string[] => {
  if (!isApiError(err)) return [];
  return err.details.map((d) => {
    const key = `issue.${d.issue}`;
    return isMessageKey(key) ? t(key) : [d.field, d.message ?? d.issue].filter(Boolean).join(': ');
  });
};

export const useErrorText = () => {
  const i18n = useI18n();
  return (err: unknown) => errorText(err, i18n);
};
