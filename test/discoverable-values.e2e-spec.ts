import { EVENT_TYPES } from '@throughline/domain';
import { daysFromToday } from './support/days';
import type { GraphQLClient } from './support/graphql-client';
import { APPROVE_PLAN, DRAFT_PLAN, ESTABLISH_PMO, LOG_WORK, PLAN_ACTIVITY, REASSIGN_ACTIVITY, RESCHEDULE_ACTIVITY, SUBMIT_PLAN } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

const ENUM_VALUES = 'query($name: String!) { __type(name: $name) { enumValues { name } } }';
const LOG = `query($filter: AuditFilter) { auditLog(filter: $filter, first: 100) { edges { node { position type eventType } } } }`;
const COMPARISON = `query($planId: ID!) { planComparison(planId: $planId, baselineVersion: 1) { changed { changes { kind field changedField } } } }`;

type Node = { position: string; type: string; eventType: string };

/**
 * The values a client may meet in event types and activity changes are enums it can list, built
 * from the domain's own lists, beside the strings the contract has always served.
 */
describe('discoverable values', () => {
  let t: TestApp;
  let reviewer: GraphQLClient;
  let pmoId: string;
  let planId: string;

  const log = async (filter: Record<string, unknown>): Promise<Node[]> =>
    (await t.admin.ok(LOG, { filter })).auditLog.edges.map((edge: { node: Node }) => edge.node);
  const valuesOf = async (name: string): Promise<string[]> => (await t.admin.ok(ENUM_VALUES, { name })).__type.enumValues.map((v: { name: string }) => v.name);

  beforeAll(async () => {
    t = await startTestApp();
    reviewer = await t.client('coo@org.test', ['LEADERSHIP']);
    pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Delivery PMO', kind: 'PROGRAMME' } })).establishPmo.id;
    planId = (await t.admin.ok(DRAFT_PLAN, { input: { pmoId, title: 'Plan', periodStart: daysFromToday(-30), periodEnd: daysFromToday(90) } })).draftBusinessPlan.id;
    const activityId = (
      await t.admin.ok(PLAN_ACTIVITY, { input: { planId, title: 'Gate reviews', responsible: 'Ada', mode: 'DIRECT', startsOn: daysFromToday(-20), endsOn: daysFromToday(60), contributions: [] } })
    ).planActivity.id;
    await t.admin.ok(SUBMIT_PLAN, { input: { planId } });
    await reviewer.ok(APPROVE_PLAN, { input: { planId } });
    await t.admin.ok(REASSIGN_ACTIVITY, { input: { activityId, responsible: 'Linus', reason: 'Ada on leave' } });
    await t.admin.ok(RESCHEDULE_ACTIVITY, { input: { activityId, startsOn: daysFromToday(-20), endsOn: daysFromToday(70), reason: 'One more gate' } });
    await t.admin.ok(LOG_WORK, { input: { pmoId, workedOn: daysFromToday(-1), hours: 2, description: 'Gate review', activityId } });
  });
  afterAll(() => t.close());

  it('lists every event type the domain records as EventType, and nothing else', async () => {
    // The served schema lists values by name.
    expect(await valuesOf('EventType')).toEqual([...EVENT_TYPES].sort());
    expect(await valuesOf('ActivityChangeField')).toEqual(['objectiveLink', 'responsible', 'schedule']);
  });

  it('gives each recorded event its type as the enum too, the same name', async () => {
    const events = await log({});

    expect(events.length).toBeGreaterThan(5);
    expect(events.filter((event) => event.eventType !== event.type)).toEqual([]);
  });

  it('filters the audit log by eventTypes as by types, and by the types both lists share when both are given', async () => {
    const all = await log({});
    const wanted = ['PmoEstablished', 'WorkLogged', 'ActivityReassigned'];

    const byEnum = await log({ eventTypes: wanted });
    const byText = await log({ types: wanted });
    const shared = await log({ types: ['PmoEstablished', 'WorkLogged'], eventTypes: ['WorkLogged', 'ActivityPlanned'] });

    expect(byEnum).toEqual(all.filter((event) => wanted.includes(event.type)));
    expect(byEnum.map((event) => event.type)).toEqual(['PmoEstablished', 'ActivityReassigned', 'WorkLogged']);
    expect(byText).toEqual(byEnum);
    expect(shared.map((event) => event.type)).toEqual(['WorkLogged']);
    expect(await log({ types: ['PmoEstablished'], eventTypes: ['WorkLogged'] })).toEqual([]);
  });

  it('refuses an event type no enum value names, where the text filter finds nothing', async () => {
    const refused = await t.admin.fails(LOG, { filter: { eventTypes: ['PmoDissolved'] } });

    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.eventTypes' });
    expect(await log({ types: ['PmoDissolved'] })).toEqual([]);
  });

  it('names the field an activity change touches as an enum beside its text', async () => {
    const { planComparison } = await t.admin.ok(COMPARISON, { planId });

    expect(planComparison.changed[0].changes).toEqual([
      { kind: 'REASSIGNED', field: 'responsible', changedField: 'responsible' },
      { kind: 'RESCHEDULED', field: 'schedule', changedField: 'schedule' },
    ]);
  });
});
