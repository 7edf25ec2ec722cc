import type { UiLocale } from '../api-client.ts';

/** A compact local date and time, e.g. 2026/11/28 09:05 or 11/28/26, 9:05 AM. */
export const formatDateTime = (iso: string, locale: UiLocale, withSeconds = false): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: withSeconds ? 'medium' : 'short' }).format(new Date(iso));
