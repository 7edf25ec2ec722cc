import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserReady, launchBrowser, newContext, runBrowserTests, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TIMEOUT = 240_000;

/**
 * Issue 5's journey: the demo's scripted spike raises an alert; handler01 opens an incident from it,
 * links two complaints on the same topic, records findings, decides the report is false, publishes a
 * clarification, watches and closes with a review. The dashboard shows the closed incident gone.
 */
describe.skipIf(!runBrowserTests)('opinion monitoring in a real browser', { timeout: TIMEOUT }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const saved = { complaints: process.env.XIAOBAO_DEMO_COMPLAINTS, size: process.env.XIAOBAO_DEMO_SIZE, perSource: process.env.XIAOBAO_DEMO_POSTS_PER_SOURCE };

  beforeAll(async () => {
    assertBrowserReady();
    process.env.XIAOBAO_DEMO_COMPLAINTS = '300';
    process.env.XIAOBAO_DEMO_POSTS_PER_SOURCE = '60';
    delete process.env.XIAOBAO_DEMO_SIZE;
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
  }, TIMEOUT);

  afterAll(async () => {
    for (const c of contexts) await c.close();
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

  const signIn = async (username: string): Promise<Page> => {
    const context = await newContext(browser, server.url);
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(server.users[username] ?? 'Xiaobao@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('main-menu').waitFor();
    return page;
  };

  const choose = async (page: Page, testId: string, label: string) => {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(label, { exact: true }).click();
  };

  it('turns the demo spike into an incident that links complaints, clarifies and closes with a review', async () => {
    const page = await signIn('handler01');
    await page.getByTestId('nav-opinion').click();
    await page.getByTestId('opinion-dashboard').waitFor();
    await page.getByTestId('opinion-sources').getByText('微博（演示回放）').waitFor();
    await screenshot(page, 'docs/screenshots/opinion-dashboard.png');

    await page.getByTestId('nav-opinion-alerts').click();
    await page.getByTestId('opinion-alerts').waitFor();
    const alert = page.locator('[data-testid^="alert-"]').filter({ hasText: '本行品牌' }).first();
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/近 1 小时 \d+ 条/);
    await alert.getByTestId('alert-open-incident').click();
    await choose(page, 'incident-open-grade', 'Ⅰ级 重大');
    await page.getByTestId('incident-open-submit').click();
    await page.getByTestId('opinion-incident').waitFor();
    expect(await page.getByTestId('incident-status').textContent()).toBe('调查核实');
    await page.getByTestId('clock-regulator_phone').waitFor();

    // Two complaints on the same topic, found by search and linked.
    await page.getByTestId('incident-complaint-search').locator('input').fill('手机银行');
    await page.getByTestId('incident-complaint-search').locator('input').press('Enter');
    const links = page.locator('[data-testid^="link-TS"]');
    await links.first().waitFor();
    for (let i = 0; i < 2; i++) {
      await links.first().click();
      await page.getByTestId('incident-complaints').locator('.ant-list-item').nth(i).waitFor();
    }
    expect(await page.getByTestId('incident-complaints').locator('.ant-list-item').count()).toBe(2);

    await page.getByTestId('incident-findings').fill('经核查，网传转账失败系客户端版本兼容问题，资金未受损失。');
    await page.getByTestId('incident-findings-submit').click();
    await page.getByTestId('incident-verdict').waitFor();
    await choose(page, 'incident-verdict', '不实：发布澄清');
    await page.getByTestId('incident-reason').fill('网传"资金丢失"不实');
    await page.getByTestId('incident-decide-submit').click();
    await page.getByTestId('incident-response').fill('关于网传手机银行转账问题的情况说明：经核查……');
    await page.getByTestId('incident-channel').fill('官方微博');
    await page.getByTestId('incident-respond-submit').click();
    await page.getByTestId('incident-watch').click();
    await page.getByTestId('incident-review').fill('回应及时；需加强版本发布前兼容性测试。');
    await page.getByTestId('incident-close-submit').click();
    await page.getByTestId('incident-status').filter({ hasText: '已复盘关闭' }).waitFor();
    await screenshot(page, 'docs/screenshots/opinion-incident.png');
  });
});
