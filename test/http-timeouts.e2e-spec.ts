import * as net from 'node:net';
import { PassThrough } from 'node:stream';
import { Projector } from '@throughline/read-models';
import { ESTABLISH_PMO } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

/** Small limits, so a test sees them act; the assertions allow many times as long. */
const LIMIT_MS = 1000;
/** Far beyond the limits: a connection still open by then was never going to be closed. */
const GIVE_UP_MS = 12_000;

interface RawConnection {
  readonly socket: net.Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves with the ms from opening to the server closing the connection, or null when it stayed open past GIVE_UP_MS. */
  closedWithin(): Promise<number | null>;
}

/** A client at the level of TCP, writing whatever bytes a test wants at its own pace. */
const connect = (url: string): Promise<RawConnection> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = net.connect({ host: hostname, port: Number(port) });
    const opened = Date.now();
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined); // a reset is one way of being closed
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - opened)));
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => text,
        closedWithin: () => Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), GIVE_UP_MS).unref())]),
      }),
    );
    socket.once('error', reject);
  });

/** Writes one byte every 200 ms while the connection lasts: slow enough never to finish, busy enough never to be idle. */
const dribble = (socket: net.Socket, byte = ' '): (() => void) => {
  const timer = setInterval(() => {
    if (socket.writable) socket.write(byte);
  }, 200);
  return () => clearInterval(timer);
};

const postHead = (token: string | null) =>
  [
    'POST /graphql HTTP/1.1',
    'Host: localhost',
    'Content-Type: application/json',
    'Content-Length: 500000',
    ...(token ? [`Authorization: Bearer ${token}`] : []),
    '',
    '',
  ].join('\r\n');

describe('connections that never finish their request', () => {
  let t: TestApp;
  let log = '';
  const opened: RawConnection[] = [];
  const open = async () => {
    const connection = await connect(t.url);
    opened.push(connection);
    return connection;
  };

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    t = await startTestApp({
      logStream: stream,
      env: { PMO_REQUEST_TIMEOUT_MS: String(LIMIT_MS), PMO_HEADERS_TIMEOUT_MS: String(LIMIT_MS), PMO_KEEP_ALIVE_TIMEOUT_MS: String(LIMIT_MS) },
    });
  });
  afterEach(() => opened.splice(0).forEach((c) => c.socket.destroy()));
  afterAll(() => t.close());

  it('closes a request whose declared body dribbles in a byte at a time, noting it on one info line', async () => {
    const before = log.length;
    const c = await open();
    c.socket.write(`${postHead(t.admin.token)}{"query":`);
    const stop = dribble(c.socket);

    const closedAfter = await c.closedWithin();
    stop();

    expect(closedAfter).not.toBeNull();
    expect(c.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(c.received()).toContain('"code":"REQUEST_TIMEOUT"');
    const lines = log.slice(before).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => line.msg === 'connection refused')).toEqual([expect.objectContaining({ level: 30, code: 'REQUEST_TIMEOUT' })]);
    expect(log.slice(before)).not.toContain('"stack"');
  });

  it('closes such a request without a token too, rather than reading its body after the 401', async () => {
    const c = await open();
    c.socket.write(postHead(null));
    const stop = dribble(c.socket);

    const closedAfter = await c.closedWithin();
    stop();

    expect(closedAfter).not.toBeNull();
    expect(c.received()).toMatch(/^HTTP\/1\.1 401 /);
  });

  it('closes a connection whose headers never end', async () => {
    const c = await open();
    c.socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nX-Padding: ');
    const stop = dribble(c.socket, 'a');

    const closedAfter = await c.closedWithin();
    stop();

    expect(closedAfter).not.toBeNull();
  });

  it('answers bytes that are not HTTP with 400 and closes the connection', async () => {
    const c = await open();
    c.socket.write('HELLO THERE\r\n\r\n');

    const closedAfter = await c.closedWithin();

    expect(closedAfter).not.toBeNull();
    expect(c.received()).toMatch(/^HTTP\/1\.1 400 /);
    expect(c.received()).toContain('"code":"BAD_REQUEST"');
  });

  it('closes a kept-alive connection that stays idle after its answer', async () => {
    const c = await open();
    const body = JSON.stringify({ query: '{ __typename }' });
    c.socket.write(
      ['POST /graphql HTTP/1.1', 'Host: localhost', 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, `Authorization: Bearer ${t.admin.token}`, '', body].join('\r\n'),
    );

    const closedAfter = await c.closedWithin();

    expect(c.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(c.received()).not.toMatch(/connection: close/i);
    expect(closedAfter).not.toBeNull();
  });

  it('lets an answer take longer than the request limit: the audit export waiting for the read models is not cut', async () => {
    await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Slow export office', kind: 'PROJECT' } });
    const projector = t.app.get(Projector);
    const waitFor = projector.waitFor.bind(projector);
    // The export waits for the read models to hold every stored event before its first byte.
    const slow = jest.spyOn(projector, 'waitFor').mockImplementation(async (...args) => {
      await new Promise((r) => setTimeout(r, 3 * LIMIT_MS));
      return waitFor(...args);
    });
    try {
      const response = await fetch(`${t.url}/export/audit.ndjson`, { headers: { authorization: `Bearer ${t.admin.token}` } });
      const lines = (await response.text()).trim().split('\n');

      expect(slow).toHaveBeenCalled();
      expect(response.status).toBe(200);
      expect(lines.map((line) => JSON.parse(line).type)).toContain('PmoEstablished');
    } finally {
      slow.mockRestore();
    }
  });
});
