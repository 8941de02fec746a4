/**
 * Live updates from a real browser (Debian's Chromium, driven by playwright-core): a page opens
 * the WebSocket itself, sends its token in connection_init (a browser cannot set headers on a
 * WebSocket), and is let in from the service's own origin or one PMO_CORS_ORIGINS lists, and
 * from no other.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, describeInBrowser, launchChromium } from './support/chromium';
import { daysFromToday, today } from './support/days';
import { eventually } from './support/eventually';
import { openSubscriptions } from './support/live-client';
import { DEFINE_OBJECTIVE, ESTABLISH_PMO, RECORD_PROGRESS } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

/** A server for pages of another origin: a blank page, as a dashboard's would be before its script runs. */
const pageServer = async () => {
  const server = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>page</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

interface Outcome {
  readonly messages: string[];
  readonly delivered?: { objectiveChanged: { id: string; currentValue: number } };
  readonly closed?: number;
}

/** What the page's own script does: connect, authenticate, subscribe, and report the first delivery or the close. */
const follow = ({ url, token, query }: { url: string; token: string; query: string }): Promise<Outcome> =>
  new Promise((resolve) => {
    const messages: string[] = [];
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as { type: string; payload?: { data?: Outcome['delivered'] } };
      messages.push(message.type);
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
      if (message.type === 'next') resolve({ messages, delivered: message.payload?.data });
    };
    socket.onclose = (event) => resolve({ messages, closed: event.code });
  });

describeInBrowser('live updates in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let allowed: Awaited<ReturnType<typeof pageServer>>;
  let foreign: Awaited<ReturnType<typeof pageServer>>;
  let objectiveId: string;

  const openFrom = async (pageUrl: string) => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const token = await t.token('lee@pmo.example', ['LEADERSHIP']);
    const query = `subscription { objectiveChanged { id currentValue } }`;
    return { page, outcome: page.evaluate(follow, { url: `${t.url.replace(/^http/, 'ws')}/graphql`, token, query }) };
  };

  beforeAll(async () => {
    [allowed, foreign] = [await pageServer(), await pageServer()];
    t = await startTestApp({ env: { PMO_CORS_ORIGINS: allowed.origin } });
    browser = await launchChromium();
    const pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Watched office', kind: 'PORTFOLIO' } })).establishPmo.id as string;
    const metric = { name: 'On time', unit: '%', baseline: 0, target: 100 };
    objectiveId = (await t.admin.ok(DEFINE_OBJECTIVE, { input: { pmoId, title: 'On time', metric, startsOn: daysFromToday(-10), dueOn: daysFromToday(90), owner: 'Grace' } }))
      .defineObjective.id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await allowed?.close();
    await foreign?.close();
  });

  it.each([
    ['a page of an origin PMO_CORS_ORIGINS lists', () => allowed.origin, 31],
    ["a page the service serves itself", () => `${t.url}/health`, 32],
  ])('%s is told of a change as it happens', async (_label, pageUrl, value) => {
    const { page, outcome } = await openFrom(pageUrl());
    await eventually(async () => ((await openSubscriptions(t.url, 'objectiveChanged')) === 1 ? true : null));

    await t.admin.ok(RECORD_PROGRESS, { input: { objectiveId, value, measuredOn: today() } });

    expect(await outcome).toEqual({ messages: ['connection_ack', 'next'], delivered: { objectiveChanged: { id: objectiveId, currentValue: value } } });
    await page.close();
    await eventually(async () => ((await openSubscriptions(t.url, 'objectiveChanged')) === 0 ? true : null));
  });

  it('a page of any other origin cannot open the socket', async () => {
    const { page, outcome } = await openFrom(foreign.origin);

    expect(await outcome).toEqual({ messages: [], closed: 1006 });
    await page.close();
  });
});
