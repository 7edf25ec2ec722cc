import { createContext, createElement, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { setApiLocale, type UiLocale } from './api-client.ts';
import { enUS } from './i18n/en-US.ts';
import { type Dictionary, type MessageKey, zhCN } from './i18n/zh-CN.ts';

export type { MessageKey, UiLocale };
export type Bilingual = { zh: string; en: string };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const LOCALES: readonly UiLocale[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'xb_locale';
const dictionaries: Record<UiLocale, Dictionary> = { 'zh-CN': zhCN, 'en-US': enUS };

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(zhCN, key);

const isLocale = (v: unknown): v is UiLocale => v === 'zh-CN' || v === 'en-US';

export const translate = (locale: UiLocale, key: MessageKey, vars?: Record<string, string | number>): string => {
  const text = dictionaries[locale][key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : text;
};

/** The locale chosen on this device, if any: localStorage first, then the cookie the server also reads. */
export const storedLocale = (): UiLocale | null => {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be blocked by browser policy; fall through to the cookie.
  }
  const match = /(?:^|;\s*)xb_locale=([^;]+)/.exec(document.cookie);
  const fromCookie = match?.[1] ? decodeURIComponent(match[1]) : null;
  return isLocale(fromCookie) ? fromCookie : null;
};

const rememberLocale = (locale: UiLocale) => {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the cookie below still carries the choice.
  }
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not yet available in every supported browser.
  document.cookie = `xb_locale=${locale}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = locale;
  document.title = translate(locale, 'app.name');
  setApiLocale(locale);
};

export type I18n = {
  locale: UiLocale;
  setLocale: (locale: UiLocale) => void;
  t: Translate;
  /** Picks the current language from a `{ zh, en }` label (as used in contract.ts). */
  pick: (label: Bilingual) => string;
};

const I18nContext = createContext<I18n | null>(null);

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [locale, setLocaleState] = useState<UiLocale>(() => {
    const initial = storedLocale() ?? 'zh-CN';
    // Synchronous so the very first request already carries the right x-locale.
    setApiLocale(initial);
    document.documentElement.lang = initial;
    document.title = translate(initial, 'app.name');
    return initial;
  });

  const setLocale = useCallback((next: UiLocale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, vars) => translate(locale, key, vars),
      pick: (label) => (locale === 'en-US' ? label.en : label.zh),
    }),
    [locale, setLocale],
  );
  return createElement(I18nContext.Provider, { value }, children);
};

export const useI18n = (): I18n => {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
};
