import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserReady, launchBrowser, newContext, runBrowserTests } from '../support/browser.ts';
import { type SmsFake, type SmtpFake, startSmsFake, startSmtpFake } from '../support/outreach-fakes.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TIMEOUT = 360_000;

/**
 * A risk alert is written, passes 消保审查 by someone else, is published on the portal and pushed to
 * "elderly customers of 南关支行" (age 60+ AND home outlet under CC-NG) by e-mail and SMS to loopback
 * peers started here; the delivery report shows what the peers actually received.
 */
describe.skipIf(!runBrowserTests)('outreach journey in a real browser', { timeout: TIMEOUT }, () => {
  let server: TestServer;
  let browser: Browser;
  let smtp: SmtpFake;
  let sms: SmsFake;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertBrowserReady();
    [smtp, sms] = await Promise.all([startSmtpFake(), startSmsFake()]);
    // The channels come from the environment (XIAOBAO_SMTP_URL / XIAOBAO_SMS_GATEWAY_URL) unless set in the settings.
    process.env.XIAOBAO_SMTP_URL = smtp.url;
    process.env.XIAOBAO_SMS_GATEWAY_URL = sms.url;
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await Promise.all([smtp?.close(), sms?.close()]);
  });

  const open = async (): Promise<Page> => {
    const ctx = await newContext(browser, server.url);
    ctx.setDefaultTimeout(60_000);
    contexts.push(ctx);
    return ctx.newPage();
  };
  const signIn = async (page: Page, username: string) => {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(server.users[username] ?? 'Xiaobao@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('main-menu').waitFor();
  };
  const choose = async (page: Page, testId: string, label: string) => {
    await page.getByTestId(testId).click();
    const search = page.getByTestId(testId).locator('input');
    if (await search.isEditable()) await search.fill(label);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(label, { exact: true }).click();
  };

  it('writes, reviews, publishes and pushes a risk alert to elderly customers of 南关支行 by e-mail and SMS', async () => {
    const title = `警惕冒充社保局电话 ${Date.now() % 100000}`;
    const author = await open();
    await signIn(author, 'handler01');
    await author.goto('/outreach/alerts');
    await author.getByTestId('alert-new').click();
    await choose(author, 'alert-type', '冒充公检法');
    await author.getByTestId('alert-title').fill(title);
    await author.getByTestId('alert-what').fill('骗子冒充社保局或公安民警来电，称您的社保卡涉嫌洗钱，要求把存款转到"安全账户"。');
    await author.getByTestId('alert-how').fill('公检法机关不会电话办案，更没有"安全账户"；挂断后拨打 110 或 96110 核实。');
    // The type dropdown must be closed and its value set before saving, or the click can land on the
    // closing dropdown instead of the button.
    await author.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await author.getByTestId('alert-type').filter({ hasText: '冒充公检法' }).waitFor();
    await author.getByTestId('alert-save').click();
    await author.getByTestId('alert-save').waitFor({ state: 'hidden' });
    await author.getByTestId('alert-submit').click();
    await author.getByTestId('alert-status').filter({ hasText: '消保审查中' }).waitFor();

    const cp = await open();
    await signIn(cp, 'cpadmin');
    // Quiet hours (21:00–08:00 Asia/Shanghai) would hold messages back; this journey runs at any hour.
    const session = await (await cp.request.get('/api/v1/auth/session')).json();
    const put = await cp.request.put('/api/v1/outreach/settings', {
      data: { policy: { quietStart: '00:00', quietEnd: '00:00', frequencyCapPerWeek: 10 } },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(put.status()).toBe(200);
    await cp.goto('/outreach/alerts');
    await cp.getByRole('cell', { name: title }).click();
    await cp.getByTestId('alert-approve').click();
    await cp.getByTestId('alert-status').filter({ hasText: '已发布' }).waitFor();

    // The portal shows it under 风险提示.
    const visitor = await open();
    await visitor.goto('/portal');
    await visitor.getByTestId('portal-nav-risk-alerts').click();
    await visitor.getByTestId('portal-alert-link').filter({ hasText: title }).click();
    await visitor.getByText('96110').first().waitFor();

    // Segment: age 60+ AND home outlet under 南关支行, with a live count.
    await cp.goto('/outreach/segments');
    const liveCount = async () => Number((await cp.getByTestId('seg-count').textContent()) || 0);
    await choose(cp, 'seg-age', '60+');
    await cp.keyboard.press('Escape');
    await expect.poll(liveCount, { timeout: 15_000 }).toBeGreaterThan(0);
    const allElderly = await liveCount();
    await choose(cp, 'seg-org', '南关支行 CC-NG');
    await expect.poll(liveCount, { timeout: 15_000 }).toBeLessThan(allElderly);
    const count = await liveCount();
    expect(count).toBeGreaterThan(0);
    await cp.getByTestId('seg-name').fill('南关支行长者客户');
    await cp.getByTestId('seg-save').click();
    await cp.getByRole('cell', { name: '南关支行长者客户' }).waitFor();

    // Push it from the alert, by e-mail and SMS.
    await cp.goto('/outreach/alerts');
    await cp.getByRole('cell', { name: title }).click();
    await cp.getByTestId('alert-push').click();
    await cp.getByTestId('outreach-pushes-page').waitFor();
    await cp.getByTestId('push-title').fill(`风险提示：${title}`);
    await cp.getByTestId('push-body').fill('有人自称社保局、公安要求转账到"安全账户"的，都是诈骗。');
    await choose(cp, 'push-segment', `南关支行长者客户（${count}）`);
    await cp.getByTestId('push-channel-inbox').click(); // untick the default
    await cp.getByTestId('push-channel-email').click();
    await cp.getByTestId('push-channel-sms').click();
    await cp.getByTestId('push-start').click();
    const report = cp.getByTestId('push-report');
    await report.getByTestId('report-delivered-email').waitFor();
    const emailDelivered = Number(await report.getByTestId('report-delivered-email').textContent());
    const smsDelivered = Number(await report.getByTestId('report-delivered-sms').textContent());
    expect(emailDelivered).toBeGreaterThan(0);
    expect(smsDelivered).toBeGreaterThan(0);
    // The report counts what the peers received: one message per delivered row.
    expect(smtp.messages.length).toBe(emailDelivered);
    expect(sms.sent.size).toBe(smsDelivered);
    expect(smtp.messages[0]?.raw).toContain('/portal/unsubscribe?t=');
    expect([...sms.sent.values()][0]?.text).toContain('风险提示');
  });
});
