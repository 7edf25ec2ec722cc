import axe from 'axe-core';
import type { Page } from 'playwright-core';

export type AxeFinding = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * Runs axe-core (WCAG 2.x A/AA rules) in the page and returns the violations of serious or
 * critical impact, each with the selectors of the offending nodes, so a failing assertion says
 * exactly what to fix.
 */
export const seriousA11yViolations = async (page: Page): Promise<AxeFinding[]> => {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') forbids inline script tags.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
};
