/**
 * Who may open a live-update connection, and how it ends: the token in connection_init checked
 * as the HTTP path checks one, the graphql-ws close codes for every refusal, the token's expiry
 * told to each subscription before the socket closes, the browser origins PMO_CORS_ORIGINS
 * allows, and the limits per connection and per subject.
 */
import * as net from 'node:net';
import { PassThrough } from 'node:stream';
import WebSocket from 'ws';
import { eventually } from './support/eventually';
import { LiveClient, openSubscriptions, within } from './support/live-client';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

const EVENTS = `subscription { eventRecorded { position } }`;

const running = (t: TestApp, field: string, count: number) => eventually(async () => ((await openSubscriptions(t.url, field)) === count ? true : null));

/**
 * A bare WebSocket: its close, or the HTTP answer that refused the upgrade and whether the
 * service then closed the connection.
 */
const bareSocket = (t: TestApp, protocol: string | null, headers: Record<string, string> = {}, path = '/graphql') => {
  const socket = new WebSocket(`${t.url.replace(/^http/, 'ws')}${path}`, protocol ? [protocol] : [], { headers });
  const outcome = new Promise<{ opened: boolean; code?: number; reason?: string; status?: number; connectionClosed?: boolean }>((resolve) => {
    let opened = false;
    socket.on('open', () => (opened = true));
    socket.on('close', (code, reason) => resolve({ opened, code, reason: reason.toString() }));
    // Refused before it opened: the answer's status, and the service closes the socket after it.
    socket.on('error', () => undefined);
    socket.on('unexpected-response', (request, response) => {
      response.resume();
      request.socket?.once('close', () => resolve({ opened, status: response.statusCode, connectionClosed: true }));
    });
  });
  return { socket, outcome: within(outcome, 'the socket to end') };
};

describe('live-update connections', () => {
  let t: TestApp;
  const clients: LiveClient[] = [];
  const track = (client: LiveClient) => {
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { PMO_CORS_ORIGINS: 'https://dashboard.example.org', PMO_SUBSCRIPTIONS_PER_CONNECTION: '2', PMO_CONNECTIONS_PER_SUBJECT: '1' } });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    await running(t, 'eventRecorded', 0);
    await running(t, 'objectiveChanged', 0);
  });
  afterAll(() => t.close());

  it('closes a connection without a token with 4401 before any subscription starts', async () => {
    const client = track(new LiveClient(t.url, {}));

    const ended = await client.follow(EVENTS).ended;

    expect(await client.closed()).toEqual({ code: 4401, reason: 'Unauthorized: send { authorization: "Bearer <token>" } in connection_init' });
    expect(ended.errors).toMatchObject({ code: 4401 });
    expect(await openSubscriptions(t.url, 'eventRecorded')).toBe(0);
  });

  it('closes a connection whose token is forged with 4403, and one whose token has expired with 4401', async () => {
    const valid = await t.token('sam@pmo.example', ['AUDITOR']);
    const forged = track(LiveClient.bearer(t.url, `${valid.slice(0, -6)}AAAAAA`));
    const expired = track(LiveClient.bearer(t.url, await t.token('sam@pmo.example', ['AUDITOR'], [], -5)));
    // The header's spelling is accepted too.
    const capitalised = track(new LiveClient(t.url, { Authorization: `Bearer ${valid}` }));

    forged.follow(EVENTS);
    expired.follow(EVENTS);
    const accepted = capitalised.follow(EVENTS);

    expect(await forged.closed()).toEqual({ code: 4403, reason: expect.stringMatching(/^Forbidden: the token is not valid/) });
    expect(await expired.closed()).toEqual({ code: 4401, reason: 'Unauthorized: token expired' });
    await running(t, 'eventRecorded', 1);
    accepted.stop();
  });

  it("tells each subscription that the token expired when its exp passes, then closes the socket with 4401", async () => {
    const client = track(LiveClient.bearer(t.url, await t.token('sam@pmo.example', ['AUDITOR'], [], 4)));

    const [events, objectives] = [client.follow(EVENTS), client.follow(`subscription { objectiveChanged { id } }`)];

    expect(await client.closed()).toEqual({ code: 4401, reason: 'Unauthorized: token expired' });
    for (const subscription of [events, objectives]) {
      expect((await subscription.ended).errors).toEqual([{ message: 'the token expired; connect again with a valid one', extensions: { code: 'UNAUTHENTICATED' } }]);
    }
    expect(await openSubscriptions(t.url, 'objectiveChanged')).toBe(0);
  });

  it('speaks graphql-transport-ws only, and wants connection_init first', async () => {
    const legacy = bareSocket(t, 'graphql-ws');
    const early = bareSocket(t, 'graphql-transport-ws');
    early.socket.on('open', () => early.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: EVENTS } })));

    expect(await legacy.outcome).toMatchObject({ opened: true, code: 4406, reason: 'Subprotocol not acceptable' });
    expect(await early.outcome).toMatchObject({ opened: true, code: 4401, reason: 'Unauthorized: send connection_init first' });
  });

  it('closes a connection that starts a second subscription under an id still running with 4409', async () => {
    const token = await t.token('sam@pmo.example', ['AUDITOR']);
    const { socket, outcome } = bareSocket(t, 'graphql-transport-ws');
    const subscribe = JSON.stringify({ id: 'same', type: 'subscribe', payload: { query: EVENTS } });
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      if (JSON.parse(data.toString()).type !== 'connection_ack') return;
      socket.send(subscribe);
      void running(t, 'eventRecorded', 1).then(() => socket.send(subscribe));
    });

    expect(await outcome).toMatchObject({ opened: true, code: 4409, reason: 'Subscriber for same already exists' });
  });

  it('lets pages on the configured origins and on its own origin open a socket, and refuses any other with 403', async () => {
    const own = new URL(t.url).host;
    const [configured, same, foreign] = [
      bareSocket(t, 'graphql-transport-ws', { origin: 'https://dashboard.example.org' }),
      bareSocket(t, 'graphql-transport-ws', { origin: `http://${own}` }),
      bareSocket(t, 'graphql-transport-ws', { origin: 'https://elsewhere.example.com' }),
    ];
    for (const { socket } of [configured, same]) socket.on('open', () => socket.close(1000));

    expect(await configured.outcome).toMatchObject({ opened: true, code: 1000 });
    expect(await same.outcome).toMatchObject({ opened: true, code: 1000 });
    expect(await foreign.outcome).toEqual({ opened: false, status: 403, connectionClosed: true });
  });

  it('answers an upgrade to any other route, or by another method, over HTTP, and closes the connection after', async () => {
    const health = bareSocket(t, 'graphql-transport-ws', {}, '/health');
    const unknown = bareSocket(t, 'graphql-transport-ws', {}, '/nowhere');
    const posted = new Promise<{ answer: string; closed: boolean }>((resolve) => {
      const socket = net.connect(Number(new URL(t.url).port), '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve({ answer, closed: true }));
      const body = '{"query":"{ pmos { id } }"}';
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nContent-Type: application/json\r\n` +
          `Authorization: Bearer ${t.admin.token}\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      );
    });

    expect(await health.outcome).toEqual({ opened: false, status: 200, connectionClosed: true });
    expect(await unknown.outcome).toEqual({ opened: false, status: 404, connectionClosed: true });
    expect(await within(posted, 'the posted upgrade to end')).toMatchObject({ answer: expect.stringMatching(/^HTTP\/1\.1 \d{3} /), closed: true });
  });

  it('refuses a subscription beyond the connection’s allowance, and a connection beyond the subject’s', async () => {
    const token = await t.token('lee@pmo.example', ['LEADERSHIP']);
    const first = track(LiveClient.bearer(t.url, token));
    first.follow(EVENTS);
    first.follow(EVENTS);
    await running(t, 'eventRecorded', 2);
    const third = await first.follow(EVENTS).ended;

    const second = track(LiveClient.bearer(t.url, token));
    second.follow(EVENTS);
    const someoneElse = track(LiveClient.bearer(t.url, await t.token('sam@pmo.example', ['AUDITOR'])));
    someoneElse.follow(EVENTS);

    expect(third.errors).toEqual([expect.objectContaining({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })]);
    expect(await second.closed()).toEqual({ code: 4429, reason: 'Too many connections for this subject' });
    await running(t, 'eventRecorded', 3);
  });

  it('closes every connection with 1001 when the service stops, so clients go elsewhere', async () => {
    const stopping = await startTestApp();
    const client = track(LiveClient.bearer(stopping.url, await stopping.token('sam@pmo.example', ['AUDITOR'])));
    const events = client.follow(EVENTS);
    await running(stopping, 'eventRecorded', 1);

    await stopping.close();

    expect(await client.closed()).toEqual({ code: 1001, reason: 'Going away: the service is stopping' });
    expect((await events.ended).errors).toMatchObject({ code: 1001 });
  });

  it('logs each refused connection as one info line naming the code, never the token', async () => {
    const lines: Record<string, unknown>[] = [];
    const logStream = new PassThrough();
    logStream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)));
    const logged = await startTestApp({ logStream });
    try {
      const token = await logged.token('sam@pmo.example', ['AUDITOR']);
      const forged = `${token.slice(0, -6)}AAAAAA`;
      const [none, bad] = [track(new LiveClient(logged.url, {})), track(LiveClient.bearer(logged.url, forged))];
      none.follow(EVENTS);
      bad.follow(EVENTS);
      await Promise.all([none.closed(), bad.closed()]);

      const refused = await eventually(async () => {
        const found = lines.filter((line) => line['msg'] === 'subscription connection refused');
        return found.length === 2 ? found : null;
      });
      expect(refused.map((line) => [line['level'], line['code'], line['closeCode'], typeof line['reqId']]).sort()).toEqual([
        [30, 'UNAUTHENTICATED', 4401, 'string'],
        [30, 'UNAUTHENTICATED', 4403, 'string'],
      ]);
      expect(lines.some((line) => JSON.stringify(line).includes(forged.split('.')[1]!))).toBe(false);
    } finally {
      await logged.close();
    }
  });
});
