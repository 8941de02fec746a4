import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { inPage, scrollsSideways, seriousAxeFindings, tabUntil, watchPolicyViolations } from './support/browser-checks';
import { type Browser, describeInBrowser, launchChromium } from './support/chromium';
import { daysFromToday } from './support/days';
import { type DashboardOrganisation, RECORD_PROGRESS, seedDashboardOrganisation } from './support/dashboard-organisation';
import type { GraphQLClient } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';

/** Screenshots for people to look at; git ignores the folder. */
const SCREENSHOTS = path.resolve(__dirname, '..', 'test-output');
/** How long the page may take to show what it was asked for: a cap for a loaded machine, not a target. */
const SHOWN_WITHIN_MS = 10_000;

describeInBrowser('the leadership dashboard in Chromium', () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let policyViolations: () => Promise<string[]>;
  const scriptErrors: string[] = [];
  let org: DashboardOrganisation;
  let leadership: GraphQLClient;
  /** A moment after the first measurement and before the second, to the second. */
  let between: Date;

  const objectiveCard = (id: string) => page.locator(`[data-objective-id="${id}"]`);
  /** A tree item by its PMO's name, which starts its accessible name (the figures follow). */
  const treeItem = (name: string) => page.getByRole('treeitem', { name: new RegExp(`^${name}\\s*,`) });
  const figure = (pmoId: string, name: string) => page.locator(`[data-pmo-id="${pmoId}"] [data-figure="${name}"]`);

  beforeAll(async () => {
    t = await startTestApp();
    org = await seedDashboardOrganisation(t.admin);
    // The first measurement is in; the next whole second is the moment the as-of control will ask for.
    const last = await t.admin.ok<{ objective: { measurementsConnection: { edges: { node: { recordedAt: string } }[] } } }>(
      'query($id: ID!) { objective(id: $id) { measurementsConnection(last: 1) { edges { node { recordedAt } } } } }',
      { id: org.onTime },
    );
    between = new Date(Math.floor(Date.parse(last.objective.measurementsConnection.edges[0]!.node.recordedAt) / 1000) * 1000 + 1000);
    while (Date.now() <= between.getTime() + 50) await new Promise((resolve) => setTimeout(resolve, 25));
    await t.admin.ok(RECORD_PROGRESS, { input: { objectiveId: org.onTime, value: 72, measuredOn: daysFromToday(-1) } });
    leadership = await t.client('lee@org.test', ['LEADERSHIP']);

    browser = await launchChromium();
    browser.context.setDefaultTimeout(SHOWN_WITHIN_MS);
    page = await browser.context.newPage();
    policyViolations = await watchPolicyViolations(page);
    page.on('pageerror', (error) => scriptErrors.push(error.message));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in with a pasted token, kept in the tab’s session storage and never in the address', async () => {
    await page.goto(`${t.url}/dashboard`);
    await page.getByLabel('Your bearer token').fill(`Bearer ${leadership.token}`);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Signed in, or refused with the reason on screen, which then fails the test with it.
    await page.locator('.who, [role="alert"]').first().waitFor();
    const refusal = await page.getByRole('alert').allTextContents();
    expect(refusal).toEqual([]);
    expect(await page.locator('.who').textContent()).toBe('Signed in as lee@org.test (LEADERSHIP)');
    expect(await inPage(page, "sessionStorage.getItem('throughline.token')")).toBe(leadership.token);
    expect(await inPage(page, 'localStorage.length')).toBe(0);
    expect(page.url()).toBe(`${t.url}/dashboard`);

    // A reload in the same tab stays signed in.
    await page.reload();
    await page.getByText('Signed in as').waitFor();
  });

  it('shows the PMO tree with each PMO’s health mix, progress against expected and aligned share, and moves through it by keyboard', async () => {
    await treeItem('Group PMO').waitFor({ timeout: SHOWN_WITHIN_MS });
    expect(await treeItem('Digital programme office').isVisible()).toBe(true);
    // Third level closed to begin with.
    expect(await treeItem('App project office').count()).toBe(0);

    expect(await figure(org.digital, 'health-mix').textContent()).toBe('1 on track, 1 no data');
    expect(await figure(org.digital, 'aligned').textContent()).toBe('75% aligned of 8 h in 28 days');
    expect(await figure(org.digital, 'progress').textContent()).toMatch(/^progress \d+% of \d+% expected$/);
    expect(await figure(org.group, 'health-mix').textContent()).toBe('no objectives');

    // From the top of the page, Tab reaches the tree (one stop), with a visible focus ring.
    await inPage(page, 'document.activeElement?.blur()');
    expect(await tabUntil(page, '[role="treeitem"]')).not.toBeNull();
    expect(await inPage(page, "document.activeElement?.getAttribute('data-pmo-id')")).toBe(org.group);
    expect(await inPage(page, "getComputedStyle(document.activeElement.querySelector('.tree-row')).outlineStyle")).toBe('solid');

    await page.keyboard.press('ArrowDown');
    expect(await inPage(page, "document.activeElement?.getAttribute('data-pmo-id')")).toBe(org.digital);
    await page.keyboard.press('ArrowRight');
    await treeItem('App project office').waitFor();
    expect(await treeItem('Digital programme office').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await treeItem('Digital programme office').getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { level: 2, name: 'Digital programme office' }).waitFor({ timeout: SHOWN_WITHIN_MS });
  });

  it('opens a PMO: each objective’s progress against the expected line, alignment by week, compliance and network, every chart with its numbers in text', async () => {
    const onTime = objectiveCard(org.onTime);
    await onTime.locator('canvas').waitFor({ timeout: SHOWN_WITHIN_MS });
    expect(await onTime.locator('[data-figure="health"]').textContent()).toBe('On track');
    expect(await onTime.locator('[data-figure="objective-progress"]').textContent()).toMatch(/^Progress 80% against \d+% expected · Projects delivered on time: 72 % \(from 40 towards 80\)/);
    expect(await onTime.locator('canvas').getAttribute('aria-label')).toMatch(/^Progress of Projects delivered on time over \d+ weeks?: 80% against \d+% expected on /);
    expect(await objectiveCard(org.sponsors).locator('[data-figure="health"]').textContent()).toBe('No data');

    // The figures behind the chart, week by week: the first measurement, then the second.
    await onTime.getByText('Figures by week').click();
    const values = await onTime.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(values).toContain('60');
    expect(values.at(-1)).toBe('72');

    expect(await page.locator('[data-figure="alignment-total"]').textContent()).toBe('8 h of work in the last 12 weeks, 75% of it aligned with an objective.');
    expect(await page.locator('section[aria-labelledby="alignment-title"] canvas').getAttribute('aria-label')).toMatch(/8 h in all, 75% aligned/);

    const matrix = page.getByRole('region', { name: 'Compliance matrix' });
    expect(await matrix.getByRole('columnheader', { name: 'Stage gates' }).count()).toBe(1);
    expect(await matrix.getByRole('row', { name: /Digital programme office/ }).textContent()).toMatch(/^Digital programme officeAdoptedv1 of v1$/);
    expect(await matrix.getByRole('row', { name: /App project office/ }).count()).toBe(1);

    const network = page.locator('section[aria-labelledby="network-title"]');
    expect(await network.locator('dt:text-is("Contacts") + dd').textContent()).toBe('1');
    expect(await network.locator('dt:text-is("Champions") + dd').textContent()).toBe('1');
    expect(await network.getByRole('rowheader', { name: 'Steering board' }).count()).toBe(1);
  });

  it('shows the organisation as it stood at a chosen moment, says plainly that it is the past, and goes back to now', async () => {
    await page.getByLabel('Show the organisation as it stood at').fill(between.toISOString().slice(0, 19));
    await page.getByRole('button', { name: 'Show', exact: true }).click();

    const banner = page.getByTestId('past-banner');
    await banner.waitFor({ timeout: SHOWN_WITHIN_MS });
    expect(await banner.textContent()).toContain('You are looking at the past.');
    expect(await page.getByTestId('live-status').textContent()).toBe('Live updates paused');
    const progress = objectiveCard(org.onTime).locator('[data-figure="objective-progress"]');
    await expectText(progress, /^Progress 50% against/);
    expect(await progress.textContent()).toContain('Projects delivered on time: 60 %');

    await banner.getByRole('button', { name: 'Back to now' }).click();
    await banner.waitFor({ state: 'detached' });
    await expectText(progress, /^Progress 80% against/);
  });

  it('shows the new health of an objective within seconds of someone recording progress, without a reload', async () => {
    await expectText(page.getByTestId('live-status'), /^Live$/);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    // The protocol does not say when a subscription has started; a first change seen on screen does.
    await t.admin.ok(RECORD_PROGRESS, { input: { objectiveId: org.sponsors, value: 3, measuredOn: daysFromToday(0) } });
    await expectText(objectiveCard(org.sponsors).locator('[data-figure="health"]'), /^On track$/);
    const health = objectiveCard(org.onTime).locator('[data-figure="health"]');
    expect(await health.textContent()).toBe('On track');

    const recorded = Date.now();
    await t.admin.ok(RECORD_PROGRESS, { input: { objectiveId: org.onTime, value: 41, measuredOn: daysFromToday(0) } });
    await expectText(health, /^At risk$/);
    const latency = Date.now() - recorded;
    console.log(`live update: the new health was on screen ${latency} ms after recordProgress was sent`);

    // Said to screen readers too.
    expect(await page.locator('[aria-live="polite"]').textContent()).toBe('Projects delivered on time is now at risk.');
    await expectText(figure(org.digital, 'health-mix'), /^1 on track, 1 at risk$/);
    expect(navigations).toEqual([]);
  });

  it('is usable at 1280×800 and at 390×844, with no serious or critical axe-core violation', async () => {
    for (const size of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(size);
      await objectiveCard(org.onTime).locator('canvas').waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `dashboard-${size.width}x${size.height}.png`), fullPage: true });
      expect({ size, findings: await seriousAxeFindings(page) }).toEqual({ size, findings: [] });
      expect({ size, scrollsSideways: await scrollsSideways(page) }).toEqual({ size, scrollsSideways: false });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('signs out, forgetting the token', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Your bearer token').waitFor();
    expect(await inPage(page, "sessionStorage.getItem('throughline.token')")).toBeNull();
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('raised no Content-Security-Policy violation and no script error on the way', async () => {
    expect(await policyViolations()).toEqual([]);
    expect(scriptErrors).toEqual([]);
  });

  it('GraphiQL loads with the network cut, sends the token it is given, runs a query and shows the answer', async () => {
    const ide = await browser.context.newPage();
    const local = new URL(t.url).host;
    const elsewhere: string[] = [];
    await ide.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === local || url.protocol === 'data:') return route.continue();
      elsewhere.push(url.toString());
      return route.abort('internetdisconnected');
    });
    const ideViolations = await watchPolicyViolations(ide);
    let authorizations: (string | undefined)[] = [];
    ide.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') authorizations.push(request.headers().authorization);
    });

    // Before a token, the IDE asks for the schema without one (and is refused); from then on every request has it.
    const schemaWithoutToken = ide.waitForRequest((request) => new URL(request.url()).pathname === '/graphql');
    await ide.goto(`${t.url}/graphiql`);
    await ide.locator('.graphiql-container').waitFor();
    await schemaWithoutToken;
    authorizations = [];
    await ide.getByLabel('Bearer token').fill(leadership.token!);
    await ide.getByRole('button', { name: 'Use token' }).click();
    await expectText(ide.getByTestId('token-state'), /A token is set/);
    await expectText(ide.locator('.graphiql-query-editor .CodeMirror-code'), /edges \{ node \{ id name kind \} \}/);
    await ide.locator('.graphiql-execute-button').click();

    await expectText(ide.locator('.graphiql-response .CodeMirror-code'), /"Digital programme office"/);
    const answer = await ide.locator('.graphiql-response .CodeMirror-code').textContent();
    expect(answer).toContain('"Group PMO"');
    expect(authorizations.length).toBeGreaterThan(0);
    expect(new Set(authorizations)).toEqual(new Set([`Bearer ${leadership.token}`]));
    expect(elsewhere).toEqual([]);
    expect(await ideViolations()).toEqual([]);
    await ide.screenshot({ path: path.join(SCREENSHOTS, 'graphiql-1280x800.png') });
    await ide.close();
  });
});

/** Waits until the element's text matches: the page gets there when the service answers, not at a known moment. */
async function expectText(locator: ReturnType<Page['locator']>, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + SHOWN_WITHIN_MS;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await locator.textContent({ timeout: SHOWN_WITHIN_MS }).catch(() => null);
    if (last !== null && pattern.test(last)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`within ${SHOWN_WITHIN_MS} ms the text never matched ${pattern}; last seen: ${JSON.stringify(last)}`);
}
