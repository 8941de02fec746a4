import { today } from './support/days';
import { eventually } from './support/eventually';
import type { GraphQLClient } from './support/graphql-client';
import { AUDIT_LOG, ESTABLISH_PMO, GET_PMO, LOG_WORK, WORK_ENTRIES } from './support/operations';
import { eventStoreDbInstances } from './support/eventstoredb-instances';
import { startTestApp } from './support/test-app';

jest.setTimeout(90_000);

const PERSON = 'grace@pmo.example';
const VERIFY = `query($pmoId: ID) { verifyIntegrity(pmoId: $pmoId) { ok checkedEvents problemCount streams { streamId } } }`;


/** Ten entries of 3 hours for one person and day, all sent at once, spread over the clients: 30 hours asked of a 24-hour day. */
const logTenAtOnce = async (clients: readonly GraphQLClient[], pmoId: string) => {
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      clients[i % clients.length]!.request(LOG_WORK, { input: { pmoId, person: PERSON, workedOn: today(), hours: 3, description: `Review ${i}` } }),
    ),
  );
  return {
    accepted: answers.filter((answer) => !answer.errors && answer.data),
    refusals: answers.flatMap((answer) => (answer.errors ?? []).map((error) => ({ code: error.extensions?.['code'], field: error.extensions?.['field'] }))),
  };
};

/** The person's hours on the day, as an instance's read models list them once they caught up. */
const dayHours = async (client: GraphQLClient, pmoId: string): Promise<number> => {
  const { workEntries } = await client.ok<{ workEntries: { hours: number }[] }>(WORK_ENTRIES, { pmoId, from: today(), to: today(), person: PERSON });
  return workEntries.reduce((sum, entry) => sum + entry.hours, 0);
};

const expectTheDayHeld = async (clients: readonly GraphQLClient[], pmoId: string) => {
  const { accepted, refusals } = await logTenAtOnce(clients, pmoId);

  expect(accepted).toHaveLength(8);
  expect(refusals).toEqual([
    { code: 'WORK_DAY_OVER_24H', field: 'hours' },
    { code: 'WORK_DAY_OVER_24H', field: 'hours' },
  ]);
  for (const client of clients) expect(await eventually(async () => ((await dayHours(client, pmoId)) === 24 ? 24 : null))).toBe(24);
};

describe("one person's day across two instances on EventStoreDB (the test double)", () => {
  const { instance } = eventStoreDbInstances();

  it('accepts 24 hours of work sent at once to both instances, and refuses the rest with WORK_DAY_OVER_24H', async () => {
    const [first, second] = [await instance(), await instance()];
    const pmoId = (await first.admin.ok(ESTABLISH_PMO, { input: { name: 'Scaled-out office', kind: 'PORTFOLIO' } })).establishPmo.id;
    await eventually(async () => ((await second.admin.ok(GET_PMO, { id: pmoId })).pmo ? true : null));

    await expectTheDayHeld([first.admin, second.admin], pmoId);

    // The day's own stream passes the integrity checks, and shows in no PMO's audit log.
    for (const pmo of [null, pmoId]) expect((await first.admin.ok(VERIFY, { pmoId: pmo })).verifyIntegrity).toMatchObject({ ok: true, problemCount: 0 });
    const own = await first.admin.ok(AUDIT_LOG, { filter: { pmoId }, first: 100 });
    expect(own.auditLog.edges.map((edge: { node: { streamId: string } }) => edge.node.streamId).filter((id: string) => id.startsWith('workday-'))).toEqual([]);
    const counted = await first.admin.ok(AUDIT_LOG, { filter: { types: ['WorkdayHoursCounted'] }, first: 100 });
    expect(counted.auditLog.edges).toHaveLength(8);
    expect(new Set(counted.auditLog.edges.map((edge: { node: { streamId: string } }) => edge.node.streamId)).size).toBe(1);
  });
});

describe("one person's day on the embedded store", () => {
  it('accepts 24 hours of work sent at once, and refuses the rest with WORK_DAY_OVER_24H', async () => {
    const app = await startTestApp();
    try {
      const pmoId = (await app.admin.ok(ESTABLISH_PMO, { input: { name: 'Embedded office', kind: 'PORTFOLIO' } })).establishPmo.id;

      await expectTheDayHeld([app.admin], pmoId);

      expect((await app.admin.ok(VERIFY, { pmoId })).verifyIntegrity).toMatchObject({ ok: true, problemCount: 0 });
    } finally {
      await app.close();
    }
  });
});
