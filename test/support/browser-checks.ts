import type { Page } from 'playwright-core';
import axe from 'axe-core';

/**
 * Evaluates an expression in the page. Written as text because these tests are type-checked
 * for Node, without the DOM's types; it runs through the DevTools protocol, so the page's
 * Content-Security-Policy does not apply to it.
 */
export const inPage = <T = unknown>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's findings of serious or critical impact on the page as it is now. */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  // Through the DevTools protocol, which the page's Content-Security-Policy (no inline scripts)
  // does not stop, as it would a script tag.
  if (!(await inPage<boolean>(page, "typeof axe === 'object'"))) await inPage(page, axe.source);
  const findings = await inPage<AxeFinding[]>(
    page,
    `axe.run(document, { resultTypes: ['violations'] }).then((results) => results.violations.map((v) => ({
      id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    })))`,
  );
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** Collects what the page's Content-Security-Policy refused, from the first script on. */
export async function watchPolicyViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript({
    content: `window.policyViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.policyViolations.push(event.violatedDirective + ': ' + (event.blockedURI || 'inline')));`,
  });
  return () => inPage<string[]>(page, 'window.policyViolations ?? []');
}

/** Whether the page scrolls sideways: at a phone's width nothing should need it. */
export const scrollsSideways = (page: Page): Promise<boolean> =>
  inPage(page, 'document.documentElement.scrollWidth > document.documentElement.clientWidth + 1');

/** Presses Tab until the focus lands on an element matching `selector`, at most `limit` times; answers how many presses it took. */
export async function tabUntil(page: Page, selector: string, limit = 40): Promise<number | null> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await inPage<boolean>(page, `document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return presses;
  }
  return null;
}
