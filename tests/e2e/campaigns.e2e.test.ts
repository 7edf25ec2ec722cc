import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBrowserReady, launchBrowser, newContext, runBrowserTests } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TIMEOUT = 240_000;

describe.skipIf(!runBrowserTests)('campaign journey in a real browser', { timeout: TIMEOUT }, () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    assertBrowserReady();
    server = await startTestServer({ demo: true });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  const track = (ctx: BrowserContext) => {
    ctx.setDefaultTimeout(20_000);
    contexts.push(ctx);
    return ctx.newPage();
  };
  const staff = async (username: string): Promise<Page> => {
    const page = await track(await newContext(browser, server.url));
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(server.users[username] as string);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('main-menu').waitFor();
    return page;
  };
  /** A phone-sized browser for the public: the portal must work in one narrow column. */
  const phone = async (): Promise<Page> =>
    track(
      await browser.newContext({
        baseURL: server.url,
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      }),
    );

  const registerOnPortal = async (page: Page, title: string, name: string, mobile: string) => {
    await page.goto('/portal');
    await page.getByTestId('portal-nav-events').click();
    await page.getByTestId('portal-events').waitFor();
    await page.getByTestId('portal-event-link').filter({ hasText: title }).click();
    await page.getByTestId('portal-event-title').filter({ hasText: title }).waitFor();
    await page.getByTestId('portal-register-name').fill(name);
    await page.getByTestId('portal-register-phone').fill(mobile);
    await page.getByTestId('portal-register-submit').click();
    await page.getByTestId('portal-confirmation-title').filter({ hasText: '报名成功' }).waitFor();
    const code = ((await page.getByTestId('portal-confirmation-code').textContent()) ?? '').trim();
    const url = (await page.getByTestId('portal-confirmation-qr').getAttribute('data-url')) as string;
    return { code, url };
  };

  it('staff plan a 3·15 event at an outlet, the public register on a phone and get a QR confirmation, the outlet checks people in, and the report shows it', async () => {
    const title = `3·15 守住钱袋子 ${Date.now() % 100000}`;
    const planner = await staff('cpadmin');
    await planner.goto('/campaigns');
    await planner.getByTestId('campaigns-page').waitFor();
    await planner.getByTestId('campaign-new').click();
    // The 3·15 template fills title, audiences and the March period.
    expect(await planner.getByTestId('campaign-title').inputValue()).toContain('3·15');
    await planner.getByTestId('campaign-title').fill(`${title} 宣传活动`);
    await planner.getByTestId('campaign-goal-attendance').fill('50');
    await planner.getByTestId('campaign-save').click();
    await planner
      .getByTestId('campaign-link')
      .filter({ hasText: `${title} 宣传活动` })
      .click();
    await planner.getByTestId('campaign-page').waitFor();

    await planner.getByTestId('event-new').click();
    await planner.getByTestId('event-title').fill(title);
    await planner.getByTestId('event-venue').fill('人民大街网点');
    await planner.getByTestId('event-org').click();
    await planner.keyboard.type('人民大街');
    await planner.keyboard.press('Enter');
    const startsOn = (await planner.getByTestId('event-starts').inputValue()).slice(0, 10);
    await planner.getByTestId('event-starts').fill(`${startsOn.slice(0, 8)}15T09:30`);
    await planner.getByTestId('event-ends').fill(`${startsOn.slice(0, 8)}15T11:00`);
    await planner.getByTestId('event-capacity').fill('30');
    await planner.getByTestId('event-save').click();
    await planner.getByTestId('event-link').filter({ hasText: title }).click();
    await planner.getByTestId('event-publish').click();
    await planner.getByTestId('event-status').filter({ hasText: '报名中' }).waitFor();

    // Two people sign up on their phones.
    const customer = await phone();
    const first = await registerOnPortal(customer, title, '李桂兰', '13904317788');
    expect(first.url).toMatch(new RegExp(`/campaigns/checkin/${first.code}$`));
    expect(await customer.getByTestId('portal-confirmation-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const wide = await customer.evaluate(() =>
      [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 391).map((el) => `${el.tagName}.${el.className}`.slice(0, 80)),
    );
    expect(wide).toEqual([]);
    const second = await registerOnPortal(await phone(), title, '张建国', '13904317789');

    // A second sign-up with the same number is refused with a clear message.
    const again = await phone();
    await again.goto('/portal/events');
    await again.getByTestId('portal-event-link').filter({ hasText: title }).click();
    await again.getByTestId('portal-register-name').fill('李桂兰');
    await again.getByTestId('portal-register-phone').fill('139 0431 7788');
    await again.getByTestId('portal-register-submit').click();
    await again.getByTestId('portal-register-error').filter({ hasText: '该手机号已报名本场活动' }).waitFor();

    // At the door: the outlet's staff open the URL in the QR code, type the other code, and register a walk-in.
    const door = await staff('staff.outlet01');
    await door.goto(new URL(first.url).pathname);
    await door.getByTestId('checkin-result').or(door.getByTestId('checkin-error')).waitFor();
    expect(await door.getByTestId('campaign-checkin-page').textContent()).toContain('李桂兰');
    await door.goto(new URL(first.url).pathname);
    await door.getByTestId('checkin-error').filter({ hasText: '已签到' }).waitFor();

    const eventPath = new URL(planner.url()).pathname;
    await door.goto(eventPath);
    await door.getByTestId('checkin-code').fill(second.code.toLowerCase());
    await door.getByTestId('checkin-submit').click();
    await door.getByTestId('checkin-result').filter({ hasText: '张建国' }).waitFor();
    await door.getByTestId('walkin-name').fill('赵秀英');
    await door.getByTestId('walkin-phone').fill('13904317790');
    await door.getByTestId('walkin-submit').click();
    await door.getByTestId('checkin-result').filter({ hasText: '现场参与' }).waitFor();
    await door.getByTestId('checkin-code').fill('ZZZZZZZZZZ');
    await door.getByTestId('checkin-submit').click();
    await door.getByTestId('event-error').filter({ hasText: '签到码无效' }).waitFor();

    // The attendance report: registered 2, attended 3 (one walk-in), with the chart; phones masked in the list.
    await planner.reload();
    await planner.getByTestId('attendance-attended').filter({ hasText: '3' }).waitFor();
    expect(await planner.getByTestId('attendance-registered').textContent()).toBe('2');
    expect(await planner.getByTestId('attendance-walkIns').textContent()).toBe('1');
    expect(await planner.getByTestId('attendance-chart').locator('canvas').count()).toBeGreaterThan(0);
    const list = await planner.getByTestId('registrations').textContent();
    expect(list).toContain('139****7788');
    expect(list).not.toContain('13904317788');

    // Goals vs results on the campaign, and the reach dashboard draws its charts.
    await planner.getByRole('link', { name: `${title} 宣传活动` }).click();
    await planner.getByTestId('campaign-goals').filter({ hasText: '/ 50' }).waitFor();
    expect(await planner.getByTestId('campaign-goals').textContent()).toContain('3');
    await planner.getByTestId('nav-campaign-reach').click();
    await planner.getByTestId('reach-outlet-chart').locator('canvas').waitFor();
  });
});
