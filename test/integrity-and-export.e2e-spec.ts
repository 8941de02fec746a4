import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import type { EventStore } from '@throughline/event-store';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { daysFromToday, today } from './support/days';
import { AUDIT_LOG, DEFINE_OBJECTIVE, DRAFT_PLAN, ESTABLISH_PMO, LOG_WORK, PLAN_ACTIVITY } from './support/operations';
import { runCli } from './support/run-cli';
import { startTestApp, tempDataDir, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

const VERIFY = `query($pmoId: ID, $knownHeads: [StreamHeadInput!]) {
  verifyIntegrity(pmoId: $pmoId, knownHeads: $knownHeads) {
    ok checkedEvents problemCount problems { streamId revision problem } streams { streamId revision hash }
  }
}`;

interface Report {
  ok: boolean;
  checkedEvents: number;
  problemCount: number;
  problems: { streamId: string; revision: number; problem: string }[];
  streams: { streamId: string; revision: number; hash: string }[];
}

interface LogNode {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  recordedAt: string;
  actor: string;
  reason: string | null;
  commandId: string | null;
  data: Record<string, unknown>;
}

interface LogPage {
  edges: { node: LogNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A description that needs every kind of CSV quoting. */
const AWKWARD = 'Review "gate 2", then\nsign off; costs 1,200';

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      (record = []), (field = ''), (i += 1);
    } else field += c;
  }
  return records;
};

describe('tamper evidence and the audit export', () => {
  const dataDir = tempDataDir();
  let t: TestApp;
  let p1: string;
  let p2: string;
  let objectiveStream: string;
  let workStream: string;

  const verify = async (variables: Record<string, unknown> = {}): Promise<Report> =>
    (await t.admin.ok<{ verifyIntegrity: Report }>(VERIFY, variables)).verifyIntegrity;

  /** The audit log through GraphQL, every page. */
  const auditLog = async (filter: Record<string, unknown>): Promise<LogNode[]> => {
    const nodes: LogNode[] = [];
    let after: string | null = null;
    for (;;) {
      const { auditLog: page }: { auditLog: LogPage } = await t.admin.ok(AUDIT_LOG, { filter, first: 400, after });
      nodes.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  };

  const exportLog = (query: string, token: string | null = t.admin.token) =>
    fetch(`${t.url}/export/audit.ndjson${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  const office = async (name: string) => {
    const pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name, kind: 'PROGRAMME' } })).establishPmo.id as string;
    const metric = { name: 'On time', unit: '%', baseline: 0, target: 100 };
    const objectives: string[] = [];
    for (const title of ['On time', 'On budget']) {
      objectives.push((await t.admin.ok(DEFINE_OBJECTIVE, { input: { pmoId, title, metric, dueOn: daysFromToday(200), owner: 'Grace' } })).defineObjective.id);
    }
    const plan = await t.admin.ok(DRAFT_PLAN, { input: { pmoId, title: 'Plan', periodStart: daysFromToday(-60), periodEnd: daysFromToday(300) } });
    const activity = await t.admin.ok(PLAN_ACTIVITY, {
      input: { planId: plan.draftBusinessPlan.id, title: 'Reviews', responsible: 'Grace', mode: 'DIRECT', startsOn: daysFromToday(-30), endsOn: daysFromToday(60) },
    });
    const work = await t.admin.ok(LOG_WORK, { input: { pmoId, workedOn: today(), hours: 2, description: AWKWARD, activityId: activity.planActivity.id } });
    return { pmoId, objectiveId: objectives[0] as string, workId: work.logWork.id as string };
  };

  beforeAll(async () => {
    t = await startTestApp({ dataDir });
    const first = await office('Digital programme office');
    p1 = first.pmoId;
    objectiveStream = `objective-${first.objectiveId}`;
    workStream = `work-${first.workId}`;
    p2 = (await office('Infrastructure programme office')).pmoId;
  });

  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  describe('on the untouched store', () => {
    it('verifyIntegrity finds nothing wrong and gives the head of every stream', async () => {
      const all = await auditLog({});
      const whole = await verify();

      expect(whole).toMatchObject({ ok: true, problemCount: 0, problems: [], checkedEvents: all.length });
      const lastRevisions = new Map(all.map((event) => [event.streamId, event.revision]));
      expect(whole.streams.map(({ streamId, revision }) => [streamId, revision])).toEqual([...lastRevisions].sort(([a], [b]) => (a < b ? -1 : 1)));
      expect(whole.streams.every((head) => /^[0-9a-f]{64}$/.test(head.hash))).toBe(true);
    });

    it("scoped to a PMO, checks that PMO's streams only", async () => {
      const ofP1 = await auditLog({ pmoId: p1 });
      const report = await verify({ pmoId: p1 });

      expect(report).toMatchObject({ ok: true, checkedEvents: ofP1.length });
      expect(report.streams.map((head) => head.streamId).sort()).toEqual([...new Set(ofP1.map((event) => event.streamId))].sort());
      expect(report.streams.map((head) => head.streamId.split('-')[0])).toEqual(expect.arrayContaining(['activity', 'objective', 'plan', 'pmo', 'work']));
    });

    it('accepts the heads it gave, and names a kept head that does not match', async () => {
      const { streams } = await verify();
      expect(await verify({ knownHeads: streams })).toMatchObject({ ok: true });

      const forged = { ...(streams[0] as Report['streams'][number]), hash: 'a'.repeat(64) };
      const report = await verify({ knownHeads: [forged] });
      expect(report.problems).toEqual([
        { streamId: forged.streamId, revision: forged.revision, problem: 'hash differs from the kept head: the stream up to this revision is not what it was' },
      ]);
    });

    it('refuses a malformed PMO id, an unknown PMO and a malformed kept head, naming the argument', async () => {
      expect(await t.admin.fails(VERIFY, { pmoId: 'not-an-id' })).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'pmoId' } });
      expect(await t.admin.fails(VERIFY, { pmoId: randomUUID() })).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      expect(await t.admin.fails(VERIFY, { knownHeads: [{ streamId: objectiveStream, revision: 0, hash: 'abc' }] })).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'knownHeads[0].hash' },
      });
    });

    it('audit:verify agrees, in words and in JSON', () => {
      const human = runCli('audit-verify.ts', [], { PMO_DATA_DIR: dataDir });
      expect(human.status).toBe(0);
      expect(human.stdout).toContain('no problem found');
      // A summary: the streams one by one only when asked for.
      expect(human.stdout).not.toContain(objectiveStream);
      expect(human.stdout.trim().split('\n').length).toBeLessThanOrEqual(3);
      const verbose = runCli('audit-verify.ts', ['--verbose'], { PMO_DATA_DIR: dataDir });
      expect(verbose.stdout).toMatch(new RegExp(`${objectiveStream} revision \\d+ [0-9a-f]{64}`));

      const json = runCli('audit-verify.ts', ['--pmo', p2, '--json'], { PMO_DATA_DIR: dataDir });
      expect(json.status).toBe(0);
      const report = JSON.parse(json.stdout) as Report & { pmoId: string };
      expect(report).toMatchObject({ pmoId: p2, ok: true });
      expect(report.streams.some((head) => head.streamId === `pmo-${p2}`)).toBe(true);
      expect(report.streams.some((head) => head.streamId === `pmo-${p1}`)).toBe(false);
    });

    it('audit:verify refuses bad arguments with usage help', () => {
      const badPmo = runCli('audit-verify.ts', ['--pmo', 'nope'], { PMO_DATA_DIR: dataDir });
      const unknownFlag = runCli('audit-verify.ts', ['--everything'], { PMO_DATA_DIR: dataDir });
      const noStore = runCli('audit-verify.ts', [], { PMO_DATA_DIR: path.join(dataDir, 'nowhere') });

      expect([badPmo.status, unknownFlag.status, noStore.status]).toEqual([2, 2, 2]);
      expect(badPmo.stderr).toContain('--pmo nope is not a PMO id');
      expect(noStore.stderr).toContain('no event store at');
    });
  });

  describe('the export', () => {
    it('streams the audit log of a PMO as one JSON object per line, as auditLog lists it', async () => {
      const expected = await auditLog({ pmoId: p1 });
      const { streams } = await verify({ pmoId: p1 });
      const response = await exportLog(`?pmoId=${p1}`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
      const text = await response.text();
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(lines).toHaveLength(expected.length);
      expect(lines.map(({ hash: _hash, correlationId: _correlationId, erasedFields: _erased, ...rest }) => rest)).toEqual(expected);
      expect(lines.every((line) => typeof line.correlationId === 'string')).toBe(true);
      // Nobody's personal data was erased here.
      expect(lines.every((line) => Array.isArray(line.erasedFields) && line.erasedFields.length === 0)).toBe(true);
      // Each stream's last exported event carries the head hash the integrity check reports.
      const lastHash = new Map(lines.map((line) => [line.streamId, line.hash]));
      for (const head of streams) expect(lastHash.get(head.streamId)).toBe(head.hash);
    });

    it('gives CSV with a header, quoting per RFC 4180 and data as JSON text', async () => {
      const expected = await auditLog({ pmoId: p1 });
      const response = await exportLog(`?pmoId=${p1}&format=csv`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const [header, ...rows] = parseCsv(await response.text());
      expect(header).toEqual(['position', 'streamId', 'revision', 'type', 'recordedAt', 'actor', 'reason', 'correlationId', 'commandId', 'data', 'hash', 'erasedFields']);
      expect(rows).toHaveLength(expected.length);
      const column = (name: string) => (header as string[]).indexOf(name);
      expect(rows.map((row) => row[column('position')])).toEqual(expected.map((event) => event.position));
      expect(rows.map((row) => JSON.parse(row[column('data')] as string))).toEqual(expected.map((event) => event.data));
      const logged = rows.find((row) => row[column('type')] === 'WorkLogged');
      expect(JSON.parse(logged?.[column('data')] as string).description).toBe(AWKWARD);
    });

    it('narrows to a recorded-time window, both ends inclusive', async () => {
      const all = await auditLog({});
      const [from, to] = [all[3] as LogNode, all[all.length - 4] as LogNode].map((event) => event.recordedAt);
      const expected = await auditLog({ from, to });
      expect(expected.length).toBeLessThan(all.length);

      const lines = (await (await exportLog(`?from=${from}&to=${to}`)).text()).trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(lines.map((line) => line.position)).toEqual(expected.map((event) => event.position));
    });

    it('needs the same bearer token as GraphQL', async () => {
      const none = await exportLog('', null);
      const forged = await exportLog('', 'not.a.token');

      expect([none.status, forged.status]).toEqual([401, 401]);
      expect(await none.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    });

    it.each([
      ['a bad from', '?from=yesterday', 'from'],
      ['a bad to', '?to=2026-13-01T00:00:00Z', 'to'],
      ['to before from', '?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'to'],
      ['a bad PMO id', '?pmoId=nope', 'pmoId'],
      ['an unknown format', '?format=xml', 'format'],
      ['an unknown parameter', '?pmo=x', 'pmo'],
      ['a repeated parameter', '?from=2026-03-01T00:00:00Z&from=2026-03-02T00:00:00Z', 'from'],
    ])('refuses %s with 400 naming the parameter', async (_case, query, field) => {
      const response = await exportLog(query);

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field } }] });
    });
  });

  describe('after rows were edited in the SQLite file while the service was stopped', () => {
    let titleEdited: Report['problems'][number];
    let jsonBroken: Report['problems'][number];

    beforeAll(async () => {
      await t.app.close();
      const file = new Database(path.join(dataDir, 'events.sqlite'));
      try {
        const edited = file
          .prepare(`UPDATE events SET data = json_set(data, '$.title', 'Always on time') WHERE stream_id = ? AND revision = 0`)
          .run(objectiveStream);
        const broken = file.prepare(`UPDATE events SET data = substr(data, 1, 20) WHERE stream_id = ? AND revision = 0`).run(workStream);
        expect([edited.changes, broken.changes]).toEqual([1, 1]);
      } finally {
        file.close();
      }
      t = await startTestApp({ dataDir });
      titleEdited = { streamId: objectiveStream, revision: 0, problem: 'hash does not match the event content' };
      jsonBroken = { streamId: workStream, revision: 0, problem: 'data is not valid JSON, so its hash cannot be checked' };
    });

    it('verifyIntegrity names each edited stream and revision', async () => {
      const whole = await verify();

      expect(whole).toMatchObject({ ok: false, problemCount: 2 });
      expect(whole.problems).toEqual(expect.arrayContaining([titleEdited, jsonBroken]));
      expect(await verify({ pmoId: p1 })).toMatchObject({ ok: false, problems: expect.arrayContaining([titleEdited, jsonBroken]) });
      expect(await verify({ pmoId: p2 })).toMatchObject({ ok: true, problems: [] });
    });

    it('audit:verify exits 1 and names them', () => {
      const result = runCli('audit-verify.ts', [], { PMO_DATA_DIR: dataDir });

      expect(result.status).toBe(1);
      expect(result.stdout).toContain(`${objectiveStream} revision 0: hash does not match the event content`);
      expect(result.stdout).toContain(`${workStream} revision 0: data is not valid JSON`);
      expect(runCli('audit-verify.ts', ['--pmo', p2], { PMO_DATA_DIR: dataDir }).status).toBe(0);
    });
  });
});

describe('a large export', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('streams 20,000 events of one PMO, every one a line', async () => {
    t = await startTestApp();
    const store = t.app.get<EventStore>(EVENT_STORE);
    const pmoId = randomUUID();
    const streamId = `ledger-${randomUUID()}`;
    const metadata = { actor: 'loader@test', correlationId: 'bulk' };
    const total = 20_000;
    const perAppend = 500;
    for (let revision = 0; revision < total; revision += perAppend) {
      const events = Array.from({ length: perAppend }, (_, n) => ({ type: 'LedgerEntryRecorded', data: { pmoId, n: revision + n, note: 'x'.repeat(100) }, metadata }));
      await store.append(streamId, events, revision - 1);
    }

    const response = await fetch(`${t.url}/export/audit.ndjson?pmoId=${pmoId}`, { headers: { authorization: `Bearer ${t.admin.token}` } });
    expect(response.status).toBe(200);
    let lines = 0;
    let last = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      const text = last + decoder.decode(chunk, { stream: true });
      const parts = text.split('\n');
      last = parts.pop() as string;
      for (const line of parts) {
        expect(JSON.parse(line).data.n).toBe(lines);
        lines += 1;
      }
    }

    expect(last).toBe('');
    expect(lines).toBe(total);
  });
});
