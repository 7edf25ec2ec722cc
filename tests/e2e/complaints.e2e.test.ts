import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserReady, launchBrowser, newContext, runBrowserTests, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TIMEOUT = 300_000;
const HANDLER01_NAME = '陈晓';

/**
 * Issue 3's journey: front-line staff register a phone complaint and hand it over; handler01 accepts
 * the hand-over and the case, asks for 30 days; cpadmin approves; handler01 drafts the decision,
 * records the decision notice with evidence and closes with root cause, rectification and codes.
 * Then a customer files on the public portal (solving the proof-of-work in the page) and tracks it.
 */
describe.skipIf(!runBrowserTests)('complaints in a real browser', { timeout: TIMEOUT }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const savedDemoCount = process.env.XIAOBAO_DEMO_COMPLAINTS;

  beforeAll(async () => {
    assertBrowserReady();
    process.env.XIAOBAO_DEMO_COMPLAINTS = '300'; // a smaller demo corpus keeps the boot fast
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
    if (savedDemoCount === undefined) delete process.env.XIAOBAO_DEMO_COMPLAINTS;
    else process.env.XIAOBAO_DEMO_COMPLAINTS = savedDemoCount;
  });

  /** A fresh browser (own cookies) for one person. */
  const browse = async (): Promise<Page> => {
    const context = await newContext(browser, server.url);
    context.setDefaultTimeout(40_000);
    contexts.push(context);
    return context.newPage();
  };

  const signIn = async (username: string): Promise<Page> => {
    const page = await browse();
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(server.users[username] ?? 'Xiaobao@2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('main-menu').waitFor();
    return page;
  };

  const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
  const waitForText = (page: Page, testId: string, value: string) => page.getByTestId(testId).filter({ hasText: value }).first().waitFor();

  /** An antd Select: open it, filter when it is searchable (the option list is virtual), pick the option by its label. */
  const choose = async (page: Page, testId: string, label: string) => {
    await page.getByTestId(testId).click();
    const search = page.getByTestId(testId).locator('input');
    if (await search.isEditable()) await search.fill(label);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(label, { exact: true }).click();
  };

  /** Clicks an action button (shown only when the server allows it), fills its form and submits. */
  const act = async (page: Page, action: string, fill: () => Promise<void> = async () => {}) => {
    await page.getByTestId(`action-${action}`).click();
    await page.getByTestId('action-submit').waitFor();
    await fill();
    await page.getByTestId('action-submit').click();
    await page.getByTestId('action-submit').waitFor({ state: 'detached' });
  };

  const actions = async (page: Page) =>
    (
      await page
        .getByTestId('case-actions')
        .locator('button')
        .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid')))
    ).sort();

  it('registers a phone complaint, hands it over, extends with approval, notifies with evidence and closes', async () => {
    // 1. Front-line staff at the outlet register a phone complaint; they are its first responder.
    const staff = await signIn('staff.outlet01');
    expect(await text(staff, 'nav-complaints')).toBe('投诉工作台');
    expect(await text(staff, 'nav-complaint-new')).toBe('登记投诉');
    expect(await staff.getByTestId('nav-complaint-stats').count()).toBe(0); // no complaint.stats
    await staff.getByTestId('nav-complaint-new').click();
    await staff.getByTestId('register-page').waitFor();
    await choose(staff, 'reg-channel', '电话热线');
    await staff.getByTestId('reg-name').fill('李建国');
    await staff.getByTestId('reg-phone').fill('13912345678');
    await staff.getByTestId('reg-facts').fill('客户来电反映信用卡年费在未告知的情况下被扣收 300 元。');
    await staff.getByTestId('reg-request').fill('退还年费并说明收费依据。');
    await staff.getByTestId('reg-submit').click();
    await staff.getByTestId('register-done').waitFor();
    const code = await text(staff, 'register-code');
    expect(code).toMatch(/^TS\d{14}$/);
    expect(await text(staff, 'register-deadline')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await staff.getByTestId('register-open').click();
    await staff.getByTestId('case-clock').waitFor();
    expect(await text(staff, 'case-status')).toBe('已登记');
    expect(await text(staff, 'clock-limit')).toBe('15 天');
    expect(await text(staff, 'clock-left')).toBe('剩余 15 天');
    expect(await text(staff, 'case-owner')).toContain('徐一');

    // 2. Hand-over to handler01, who covers the outlet; ownership stays until it is accepted.
    await act(staff, 'handover', async () => {
      await choose(staff, 'af-toUserId', HANDLER01_NAME);
      await staff.getByTestId('af-reason').fill('涉及信用卡年费，移交消保部处理');
    });
    await waitForText(staff, 'case-pending-handover', `移交待接收：${HANDLER01_NAME}`);
    expect(await actions(staff)).not.toContain('action-handover');
    const caseUrl = new URL(staff.url()).pathname;

    // 3. handler01 finds it under 待我接收, accepts the hand-over, then accepts the case.
    const handler = await signIn('handler01');
    await handler.getByTestId('nav-complaints').click();
    await handler.getByTestId('wb-tab-awaiting_my_acceptance').click();
    await handler.getByTestId('wb-table').getByText(code).click();
    await handler.getByTestId('case-clock').waitFor();
    expect(await actions(handler)).toEqual(['action-accept_handover', 'action-decline_handover']);
    await act(handler, 'accept_handover');
    await waitForText(handler, 'case-owner', HANDLER01_NAME);
    expect(await handler.getByTestId('case-pending-handover').count()).toBe(0);
    await act(handler, 'accept');
    await waitForText(handler, 'case-status', '已受理');

    // 4. Extension to 30 days, approved by the consumer-protection head.
    await act(handler, 'request_extension', async () => {
      expect(await text(handler, 'af-limitDays')).toBe('30 天');
      await handler.getByTestId('af-reason').fill('需调取交易流水并与发卡合作机构核实');
    });
    await waitForText(handler, 'case-pending-extension', '延期至 30 天的申请待审批');
    expect(await actions(handler)).not.toContain('action-decide_extension'); // not one's own request

    const head = await signIn('cpadmin');
    await head.goto(caseUrl);
    await act(head, 'decide_extension', async () => {
      await head.getByTestId('af-comment').fill('同意延期');
    });
    await waitForText(head, 'clock-limit', '30 天');
    expect(await text(head, 'clock-extensions')).toContain('延期至 30 天');
    expect(await head.getByTestId('case-pending-extension').count()).toBe(0);

    // 5. handler01 drafts the decision, records the decision notice with evidence, and closes.
    await handler.reload();
    await waitForText(handler, 'clock-limit', '30 天');
    expect(await text(handler, 'clock-left')).toBe('剩余 30 天');
    await handler.getByTestId('case-timeline').locator('[data-testid="tl-extended"]').waitFor();
    await screenshot(handler, 'docs/screenshots/complaint-case.png'); // accepted, extended, actions available
    await act(handler, 'draft_decision', async () => {
      await handler.getByTestId('af-verifiedFacts').fill('经核实，该卡年费按合同约定收取，但开卡时未充分提示。');
      await handler.getByTestId('af-basis').fill('《信用卡章程》第十二条；《银行业保险业消费投诉处理管理办法》第十九条。');
      await handler.getByTestId('af-outcome').fill('退还本年度年费 300 元，并向客户致歉。');
    });
    await waitForText(handler, 'case-status', '已拟处理意见');
    expect(await text(handler, 'case-decision')).toContain('申请核查');

    await act(handler, 'notify_decision', async () => {
      await handler.getByTestId('af-evidence').fill('短信发送回执 SMS-20261128-0001');
    });
    await waitForText(handler, 'case-status', '已告知');
    const notice = await text(handler, 'case-notice');
    expect(notice).toContain('处理决定告知');
    expect(notice).toContain('按时');
    expect(notice).toContain('SMS-20261128-0001');

    // The SMS receipt screenshot goes onto the case as evidence (type sniffed from the bytes).
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await handler.getByTestId('case-attachments').locator('input[type=file]').setInputFiles({ name: '短信回执.png', mimeType: 'image/png', buffer: png });
    await waitForText(handler, 'case-attachment', '短信回执.png');

    await act(handler, 'close', async () => {
      await handler.getByTestId('af-rootCause').fill('开卡环节未充分提示年费收取规则');
      await handler.getByTestId('af-rectification').fill('修订开卡告知书，增加年费确认签字环节；信用卡中心 12 月底前完成');
      await choose(handler, 'af-businessCategory', 'B04 银行卡-信用卡');
      await choose(handler, 'af-cause', 'C11 定价收费');
    });
    await waitForText(handler, 'case-status', '已办结');
    expect(await text(handler, 'clock-stage')).toBe('按时办结');
    expect(await text(handler, 'case-closing')).toContain('开卡环节未充分提示年费收取规则');
    expect(await text(handler, 'case-details')).toContain('B04 银行卡-信用卡 / C11 定价收费');
    const timeline = await text(handler, 'case-timeline');
    for (const step of ['登记收件', '发起移交', '接收移交', '受理', '申请延期', '延期获批', '拟定处理意见', '登记告知凭证', '办结'])
      expect(timeline).toContain(step);
    expect(await handler.getByTestId('case-actions').count()).toBe(0); // nothing left to do

    // The workbench finds it by full-text search, with its status.
    await handler.goto(`/complaints?view=all&q=${encodeURIComponent('年费在未告知')}`);
    await waitForText(handler, 'wb-table', code);
    expect(await handler.getByTestId('wb-table').locator('tr', { hasText: code }).textContent()).toContain('已办结');
  });

  it('lets a customer file on the public portal and track it with the code', async () => {
    const page = await browse();
    await page.goto('/login');
    expect(await text(page, 'login-portal')).toBe('我要投诉 / 查询进度');
    await page.getByTestId('login-portal').click();
    await page.getByTestId('portal-file').waitFor();
    expect(await page.getByTestId('main-menu').count()).toBe(0);
    await page.getByTestId('portal-name').fill('王小梅');
    await page.getByTestId('portal-phone').fill('13800138000');
    await page.getByTestId('portal-facts').fill('手机银行转账显示成功，但对方账户三天仍未到账。');
    await page.getByTestId('portal-request').fill('查明原因，尽快到账。');
    await page.getByTestId('portal-submit').click(); // the page solves the server's proof-of-work first
    await page.getByTestId('portal-code').waitFor({ timeout: 60_000 });
    const code = await text(page, 'portal-code');
    expect(code).toMatch(/^TS\d{14}$/);
    const deadline = await text(page, 'portal-deadline');
    expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await page.getByTestId('portal-go-track').click();
    await page.getByTestId('portal-track').waitFor();
    expect(await page.getByTestId('track-code').inputValue()).toBe(code);
    await page.getByTestId('track-last4').fill('0000');
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-not-found').waitFor();
    expect(await text(page, 'track-not-found')).toBe('未查询到匹配的投诉，请核对投诉编号和手机号后四位。');

    await page.getByTestId('track-last4').fill('8000');
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-result').waitFor();
    expect(await text(page, 'track-status')).toBe('已登记');
    expect(await text(page, 'track-deadline')).toBe(deadline);
    expect(await page.getByTestId('track-not-found').count()).toBe(0);
  });

  it('draws the analytics charts for the consumer-protection admin', async () => {
    const page = await signIn('cpadmin');
    await page.getByTestId('nav-complaint-stats').click();
    for (const chart of ['trend', 'categories', 'causes', 'channels', 'statuses']) await page.getByTestId(`stats-${chart}`).locator('canvas').waitFor();
    expect(Number((await text(page, 'stats-total')).replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await text(page, 'stats-sla')).toMatch(/%$/);
  });
});
