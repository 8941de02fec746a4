/**
 * Live updates on two instances sharing EventStoreDB (the in-repo double, over a real socket):
 * each instance tells its subscribers what its own projector applied, so a subscriber on one
 * hears of what was written through the other, in the store's order.
 */
import { daysFromToday, today } from './support/days';
import { eventStoreDbInstances } from './support/eventstoredb-instances';
import { eventually } from './support/eventually';
import type { GraphQLClient } from './support/graphql-client';
import { LiveClient, openSubscriptions } from './support/live-client';
import { AUDIT_LOG, DEFINE_OBJECTIVE, ESTABLISH_PMO, GET_OBJECTIVE, OBJECTIVE_FIELDS, RECORD_PROGRESS } from './support/operations';

jest.setTimeout(120_000);

const EVENTS = `subscription($after: String) { eventRecorded(after: $after) { position streamId type data } }`;
const OBJECTIVES = `subscription($pmoId: ID) { objectiveChanged(pmoId: $pmoId) { ${OBJECTIVE_FIELDS} } }`;

/** The positions an instance's audit log lists, in its order. */
const positions = async (client: GraphQLClient): Promise<string[]> => {
  const { auditLog } = await client.ok<{ auditLog: { edges: { node: { position: string } }[]; pageInfo: { hasNextPage: boolean } } }>(AUDIT_LOG, { first: 400 });
  expect(auditLog.pageInfo.hasNextPage).toBe(false);
  return auditLog.edges.map((edge) => edge.node.position);
};

describe('live updates on instances sharing EventStoreDB', () => {
  const instances = eventStoreDbInstances();

  it('tell a subscriber on one instance what was written through the other', async () => {
    const [a, b] = [await instances.instance(), await instances.instance()];
    const pmoId = (await a.admin.ok(ESTABLISH_PMO, { input: { name: 'Scaled-out office', kind: 'PORTFOLIO' } })).establishPmo.id as string;
    const metric = { name: 'Instances in step', unit: '%', baseline: 0, target: 100 };
    const objectiveId = (await a.admin.ok(DEFINE_OBJECTIVE, { input: { pmoId, title: 'In step', metric, startsOn: daysFromToday(-5), dueOn: daysFromToday(30), owner: 'Grace' } }))
      .defineObjective.id as string;
    const known = await positions(a.admin);
    // B has applied what A wrote so far: the subscription resumes from there.
    await eventually(async () => ((await positions(b.admin)).length === known.length ? true : null));
    const after = known[known.length - 1] as string;

    // B signs its own tokens: its subscriber authenticates with one of B's.
    const watcher = LiveClient.bearer(b.url, await b.token('sam@pmo.example', ['AUDITOR']));
    try {
      const events = watcher.follow<{ position: string; streamId: string; type: string }>(EVENTS, { after });
      const objectives = watcher.follow<Record<string, unknown>>(OBJECTIVES, { pmoId });
      await eventually(async () => ((await openSubscriptions(b.url, 'objectiveChanged')) === 1 ? true : null));

      await a.admin.ok(RECORD_PROGRESS, { input: { objectiveId, value: 55, measuredOn: today() } });
      await a.admin.ok(RECORD_PROGRESS, { input: { objectiveId, value: 60, measuredOn: today() } });
      const written = (await positions(a.admin)).slice(known.length);

      expect(written).toHaveLength(2);
      expect((await events.atLeast(2)).map((event) => event.position)).toEqual(written);
      expect(events.values.map((event) => event.streamId)).toEqual([`objective-${objectiveId}`, `objective-${objectiveId}`]);
      const latest = await eventually(async () => (objectives.values.some((o) => o.currentValue === 60) ? objectives.values[objectives.values.length - 1]! : null));
      expect(latest).toEqual((await b.admin.ok(GET_OBJECTIVE, { id: objectiveId })).objective);
    } finally {
      await watcher.dispose();
    }
  });
});
