import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBrowserReady, cjkGlyphsRender, launchBrowser, newContext, runBrowserTests, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TIMEOUT = 150_000;

describe.skipIf(!runBrowserTests)('web shell in a real browser', { timeout: TIMEOUT }, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    assertBrowserReady();
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await newContext(browser, server.url);
    context.setDefaultTimeout(40_000);
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  const password = (username: string): string => {
    const pw = server.users[username];
    if (!pw) throw new Error(`no demo password for ${username}`);
    return pw;
  };

  const signIn = async (username: string, pw = password(username)) => {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(pw);
    await page.getByTestId('login-submit').click();
  };

  const text = async (testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
  const waitForText = (testId: string, value: string) => page.getByTestId(testId).filter({ hasText: value }).waitFor();

  it('signs in, shows the menu, and switches the language both ways without a reload', async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByText('小保 · 消费者权益保护平台').waitFor();

    await signIn('admin');
    await page.getByTestId('main-menu').waitFor();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await text('nav-home')).toBe('首页');
    expect(await text('nav-orgs')).toBe('机构');
    expect(await text('nav-users')).toBe('用户');
    expect(await text('nav-audit')).toBe('审计日志');
    expect(await text('product-name')).toBe('小保 · 消费者权益保护平台');

    // A marker on window survives only if the switch happens without reloading the page.
    await page.evaluate(() => Object.assign(window, { __noReload: true }));
    await page.getByTestId('lang-en').click();
    await waitForText('nav-users', 'Users');
    expect(await text('nav-home')).toBe('Home');
    expect(await text('nav-audit')).toBe('Audit log');
    expect(await text('product-name')).toBe('Xiaobao Consumer Protection');

    await page.getByTestId('lang-zh').click();
    await waitForText('nav-users', '用户');
    expect(await text('nav-home')).toBe('首页');
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });

  it('shows the generic error for a wrong password', async () => {
    await signIn('handler01', 'definitely-not-the-password');
    await page.getByTestId('login-error').waitFor();
    expect(await text('login-error')).toContain('用户名或密码错误');
    expect(page.url()).toMatch(/\/login$/);
  });

  it('holds a user who must change the password on that page until it is changed', async () => {
    await signIn('newbie');
    await page.waitForURL('**/change-password');
    await page.getByTestId('cp-forced').waitFor();
    expect(await text('cp-forced')).toContain('首次登录');

    for (const path of ['/', '/users', '/audit', '/no-such-page']) {
      await page.goto(path);
      await page.waitForURL('**/change-password');
      await page.getByTestId('change-password-form').waitFor();
      expect(await page.getByTestId('main-menu').count()).toBe(0);
    }

    await page.getByTestId('cp-current').fill(password('newbie'));
    await page.getByTestId('cp-new').fill('Fresh#Start2026');
    await page.getByTestId('cp-confirm').fill('Fresh#Start2026');
    await page.getByTestId('cp-submit').click();

    await page.getByTestId('main-menu').waitFor();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await text('nav-home')).toBe('首页');
    await page.getByTestId('welcome-card').waitFor();
  });

  it('renders the home page with Chinese text and a live chart, and saves a screenshot', async () => {
    await signIn('admin');
    await page.getByTestId('welcome-card').waitFor();
    expect(await text('welcome-roles')).toContain('系统管理员');
    await page.getByTestId('home-chart').locator('canvas').waitFor();
    expect(await cjkGlyphsRender(page)).toBe(true);
    // Let the bar animation finish so the screenshot shows the final chart.
    await page.waitForTimeout(1200);
    await screenshot(page, 'docs/screenshots/shell.png');
  });
});
