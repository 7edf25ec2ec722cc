import enUSModule from 'antd/es/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import type { UiLocale } from '../api-client.ts';

// antd ships CommonJS-typed declarations, so under NodeNext TypeScript sees `{ default: Locale }`
// while Vite hands us the ESM default itself; accept both shapes.
const unwrap = (mod: unknown): Locale => {
  const m = mod as Locale | { default: Locale };
  return 'default' in m ? m.default : m;
};

export const antdLocales: Record<UiLocale, Locale> = {
  'zh-CN': unwrap(zhCNModule),
  'en-US': unwrap(enUSModule),
};
