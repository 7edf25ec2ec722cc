import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '../support/axe.ts';
import { assertBrowserReady, launchBrowser, newContext, runBrowserTests } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const TIMEOUT = 180_000;

describe.skipIf(!runBrowserTests)('education journey in a real browser', { timeout: TIMEOUT }, () => {
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

  const open = async (): Promise<Page> => {
    const ctx = await newContext(browser, server.url);
    ctx.setDefaultTimeout(20_000);
    contexts.push(ctx);
    return ctx.newPage();
  };
  const signIn = async (page: Page, username: string) => {
    await page.goto('/login');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(server.users[username] as string);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('main-menu').waitFor();
  };
  /** Staff API calls from a signed-in page (cookie + CSRF token from the session endpoint). */
  const staffApi = async (page: Page, method: 'POST', path: string, body: unknown) => {
    const session = await (await page.request.get('/api/v1/auth/session')).json();
    const res = await page.request.fetch(path, { method, data: body, headers: { 'x-csrf-token': session.csrfToken } });
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };

  it('editor writes, reviewer approves, a customer in elderly mode reads it aloud, resumes a course, takes the quiz, enters a draw and verifies it', async () => {
    const title = `守好钱袋子 ${Date.now() % 100000}`;
    const editor = await open();
    await signIn(editor, 'handler01');
    await editor.goto('/education/contents');
    await editor.getByTestId('edu-content-new').click();
    await editor.getByTestId('edu-content-title').fill(title);
    await editor.getByTestId('edu-content-body').fill('<p>陌生来电要转账，一律先挂断再核实。<script>alert(1)</script></p>');
    await editor.getByTestId('edu-content-save').click();
    await editor.getByTestId('edu-content-submit').click();
    await editor.getByText('消保审查中').first().waitFor();

    const reviewer = await open();
    await signIn(reviewer, 'cpadmin');
    await reviewer.goto('/education/contents');
    await reviewer.getByRole('cell', { name: title }).click();
    await reviewer.getByTestId('edu-content-approve').click();
    await reviewer.getByText('已发布').first().waitFor();

    const customer = await open();
    await customer.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      if ('speechSynthesis' in window)
        window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
          spoken.push({ text: u.text, lang: u.lang });
        };
    });
    // Accessibility (axe-core, WCAG 2.1 A/AA): no serious or critical violations on the portal pages.
    await customer.goto('/portal');
    await customer.getByTestId('portal-home').waitFor();
    expect(await seriousA11yViolations(customer), 'portal home').toEqual([]);
    await customer.goto('/portal/learn');
    await customer.getByTestId('portal-elderly-toggle').click();
    await customer.reload();
    expect(await customer.getByTestId('portal-learn').getAttribute('data-elderly')).toBe('on');
    await customer.getByText(title).click();
    await customer.getByTestId('portal-article-title').filter({ hasText: title }).waitFor();
    const body = customer.getByTestId('portal-article-body');
    expect(await body.innerHTML()).not.toContain('script');
    const fontPx = await body.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontPx).toBeGreaterThanOrEqual(18);
    expect(await seriousA11yViolations(customer), 'article in elderly mode').toEqual([]);
    await customer.goto('/portal');
    await customer.getByTestId('portal-home').waitFor();
    expect(await seriousA11yViolations(customer), 'portal home in elderly mode').toEqual([]);
    await customer.goBack();
    const readAloud = customer.getByTestId('portal-read-aloud');
    if (await readAloud.count()) {
      await readAloud.click();
      const spoken = await customer.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
      expect(spoken[0]?.lang).toBe('zh-CN');
      expect(spoken[0]?.text).toContain('先挂断再核实');
    }

    // Course: enrol, jump to a key point in a video lesson, come back later and resume there.
    await customer.goto('/portal/courses');
    await customer.getByTestId('portal-course-link').first().click();
    await customer.getByTestId('course-enrol').click();
    await customer.getByTestId('course-lesson').filter({ hasText: '一通“理赔”电话' }).click();
    await customer.getByRole('button', { name: /要求屏幕共享/ }).click();
    await customer.getByTestId('course-position').filter({ hasText: '1:15 / 3:00' }).waitFor();
    // The stored (placeholder) clip itself seeks there: the browser fetched it with byte ranges.
    const videoTime = () => customer.getByTestId('course-video').evaluate((v: HTMLVideoElement) => ({ t: v.currentTime, ready: v.readyState }));
    await expect.poll(videoTime, { timeout: 15_000 }).toMatchObject({ t: 75 });
    await customer.waitForTimeout(1000);
    await customer.reload();
    await customer.getByTestId('course-position').filter({ hasText: '1:15 / 3:00' }).waitFor();
    await expect.poll(async () => (await videoTime()).t, { timeout: 15_000 }).toBe(75);
    expect((await videoTime()).ready).toBeGreaterThanOrEqual(1);

    // A draw that closes shortly, open to any finished attempt on the seeded quiz.
    const quizzes = await (await reviewer.request.get('/api/v1/edu/quizzes')).json();
    const quizId = quizzes.items[0].id as string;
    const closesAt = Date.now() + 20_000;
    const draw = await staffApi(reviewer, 'POST', '/api/v1/edu/draws', {
      quizId,
      title: '浏览器测试抽奖',
      minScore: 0,
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
      winners: 1,
      prizes: [{ name: '一等奖：保温杯', quantity: 1 }],
    });

    await customer.goto('/portal/quiz');
    await customer.getByTestId('quiz-nickname').fill('李奶奶');
    expect(await seriousA11yViolations(customer), 'quiz page (elderly mode)').toEqual([]);
    await customer.getByTestId('quiz-start').first().click();
    const questions = customer.getByTestId('quiz-question');
    await questions.first().waitFor();
    const n = await questions.count();
    for (let i = 0; i < n; i++) {
      const q = questions.nth(i);
      const choice = q.locator('input[type=radio], input[type=checkbox]').first();
      if (await choice.count()) await choice.check();
      else await q.locator('input').first().fill('96110');
    }
    await customer.getByTestId('quiz-submit').click();
    await customer.getByTestId('quiz-score').waitFor();
    expect(await seriousA11yViolations(customer), 'quiz result').toEqual([]);
    await customer.getByTestId('draw-enter').click();
    await customer.getByTestId('draw-entry-id').waitFor();

    await new Promise((r) => setTimeout(r, Math.max(0, closesAt - Date.now() + 1500)));
    await staffApi(reviewer, 'POST', `/api/v1/edu/draws/${draw.id}/commit`, {});
    const drawn = await staffApi(reviewer, 'POST', `/api/v1/edu/draws/${draw.id}/run`, {});
    expect(drawn.winners).toHaveLength(1);

    const anyone = await open();
    await anyone.goto(`/portal/draws/${draw.id}`);
    await anyone.getByTestId('draw-winner').first().waitFor();
    expect(await anyone.getByTestId('draw-winner').first().textContent()).toContain('李**');
    await anyone.getByTestId('draw-verify').click();
    await anyone.getByTestId('draw-verify-result').filter({ hasText: '验证通过' }).waitFor();

    // The winner sees the prize and a code on their device; an outlet of the branch hands the prize out once.
    await customer.goto(`/portal/draws/${draw.id}`);
    const mine = await customer.getByTestId('draw-my-prize').textContent();
    const code = /兑奖码 ([2-9A-HJKMNP-Z]{10})/.exec(mine ?? '')?.[1] as string;
    expect(code).toBeTruthy();
    const outlet = await open();
    await signIn(outlet, 'staff.outlet01');
    await outlet.goto('/education/redeem');
    await outlet.getByTestId('redeem-code').fill(code);
    await outlet.getByTestId('redeem-lookup').click();
    await outlet.getByTestId('redeem-confirm').click();
    await outlet.getByTestId('redeem-result').getByText('已兑换').waitFor();
    await outlet.getByTestId('redeem-lookup').click();
    await outlet.getByTestId('redeem-result').getByText('已兑换').waitFor();
    await outlet.getByRole('cell', { name: '一等奖：保温杯', exact: true }).waitFor();
  });
});
