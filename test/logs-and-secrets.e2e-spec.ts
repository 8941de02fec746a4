import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { SignJWT } from 'jose';
import type { EventStore } from '@throughline/event-store';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { ESTABLISH_PMO, HISTORY } from './support/operations';
import { freePort } from '@throughline/testing';
import { ServiceProcess } from './support/service-process';
import { startTestApp, tempDataDir, type TestApp } from './support/test-app';

const ROOT = path.resolve(__dirname, '..');

/** A well-formed token signed with a key the service has never seen. */
const forgedToken = () =>
  new SignJWT({ roles: ['ADMIN'] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('mallory')
    .setIssuer('throughline')
    .setAudience('throughline-api')
    .setExpirationTime('1h')
    .sign(new Uint8Array(32).fill(7));

const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`a log line is not JSON: ${line}`);
      }
    });

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('the request log of a running service', () => {
  let t: TestApp;
  let log = '';

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    // trace: the most the service ever writes about a request.
    t = await startTestApp({ logStream: stream, env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(() => t.close());

  it('is JSON, carries the correlation id of a masked failure with its cause, and never a token', async () => {
    const forged = await forgedToken();
    const { establishPmo } = await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Group portfolio office', kind: 'PORTFOLIO' } });
    const refused = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ query: '{ pmos { id } }' }),
    });
    const store = t.app.get(EVENT_STORE) as EventStore;
    const failure = jest.spyOn(store, 'readStream').mockRejectedValueOnce(new Error('the disk under the event store is on fire'));
    let correlationId: unknown;
    try {
      correlationId = (await t.admin.fails(HISTORY, { type: 'PMO', id: establishPmo.id })).extensions?.correlationId;
    } finally {
      failure.mockRestore();
    }

    const lines = jsonLines(log);
    const failureLine = lines.find((line) => line.correlationId === correlationId);

    expect(refused.status).toBe(401);
    expect(typeof correlationId).toBe('string');
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(failureLine).toMatchObject({ level: 50, msg: 'request failed', reqId: correlationId });
    expect(JSON.stringify(failureLine)).toContain('the disk under the event store is on fire');
    expect(log).not.toContain(t.admin.token!);
    expect(log).not.toContain(forged);
    expect(log.toLowerCase()).not.toContain('bearer');
  });

  it('never holds what a request carried, in its body or its query string, even at trace', async () => {
    const before = log.length;
    const marker = 'Zebedee Quillfeather-Oyelaran';
    await t.admin.ok(ESTABLISH_PMO, { input: { name: `${marker} office`, kind: 'PORTFOLIO' } });
    const query = encodeURIComponent(`{ pmos { id name } }`);
    const variables = encodeURIComponent(JSON.stringify({ name: marker }));
    const asGet = await fetch(`${t.url}/graphql?query=${query}&variables=${variables}`, { headers: { authorization: `Bearer ${t.admin.token}` } });
    const mutationByGet = await fetch(`${t.url}/graphql?query=${encodeURIComponent(`mutation { establishPmo(input: { name: "${marker}", kind: PROJECT }) { id } }`)}`, {
      headers: { authorization: `Bearer ${t.admin.token}` },
    });

    const written = log.slice(before);
    expect(asGet.status).toBe(200);
    expect(mutationByGet.status).toBeGreaterThanOrEqual(400);
    expect(jsonLines(written).some((line) => (line.req as { url?: string } | undefined)?.url === '/graphql')).toBe(true);
    expect(written).not.toContain('Zebedee');
    expect(written).not.toContain('Quillfeather');
  });

  it('censors the authorization header of anything that logs request headers', () => {
    const logger = t.app.getHttpAdapter().getInstance().log;
    const before = log.length;

    logger.warn({ headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': 'application/json' } }, 'headers seen');

    const [line] = jsonLines(log.slice(before));
    expect(line).toMatchObject({ msg: 'headers seen', headers: { authorization: '[redacted]', 'content-type': 'application/json' } });
  });
});

describe('the service as a process', () => {
  const dataDir = tempDataDir();
  let service: ServiceProcess;

  beforeAll(async () => {
    // A token file left readable by others, as an older version or a careless copy might leave it.
    fs.writeFileSync(path.join(dataDir, 'admin.token'), 'not a token\n', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'admin.token'), 0o644);
    service = new ServiceProcess(dataDir, await freePort(), { LOG_LEVEL: 'debug' });
    await service.start();
  });
  afterAll(async () => {
    await service.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('says on its first start that it builds the read models for the first time, not that they changed', () => {
    const messages = jsonLines(service.log).map((line) => String(line.message ?? line.msg));

    expect(messages).toContain('building the read models from the events for the first time');
    expect(messages.some((message) => message.includes('changed shape'))).toBe(false);
  });

  it('keeps the signing secret and the admin token readable by their owner only', () => {
    expect(modeOf(path.join(dataDir, 'jwt-secret'))).toBe(0o600);
    expect(modeOf(path.join(dataDir, 'admin.token'))).toBe(0o600);
    expect(fs.readFileSync(path.join(dataDir, 'admin.token'), 'utf8')).toMatch(/^eyJ/);
  });

  it('narrows a secret file another hand widened, at the next start', async () => {
    await service.kill();
    fs.chmodSync(path.join(dataDir, 'jwt-secret'), 0o644);
    fs.chmodSync(path.join(dataDir, 'admin.token'), 0o640);
    await service.start();

    expect(modeOf(path.join(dataDir, 'jwt-secret'))).toBe(0o600);
    expect(modeOf(path.join(dataDir, 'admin.token'))).toBe(0o600);
  });

  it('writes only JSON lines, its own messages included, and never the token it was sent', async () => {
    const admin = service.adminClient();
    await admin.ok(ESTABLISH_PMO, { input: { name: 'Logged office', kind: 'PROJECT' } });
    await admin.fails('{ pmos { nosuchfield } }');
    await fetch(`${service.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: '{"query": ' });

    const lines = jsonLines(service.log);

    expect(lines.some((line) => String(line.message).startsWith(`GraphQL at http://127.0.0.1:${service.port}/graphql`))).toBe(true);
    expect(lines.some((line) => line.msg === 'request completed')).toBe(true);
    expect(service.log).not.toContain(admin.token!);
  });
});

describe('the repository', () => {
  const SOURCE_DIRS = ['apps', 'libs', 'test', 'bench', 'docker'];
  const SKIPPED = new Set(['node_modules', 'dist', 'data', 'coverage']);
  const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/;
  const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

  const filesUnder = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
          if (SKIPPED.has(entry.name)) return [];
          const full = path.join(dir, entry.name);
          return entry.isDirectory() ? filesUnder(full) : [full];
        })
      : [];

  it('ignores data directories and the files that hold secrets', () => {
    const ignored = fs.readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n').map((line) => line.trim());

    expect(ignored).toEqual(expect.arrayContaining(['data/', '.env', 'jwt-secret', 'admin.token']));
  });

  it('holds no signed token and no private key in its sources', () => {
    const files = [...SOURCE_DIRS.flatMap((dir) => filesUnder(path.join(ROOT, dir))), ...fs.readdirSync(ROOT).map((f) => path.join(ROOT, f))].filter(
      (file) => fs.statSync(file).isFile() && fs.statSync(file).size < 2_000_000,
    );
    const leaks = files.filter((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return JWT.test(text) || PRIVATE_KEY.test(text);
    });

    expect(files.length).toBeGreaterThan(100);
    expect(leaks.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
