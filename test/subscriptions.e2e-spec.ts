/**
 * Live updates over a real WebSocket (graphql-ws's client on ws) against the real service on
 * SQLite: what a mutation records arrives on eventRecorded and objectiveChanged, a subscription
 * resumed from a position misses and repeats nothing while writes go on, and each caller is sent
 * only what their queries would show them.
 */
import { daysFromToday, today } from './support/days';
import { eventually } from './support/eventually';
import type { GraphQLClient } from './support/graphql-client';
import { LiveClient, openSubscriptions } from './support/live-client';
import { AUDIT_LOG, DEFINE_OBJECTIVE, ESTABLISH_PMO, GET_OBJECTIVE, LOG_WORK, OBJECTIVE_FIELDS, RECORD_PROGRESS } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

interface Delivered {
  readonly position: string;
  readonly streamId: string;
  readonly type: string;
  readonly actor: string;
  readonly data: Record<string, unknown>;
}

interface LogPage {
  readonly edges: { readonly node: Delivered }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

const EVENTS = `subscription($filter: AuditFilter, $after: String) {
  eventRecorded(filter: $filter, after: $after) { position streamId type actor data }
}`;
const OBJECTIVES = `subscription($pmoId: ID) { objectiveChanged(pmoId: $pmoId) { ${OBJECTIVE_FIELDS} } }`;

describe('live updates', () => {
  let t: TestApp;
  const clients: LiveClient[] = [];

  const live = async (subject: string, roles: Parameters<TestApp['token']>[1], pmoIds: string[] = []) => {
    const client = LiveClient.bearer(t.url, await t.token(subject, roles, pmoIds));
    clients.push(client);
    return client;
  };
  const establish = async (name: string) => (await t.admin.ok(ESTABLISH_PMO, { input: { name, kind: 'PROGRAMME' } })).establishPmo.id as string;
  const defineObjective = async (pmoId: string, title = 'Projects delivered on time') =>
    (
      await t.admin.ok(DEFINE_OBJECTIVE, {
        input: { pmoId, title, metric: { name: 'On time', unit: '%', baseline: 40, target: 80 }, startsOn: daysFromToday(-100), dueOn: daysFromToday(100), owner: 'Grace' },
      })
    ).defineObjective.id as string;
  const progress = (client: GraphQLClient, objectiveId: string, value: number) => client.ok(RECORD_PROGRESS, { input: { objectiveId, value, measuredOn: today() } });

  /** Every event the audit log lists after `after` (as ADMIN, narrowed by `filter`), in its order. */
  const loggedAfter = async (after: string, filter: Record<string, unknown> | null = null): Promise<string[]> => {
    const positions: string[] = [];
    for (let cursor: string | null = null; ; ) {
      const { auditLog }: { auditLog: LogPage } = await t.admin.ok(AUDIT_LOG, { filter, first: 400, after: cursor });
      positions.push(...auditLog.edges.map((edge) => edge.node.position).filter((p) => BigInt(p) > BigInt(after)));
      if (!auditLog.pageInfo.hasNextPage) return positions;
      cursor = auditLog.pageInfo.endCursor;
    }
  };
  const lastPosition = async (): Promise<string> => {
    const all = await loggedAfter('0');
    return all[all.length - 1] ?? '0';
  };
  const running = (field: string, count: number) => eventually(async () => ((await openSubscriptions(t.url, field)) === count ? true : null));

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.dispose();
  });
  afterAll(() => t.close());

  it("tells a subscriber of another client's mutation: the event, and the objective as objective(id) shows it after", async () => {
    const pmoId = await establish('Delivery office');
    const objectiveId = await defineObjective(pmoId);
    const head = await t.client('grace@pmo.example', ['PMO_HEAD'], [pmoId]);
    const watcher = await live('lee@pmo.example', ['LEADERSHIP']);
    const events = watcher.follow<Delivered>(EVENTS);
    const objectives = watcher.follow<Record<string, unknown>>(OBJECTIVES, { pmoId });
    await running('eventRecorded', 1);
    await running('objectiveChanged', 1);

    await progress(head, objectiveId, 52);
    await objectives.atLeast(1);
    const answered = (await progress(head, objectiveId, 64)).recordProgress;

    const [first, second] = await events.atLeast(2);
    expect(first).toMatchObject({ streamId: `objective-${objectiveId}`, type: 'ProgressRecorded', actor: 'grace@pmo.example', data: { value: 52 } });
    expect(second).toMatchObject({ streamId: `objective-${objectiveId}`, type: 'ProgressRecorded', data: { value: 64 } });
    const [, objective] = await objectives.atLeast(2);
    // Nested fields are read afresh for each delivery: both measurements, not the first one's list.
    expect(objective).toEqual((await t.admin.ok(GET_OBJECTIVE, { id: objectiveId })).objective);
    expect(objective).toMatchObject({ currentValue: 64, progress: 0.6, health: answered.health, revision: answered.revision, pmo: { name: 'Delivery office' } });
    expect((objective as { measurements: unknown[] }).measurements).toHaveLength(2);

    await watcher.dispose();
    await running('eventRecorded', 0);
    await running('objectiveChanged', 0);
  });

  it('resumed from a position while writes go on, delivers exactly what the log holds after it: in order, none missed, none twice', async () => {
    const pmoId = await establish('Resumed office');
    const objectiveIds = await Promise.all([1, 2, 3, 4].map((n) => defineObjective(pmoId, `Objective ${n}`)));
    const after = await lastPosition();
    // Four streams written at once, so batches hold several commands' events.
    const write = (rounds: number, from: number) =>
      Promise.all(objectiveIds.map(async (id) => {
        for (let i = 0; i < rounds; i++) await progress(t.admin, id, from + i);
      }));
    await write(30, 40);

    const watcher = await live('sam@pmo.example', ['AUDITOR']);
    const events = watcher.follow<Delivered>(EVENTS, { after });
    // Written from the first delivery on: while the subscriber still reads the log's pages, and after.
    await events.atLeast(1);
    await write(10, 70);
    const expected = await loggedAfter(after);

    const delivered = (await events.atLeast(expected.length)).map((event) => event.position);

    expect(expected).toHaveLength(160);
    expect(delivered).toEqual(expected);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(delivered.every((p, i) => i === 0 || BigInt(p) > BigInt(delivered[i - 1]!))).toBe(true);
  });

  it("sends a PMO head only their PMO's events, as auditLog would, and an auditor every event", async () => {
    const [a, b] = [await establish('Office A'), await establish('Office B')];
    const [objectiveA, objectiveB] = [await defineObjective(a), await defineObjective(b)];
    const after = await lastPosition();
    const headOfA = (await live('hana@pmo.example', ['PMO_HEAD'], [a])).follow<Delivered>(EVENTS, { after });
    const auditor = (await live('sam@pmo.example', ['AUDITOR'])).follow<Delivered>(EVENTS, { after });

    await progress(t.admin, objectiveB, 50);
    await progress(t.admin, objectiveA, 51);
    // Work writes a person's day too, which belongs to no PMO.
    await t.admin.ok(LOG_WORK, { input: { pmoId: b, workedOn: today(), hours: 2, description: 'Steering pack' } });
    await t.admin.ok(LOG_WORK, { input: { pmoId: a, workedOn: today(), hours: 1, description: 'Gate review' } });
    const [ofA, all] = [await loggedAfter(after, { pmoId: a }), await loggedAfter(after)];

    expect(ofA).toHaveLength(2);
    expect(all).toHaveLength(6);
    expect((await auditor.atLeast(all.length)).map((e) => e.position)).toEqual(all);
    expect((await headOfA.atLeast(ofA.length)).map((e) => e.position)).toEqual(ofA);
    // Nothing of B's came after A's last event: the auditor had all of them by then.
    expect(headOfA.values.map((e) => e.streamId).every((s) => !s.includes(objectiveB) && !s.startsWith('workday-'))).toBe(true);
  });

  it('refuses a subscription the caller may not read, naming the permission, and keeps the connection for the others', async () => {
    const [a, b] = [await establish('Own office'), await establish('Other office')];
    const objectiveA = await defineObjective(a);
    const head = await live('hana@pmo.example', ['PMO_HEAD'], [a]);
    const member = await live('mo@pmo.example', ['MEMBER'], [a]);

    const elsewhere = await head.follow(EVENTS, { filter: { pmoId: b } }).ended;
    const asMember = await member.follow(EVENTS).ended;
    const objectives = head.follow<{ currentValue: number }>(OBJECTIVES, { pmoId: a });
    await running('objectiveChanged', 1);
    await progress(t.admin, objectiveA, 77);

    expect(elsewhere.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN', permission: 'audit.read' } })]);
    expect(asMember.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN', permission: 'audit.read' } })]);
    expect((await objectives.atLeast(1))[0]).toMatchObject({ currentValue: 77 });
  });

  it('refuses a malformed position, a malformed or unknown PMO, naming the argument, and starts nothing', async () => {
    const watcher = await live('sam@pmo.example', ['AUDITOR']);

    const endings = await Promise.all([
      watcher.follow(EVENTS, { after: 'yesterday' }).ended,
      watcher.follow(EVENTS, { after: '-1' }).ended,
      watcher.follow(EVENTS, { filter: { pmoId: 'not-an-id' } }).ended,
      watcher.follow(OBJECTIVES, { pmoId: '0b7c6f0e-0000-4000-8000-000000000404' }).ended,
      watcher.follow(`subscription { eventRecorded { nope } }`).ended,
    ]);

    expect(endings.map((ending) => (ending.errors as { extensions: unknown }[])[0]?.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'after' },
      { code: 'BAD_USER_INPUT', field: 'after' },
      { code: 'BAD_USER_INPUT', field: 'filter.pmoId' },
      { code: 'NOT_FOUND', field: 'pmoId' },
      { code: 'GRAPHQL_VALIDATION_FAILED' },
    ]);
    expect(await openSubscriptions(t.url, 'eventRecorded')).toBe(0);
    expect(await openSubscriptions(t.url, 'objectiveChanged')).toBe(0);
  });
});
