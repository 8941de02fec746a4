import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { PassThrough } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { StoreUnavailableError, type EventStore } from '@throughline/event-store';
import { freePort } from '@throughline/testing';
import { createApp } from '../apps/api/src/app.factory';
import { loadOrCreateSigningSecret } from '@throughline/runtime';
import { issueToken } from '@throughline/runtime';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { loadConfig } from '@throughline/runtime';
import { GraphQLClient } from './support/graphql-client';
import { ESTABLISH_PMO, HISTORY } from './support/operations';
import { ServiceProcess } from './support/service-process';
import { tempDataDir } from './support/test-app';

jest.setTimeout(120_000);

const RENAME_PMO = `mutation($input: RenamePmoInput!) { renamePmo(input: $input) { id revision } }`;

type LogLine = Record<string, unknown>;

const jsonLines = (text: string): LogLine[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`a log line is not JSON: ${line}`);
      }
    });

/** Fastify's lines carry a number (40 warn, 50 error, 60 fatal), Nest's a name. */
const atWarnOrAbove = (line: LogLine) =>
  typeof line.level === 'number' ? line.level >= 40 : ['warn', 'error', 'fatal'].includes(String(line.level));

/** A stack trace as V8 writes it, wherever it sits in a line (a message, an `err.stack`). */
const STACK_TRACE = /\n\s+at |"stack"/;

/** The four kinds of refusal clients meet most, each answered with its code. */
async function refuseFourWays(url: string, admin: GraphQLClient, auditor: GraphQLClient) {
  const { establishPmo } = await admin.ok(ESTABLISH_PMO, { input: { name: 'Quiet office', kind: 'PROJECT' } });
  const badInput = await admin.fails(ESTABLISH_PMO, { input: { name: ' ', kind: 'PROJECT' } });
  const forbidden = await auditor.fails(RENAME_PMO, { input: { pmoId: establishPmo.id, name: 'Renamed' } });
  const notFound = await admin.fails(RENAME_PMO, { input: { pmoId: randomUUID(), name: 'Renamed' } });
  const conflict = await admin.fails(RENAME_PMO, { input: { pmoId: establishPmo.id, name: 'Renamed', expectedRevision: 7 } });
  const anonymous = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ pmos { id } }"}' });
  const exportRefused = await fetch(`${url}/export/audit.ndjson?format=xml`, { headers: { authorization: `Bearer ${admin.token}` } });
  return {
    codes: [badInput, forbidden, notFound, conflict].map((e) => e.extensions?.code),
    statuses: [anonymous.status, exportRefused.status],
  };
}

const EXPECTED_CODES = ['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT'];

describe('the log of a service at LOG_LEVEL=warn, as a process', () => {
  const dataDir = tempDataDir();
  let service: ServiceProcess;

  beforeAll(async () => {
    service = new ServiceProcess(dataDir, await freePort(), { LOG_LEVEL: 'warn' });
    await service.start();
  });
  afterAll(async () => {
    await service.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds no warning, no error and no stack trace for refused requests', async () => {
    const auditorToken = await issueToken(loadOrCreateSigningSecret(dataDir), { subject: 'auditor@test', roles: ['AUDITOR'], pmoIds: [], ttlSeconds: 600 });

    const refused = await refuseFourWays(service.url, service.adminClient(), new GraphQLClient(service.url, auditorToken));

    expect(refused).toEqual({ codes: EXPECTED_CODES, statuses: [401, 400] });
    const lines = jsonLines(service.log);
    expect(lines.filter(atWarnOrAbove)).toEqual([]);
    expect(service.log).not.toMatch(STACK_TRACE);
  });
});

describe('the log of a service at LOG_LEVEL=info', () => {
  const dataDir = tempDataDir();
  let app: NestFastifyApplication;
  let url: string;
  let admin: GraphQLClient;
  let auditor: GraphQLClient;
  let log = '';

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    // Nest's logger as main.ts has it, not turned off as most tests do: its lines count too.
    app = await createApp(loadConfig({ PMO_DATA_DIR: dataDir, LOG_LEVEL: 'info' }), { logStream: stream });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const secret = loadOrCreateSigningSecret(dataDir);
    admin = new GraphQLClient(url, await issueToken(secret, { subject: 'admin@test', roles: ['ADMIN'], pmoIds: [], ttlSeconds: 600 }));
    auditor = new GraphQLClient(url, await issueToken(secret, { subject: 'auditor@test', roles: ['AUDITOR'], pmoIds: [], ttlSeconds: 600 }));
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('notes each refused GraphQL request on one info line with its code, without stack trace or message', async () => {
    const before = log.length;

    const refused = await refuseFourWays(url, admin, auditor);

    const lines = jsonLines(log.slice(before));
    const refusals = lines.filter((line) => line.msg === 'request refused');
    expect(refused.codes).toEqual(EXPECTED_CODES);
    expect(refusals.map((line) => line.code)).toEqual(EXPECTED_CODES);
    expect(refusals.every((line) => line.level === 30 && typeof line.reqId === 'string')).toBe(true);
    expect(refusals.find((line) => line.code === 'FORBIDDEN')).toMatchObject({ permission: 'pmo.manage', path: 'renamePmo' });
    // Messages may quote what the client sent; the code, field and path say what went wrong.
    expect(JSON.stringify(refusals)).not.toContain('Quiet office');
    expect(lines.filter(atWarnOrAbove)).toEqual([]);
    expect(log.slice(before)).not.toMatch(STACK_TRACE);
  });

  it('notes a malformed request the same way', async () => {
    const before = log.length;

    const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' }, body: '{"query": ' });

    const lines = jsonLines(log.slice(before));
    expect(response.status).toBe(400);
    expect(lines.filter((line) => line.msg === 'request refused')).toEqual([expect.objectContaining({ level: 30, code: 'BAD_REQUEST' })]);
    expect(lines.filter(atWarnOrAbove)).toEqual([]);
    expect(log.slice(before)).not.toMatch(STACK_TRACE);
  });

  it('logs an unexpected failure in GraphQL once, at error, with the correlation id the client got', async () => {
    const { establishPmo } = await admin.ok(ESTABLISH_PMO, { input: { name: 'Failing office', kind: 'PROJECT' } });
    const store = app.get(EVENT_STORE) as EventStore;
    const before = log.length;
    const failure = jest.spyOn(store, 'readStream').mockRejectedValueOnce(new Error('the disk under the event store is on fire'));
    let answer: Awaited<ReturnType<GraphQLClient['fails']>>;
    try {
      answer = await admin.fails(HISTORY, { type: 'PMO', id: establishPmo.id });
    } finally {
      failure.mockRestore();
    }

    const serious = jsonLines(log.slice(before)).filter(atWarnOrAbove);
    const correlationId = answer.extensions?.correlationId;
    expect(answer.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(typeof correlationId).toBe('string');
    expect(serious).toHaveLength(1);
    expect(serious[0]).toMatchObject({ level: 50, msg: 'request failed', reqId: correlationId, correlationId });
    expect(JSON.stringify(serious[0])).toContain('the disk under the event store is on fire');
  });

  it('logs an unexpected failure of the audit export at error, and answers with the correlation id only', async () => {
    const store = app.get(EVENT_STORE) as EventStore;
    const before = log.length;
    const failure = jest.spyOn(store, 'headPosition').mockRejectedValueOnce(new Error('the head of the store went missing'));
    let response: Response;
    try {
      response = await fetch(`${url}/export/audit.ndjson`, { headers: { authorization: `Bearer ${admin.token}` } });
    } finally {
      failure.mockRestore();
    }
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string; correlationId: string } }[] };

    expect(response.status).toBe(500);
    const serious = jsonLines(log.slice(before)).filter(atWarnOrAbove);
    const correlationId = body.errors[0]?.extensions.correlationId;
    expect(body.errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors[0]?.message).not.toContain('went missing');
    expect(typeof correlationId).toBe('string');
    expect(serious).toHaveLength(1);
    expect(serious[0]).toMatchObject({ level: 50, msg: 'request failed', reqId: correlationId, correlationId });
    expect(JSON.stringify(serious[0])).toContain('the head of the store went missing');
  });

  it('answers the audit export 503 while the event store cannot be reached, logged as a warning without stack trace', async () => {
    const store = app.get(EVENT_STORE) as EventStore;
    const before = log.length;
    const outage = jest.spyOn(store, 'headPosition').mockRejectedValueOnce(new StoreUnavailableError('EventStoreDB at 10.0.0.7:2113 did not answer'));
    let response: Response;
    try {
      response = await fetch(`${url}/export/audit.ndjson`, { headers: { authorization: `Bearer ${admin.token}` } });
    } finally {
      outage.mockRestore();
    }
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };

    const serious = jsonLines(log.slice(before)).filter(atWarnOrAbove);
    expect(response.status).toBe(503);
    expect(body.errors[0]?.extensions.code).toBe('UNAVAILABLE');
    expect(serious).toEqual([expect.objectContaining({ level: 40, code: 'UNAVAILABLE', cause: 'EventStoreDB at 10.0.0.7:2113 did not answer', msg: 'event store unavailable' })]);
    expect(log.slice(before)).not.toMatch(STACK_TRACE);
  });
});
