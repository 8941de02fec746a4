import type { EventStore } from '@throughline/event-store';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { daysFromToday, today } from './support/days';
import type { GraphQLClient } from './support/graphql-client';
import { AUDIT_LOG, DEFINE_OBJECTIVE, DRAFT_PLAN, ESTABLISH_PMO, HISTORY, ISSUE_MANDATE, LOG_WORK, PLAN_ACTIVITY } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

type EntityType = 'PMO' | 'OBJECTIVE' | 'BUSINESS_PLAN' | 'ACTIVITY' | 'WORK_ENTRY';

interface Entity {
  readonly type: EntityType;
  readonly id: string;
}

interface EventNode {
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly reason: string | null;
  readonly commandId: string | null;
  readonly data: Record<string, unknown>;
}

interface Page {
  readonly edges: { cursor: string; node: EventNode }[];
  readonly pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface Filter {
  pmoId?: string;
  actor?: string;
  types?: string[];
  from?: string;
  to?: string;
}

const ADA = 'ada@pmo.example';
const GRACE = 'grace@pmo.example';

const byPosition = (a: EventNode, b: EventNode) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1);

describe('the audit log over GraphQL', () => {
  let t: TestApp;
  let ada: GraphQLClient;
  let grace: GraphQLClient;
  let p1: string;
  let p2: string;
  /** Every entity of each PMO: the streams its audit log must cover. */
  const entities: Record<string, Entity[]> = {};

  /** A PMO with an objective, a plan, an activity and a work entry, all set up by `client`. */
  const office = async (client: GraphQLClient, name: string): Promise<string> => {
    const pmoId = (await client.ok(ESTABLISH_PMO, { input: { name, kind: 'PROGRAMME' } })).establishPmo.id as string;
    const metric = { name: 'On time', unit: '%', baseline: 0, target: 100 };
    const objective = await client.ok(DEFINE_OBJECTIVE, { input: { pmoId, title: 'On time', metric, dueOn: daysFromToday(200), owner: 'Grace' } });
    const plan = await client.ok(DRAFT_PLAN, { input: { pmoId, title: 'Plan', periodStart: daysFromToday(-60), periodEnd: daysFromToday(300) } });
    const planId = plan.draftBusinessPlan.id as string;
    const activity = await client.ok(PLAN_ACTIVITY, {
      input: { planId, title: 'Reviews', responsible: 'Grace', mode: 'DIRECT', startsOn: daysFromToday(-30), endsOn: daysFromToday(60) },
    });
    const activityId = activity.planActivity.id as string;
    const work = await client.ok(LOG_WORK, { input: { pmoId, workedOn: today(), hours: 2, description: 'Gate review', activityId } });
    entities[pmoId] = [
      { type: 'PMO', id: pmoId },
      { type: 'OBJECTIVE', id: objective.defineObjective.id },
      { type: 'BUSINESS_PLAN', id: planId },
      { type: 'ACTIVITY', id: activityId },
      { type: 'WORK_ENTRY', id: work.logWork.id },
    ];
    return pmoId;
  };

  const logWork = async (client: GraphQLClient, pmoId: string, description: string) => {
    const logged = await client.ok(LOG_WORK, { input: { pmoId, workedOn: today(), hours: 1, description } });
    (entities[pmoId] as Entity[]).push({ type: 'WORK_ENTRY', id: logged.logWork.id });
  };

  /** What the log must list, read from each entity's own history, which comes from the store. */
  const recorded = async (pmoIds: readonly string[]): Promise<EventNode[]> => {
    const histories = await Promise.all(
      pmoIds.flatMap((pmoId) => entities[pmoId] ?? []).map(async ({ type, id }) => {
        const { history } = await t.admin.ok<{ history: Page }>(HISTORY, { type, id, first: 400 });
        expect(history.pageInfo.hasNextPage).toBe(false);
        return history.edges.map((edge) => edge.node);
      }),
    );
    return histories.flat().sort(byPosition);
  };
  /**
   * The events of people's days (the 24-hour rule), read from the store: they belong to no entity
   * a history names and to no PMO, and the unfiltered log lists them with the rest.
   */
  const workdays = async (): Promise<EventNode[]> => {
    const events = await t.app.get<EventStore>(EVENT_STORE).readAll({ maxCount: 10_000 });
    return events
      .filter((event) => event.streamId.startsWith('workday-'))
      .map((event) => ({
        position: event.position.toString(),
        streamId: event.streamId,
        revision: event.revision,
        type: event.type,
        recordedAt: event.metadata.recordedAt,
        actor: event.metadata.actor,
        reason: event.metadata.reason ?? null,
        commandId: event.metadata.commandId ?? null,
        data: event.data,
      }));
  };
  const everything = async () => [...(await recorded([p1, p2])), ...(await workdays())].sort(byPosition);

  const page = async (filter: Filter | null, first: number | null, after: string | null = null): Promise<Page> =>
    (await t.admin.ok<{ auditLog: Page }>(AUDIT_LOG, { filter, first, after })).auditLog;

  /** The whole log for `filter` in one page. */
  const log = async (filter: Filter | null): Promise<EventNode[]> => {
    const { edges, pageInfo } = await page(filter, 400);
    expect(pageInfo.hasNextPage).toBe(false);
    return edges.map((edge) => edge.node);
  };

  beforeAll(async () => {
    t = await startTestApp();
    ada = await t.client(ADA, ['ADMIN']);
    grace = await t.client(GRACE, ['ADMIN']);
    p1 = await office(ada, 'Digital programme office');
    p2 = await office(grace, 'Infrastructure programme office');
    // Each actor also acts in the other's PMO, so actor and PMO are independent filters.
    await grace.ok(ISSUE_MANDATE, {
      input: { pmoId: p1, purpose: 'GOVERNANCE', statement: 'Assure delivery', sponsor: 'COO', effectiveFrom: today() },
    });
    await logWork(ada, p2, 'Helping out');
  });
  afterAll(() => t.close());

  it('without a filter, lists every recorded event once, oldest first, as history shows it', async () => {
    const all = await everything();

    expect(await log(null)).toEqual(all);
    expect(await log({})).toEqual(all);
    expect(all.length).toBeGreaterThan(10);
    // Ada's and Grace's days, which count the hours of their work in both PMOs.
    expect(new Set(all.filter((event) => event.type === 'WorkdayHoursCounted').map((event) => event.streamId)).size).toBe(2);
  });

  it("filtered by PMO, lists exactly the events of the PMO's stream and those of its objectives, plans, activities and work, and refuses a PMO that does not exist", async () => {
    const [ofP1, ofP2] = [await log({ pmoId: p1 }), await log({ pmoId: p2 })];

    expect(ofP1).toEqual(await recorded([p1]));
    expect(ofP2).toEqual(await recorded([p2]));
    const categories = (events: EventNode[]) => [...new Set(events.map((event) => event.streamId.split('-')[0]))].sort();
    expect(categories(ofP1)).toEqual(['activity', 'objective', 'plan', 'pmo', 'work']);
    expect(ofP1.map((event) => event.type)).toEqual(
      expect.arrayContaining(['PmoEstablished', 'ObjectiveDefined', 'BusinessPlanDrafted', 'ActivityPlanned', 'WorkLogged', 'MandateIssued']),
    );
    expect(await log({ pmoId: p1.toUpperCase() })).toEqual(ofP1);
    // A PMO that does not exist is no empty log: the filter names nothing.
    const unknown = await t.admin.fails(AUDIT_LOG, { filter: { pmoId: '00000000-0000-4000-8000-000000000000' }, first: 10 });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.pmoId' });
  });

  it('filtered by actor, lists what that actor did in every PMO', async () => {
    const all = await everything();
    const byGrace = await log({ actor: GRACE });

    expect(byGrace).toEqual(all.filter((event) => event.actor === GRACE));
    expect(await log({ actor: ADA })).toEqual(all.filter((event) => event.actor === ADA));
    expect(byGrace.some((event) => event.streamId === `pmo-${p1}`)).toBe(true);
    expect(await log({ actor: 'nobody@pmo.example' })).toEqual([]);
  });

  it('filtered by event types, lists events of any of them', async () => {
    const all = await everything();
    const types = ['PmoEstablished', 'WorkLogged'];

    const found = await log({ types });

    expect(found).toEqual(all.filter((event) => types.includes(event.type)));
    expect(found.filter((event) => event.type === 'WorkLogged')).toHaveLength(3);
    expect(await log({ types: [] })).toEqual([]);
  });

  it('filtered by a recorded-time window, includes both ends', async () => {
    const all = await everything();
    const from = (all[3] as EventNode).recordedAt;
    const to = (all[8] as EventNode).recordedAt;

    const inWindow = await log({ from, to });

    expect(inWindow).toEqual(all.filter((event) => event.recordedAt >= from && event.recordedAt <= to));
    expect(inWindow[0]?.recordedAt).toBe(from);
    expect(inWindow[inWindow.length - 1]?.recordedAt).toBe(to);
    expect(await log({ from })).toEqual(all.filter((event) => event.recordedAt >= from));
    expect(await log({ to })).toEqual(all.filter((event) => event.recordedAt <= to));
  });

  it('combines filters: every one given must hold', async () => {
    const all = await everything();
    const ofP1 = await recorded([p1]);
    const from = (all[1] as EventNode).recordedAt;
    const types = ['MandateIssued', 'WorkLogged', 'ObjectiveDefined'];

    expect(await log({ pmoId: p1, actor: GRACE })).toEqual(ofP1.filter((event) => event.actor === GRACE));
    expect(await log({ pmoId: p2, actor: ADA, types: ['WorkLogged'] })).toEqual([
      expect.objectContaining({ type: 'WorkLogged', actor: ADA, data: expect.objectContaining({ pmoId: p2, description: 'Helping out' }) }),
    ]);
    expect(await log({ pmoId: p1, types, from, to: (all[all.length - 1] as EventNode).recordedAt })).toEqual(
      ofP1.filter((event) => types.includes(event.type) && event.recordedAt >= from),
    );
  });

  it('pages through with first: 2, every event once, each page naming where the next starts', async () => {
    const all = await everything();
    const seen: EventNode[] = [];
    let after: string | null = null;
    for (let pages = 0; ; pages += 1) {
      const { edges, pageInfo }: Page = await page(null, 2, after);
      seen.push(...edges.map((edge) => edge.node));
      expect(edges.length).toBeLessThanOrEqual(2);
      expect(pageInfo.endCursor).toBe(edges[edges.length - 1]?.cursor ?? null);
      if (!pageInfo.hasNextPage) break;
      expect(pages).toBeLessThan(all.length);
      after = pageInfo.endCursor;
    }

    expect(seen).toEqual(all);
  });

  it('continues where a page left off when new events were appended after it', async () => {
    const before = await recorded([p1]);
    const first = await page({ pmoId: p1 }, 2);
    expect(first.edges.map((edge) => edge.node)).toEqual(before.slice(0, 2));

    // New events in this PMO and in the other, and none of them may shift the page boundary.
    await logWork(ada, p1, 'After the first page');
    await logWork(grace, p2, 'Elsewhere meanwhile');
    await logWork(grace, p1, 'Also after the first page');

    const rest: EventNode[] = [];
    let after = first.pageInfo.endCursor;
    let hasNextPage = first.pageInfo.hasNextPage;
    while (hasNextPage) {
      const next: Page = await page({ pmoId: p1 }, 2, after);
      rest.push(...next.edges.map((edge) => edge.node));
      ({ hasNextPage, endCursor: after } = next.pageInfo);
    }

    const now = await recorded([p1]);
    expect([...first.edges.map((edge) => edge.node), ...rest]).toEqual(now);
    expect(rest[0]).toEqual(before[2]);
    expect(now.slice(before.length).map((event) => event.data['description'])).toEqual(['After the first page', 'Also after the first page']);
  });

  it('refuses a filter, a page size or a cursor it cannot answer, naming the argument', async () => {
    const history = await t.admin.ok<{ history: Page }>(HISTORY, { type: 'PMO', id: p1, first: 1 });
    const failures = await Promise.all([
      t.admin.fails(AUDIT_LOG, { filter: { types: Array.from({ length: 51 }, (_, i) => `Type${i}`) } }),
      t.admin.fails(AUDIT_LOG, { filter: { actor: 'x'.repeat(201) } }),
      t.admin.fails(AUDIT_LOG, { filter: { pmoId: 'not-an-id' } }),
      t.admin.fails(AUDIT_LOG, { filter: { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' } }),
      t.admin.fails(AUDIT_LOG, { filter: { from: 'yesterday' } }),
      t.admin.fails(AUDIT_LOG, { first: 0 }),
      t.admin.fails(AUDIT_LOG, { after: history.history.pageInfo.endCursor }),
    ]);

    expect(failures.map((failure) => failure.extensions?.code)).toEqual(Array(7).fill('BAD_USER_INPUT'));
    expect(failures.map((failure) => failure.extensions?.field)).toEqual([
      'types',
      'actor',
      'filter.pmoId',
      'filter.to',
      'filter.from',
      'first',
      'after',
    ]);
  });
});
