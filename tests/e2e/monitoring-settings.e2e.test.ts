import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserReady, launchBrowser, newContext, runBrowserTests, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TIMEOUT = 240_000;

/**
 * The opinion admin screens in a real browser: source health, a watchlist written with the query
 * editor and tried on recent posts first, grading rules with their fire counts, a robot channel,
 * and a CSV import followed to 100 % with its rejected rows listed.
 */
describe.skipIf(!runBrowserTests)('opinion settings in a real browser', { timeout: TIMEOUT }, () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  const saved = { complaints: process.env.XIAOBAO_DEMO_COMPLAINTS, size: process.env.XIAOBAO_DEMO_SIZE, perSource: process.env.XIAOBAO_DEMO_POSTS_PER_SOURCE };

  beforeAll(async () => {
    assertBrowserReady();
    process.env.XIAOBAO_DEMO_COMPLAINTS = '0';
    process.env.XIAOBAO_DEMO_POSTS_PER_SOURCE = '60';
    delete process.env.XIAOBAO_DEMO_SIZE;
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
  }, TIMEOUT);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    for (const [k, v] of [
      ['XIAOBAO_DEMO_COMPLAINTS', saved.complaints],
      ['XIAOBAO_DEMO_SIZE', saved.size],
      ['XIAOBAO_DEMO_POSTS_PER_SOURCE', saved.perSource],
    ] as const)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  });

  it('manages sources, watchlists, rules and channels, and imports a file with progress and a row report', async () => {
    context = await newContext(browser, server.url);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').fill('cpadmin');
    await page.getByTestId('login-password').fill(server.users.cpadmin as string);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-opinion-settings').click();
    await page.getByTestId('opinion-settings').waitFor();
    await page.getByTestId('source-demo-weibo').waitFor();
    expect(await page.getByTestId('push-api').textContent()).toMatch(/posts:write/);

    // A query that does not parse is marked on the field; a good one is tried on recent posts before saving.
    await page.getByTestId('settings-tab-watchlists').click();
    await page.getByTestId('watchlist-add').click();
    await page.getByLabel('名称').fill('手机银行故障');
    await page.getByTestId('watchlist-query').fill('(手机银行 OR');
    await page.getByTestId('watchlist-test').click();
    await page
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /position/ })
      .waitFor();
    await page.getByTestId('watchlist-query').fill('(手机银行 OR app) NOT 点赞');
    await page.getByTestId('watchlist-test').click();
    const preview = page.getByTestId('watchlist-preview');
    await preview.waitFor();
    const [, matched] = ((await preview.textContent()) ?? '').match(/命中 (\d+) 条/) ?? [];
    expect(Number(matched)).toBeGreaterThan(0);
    await screenshot(page, 'docs/screenshots/opinion-watchlist-editor.png');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('settings-watchlists').getByText('手机银行故障').waitFor();

    await page.getByTestId('settings-tab-rules').click();
    const rule = page.getByTestId('settings-rules').locator('tr').filter({ hasText: '一般负面' });
    await rule.waitFor();
    expect(Number(await rule.locator('[data-testid^="rule-fired-"]').textContent())).toBeGreaterThan(0);

    await page.getByTestId('settings-tab-channels').click();
    await page.getByTestId('channel-add').click();
    await page.getByLabel('名称').fill('消保值班群');
    await page.getByLabel('机器人 Webhook 地址').fill('https://qyapi.example/cgi-bin/webhook/send?key=SECRET');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const channel = page.getByTestId('settings-channels').locator('tr').filter({ hasText: '消保值班群' });
    await channel.waitFor();
    expect(await channel.textContent()).toMatch(/qyapi\.example\/…/);
    expect(await channel.textContent()).not.toMatch(/SECRET/);

    await page.getByTestId('settings-tab-import').click();
    const rows = ['externalId,publishedAt,text,reposts'];
    const at = new Date(Date.now() - 3 * 3600_000).toISOString();
    for (let i = 1; i <= 700; i++) rows.push(i === 321 ? `e${i},not-a-date,坏行,1` : `e${i},${at},第${i}条：工行网点排队太久了,${i}`);
    await page.locator('input[type=file]').setInputFiles({ name: '论坛导出.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid="import-job"][data-status="done"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-job').textContent()).toMatch(/已处理 700 \/ 700 行/);
    const errors = page.getByTestId('import-errors');
    expect(await errors.locator('tbody tr').count()).toBe(1);
    expect(await errors.locator('tbody tr').first().textContent()).toMatch(/^321e321publishedAt/);
    await screenshot(page, 'docs/screenshots/opinion-import.png');
  });
});
