import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium package; override with CHROMIUM_PATH for other distributions. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const isCI = process.env.CI === 'true';
export const browserAvailable = existsSync(CHROMIUM_PATH);

export const browserMissing = browserAvailable
  ? null
  : `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH).`;

/**
 * Whether to run the browser suite. Locally a missing Chromium only skips it (with the reason
 * printed); under CI=true the suite runs anyway so that `assertBrowserReady` fails it loudly.
 */
export const runBrowserTests = browserAvailable || isCI;
if (!runBrowserTests) console.warn(`[e2e] browser tests skipped: ${browserMissing}`);

/** Call in beforeAll: throws with a clear message instead of letting CI silently skip or limp. */
export const assertBrowserReady = (): void => {
  if (!browserAvailable) throw new Error(`The e2e suite must not be skipped under CI=true. ${browserMissing}`);
};

/** A fresh headless Chromium; each launch gets its own temporary profile. */
export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

/** A clean context (no cookies, no storage) with a desktop viewport and Chinese as the browser language. */
export const newContext = (browser: Browser, baseURL: string): Promise<BrowserContext> =>
  browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });

export const screenshot = async (page: Page, repoPath: string): Promise<string> => {
  const path = `${ROOT}${repoPath}`;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: false });
  return path;
};

/**
 * True when two different Chinese characters draw differently in the page's font. Without a CJK
 * font both fall back to the same "tofu" box, which text assertions alone would not notice.
 */
export const cjkGlyphsRender = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const draw = (ch: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const ctx = canvas.getContext('2d');
      if (!ctx) return '';
      ctx.font = `32px ${getComputedStyle(document.body).fontFamily}`;
      ctx.fillText(ch, 4, 38);
      return canvas.toDataURL();
    };
    return draw('消') !== draw('保');
  });
