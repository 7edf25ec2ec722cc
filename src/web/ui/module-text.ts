import { useCallback } from 'react';
import { useI18n } from '../i18n.ts';

export type Pair = readonly [zh: string, en: string];
export type TextFn<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

/**
 * A module's own dictionary of [Chinese, English] pairs, read through a hook that follows the
 * shell's language switch; `{name}` placeholders are filled from `vars`.
 */
export const createTextHook =
  <K extends string>(messages: Record<K, Pair>) =>
  (): TextFn<K> => {
    const { locale } = useI18n();
    return useCallback(
      (key, vars) => {
        const text = messages[key][locale === 'en-US' ? 1 : 0];
        return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
      },
      [locale],
    );
  };
