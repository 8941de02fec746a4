import type { EventStore } from '@throughline/event-store';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { daysFromToday } from './support/days';
import { DEFINE_OBJECTIVE, DRAFT_PLAN, ESTABLISH_PMO, HISTORY, LOG_WORK, PLAN_ACTIVITY } from './support/operations';
import { PATH, RENAME_PMO, SQL, activityIn, establish, http, objectiveIn, type Hostile, type World } from './support/hostile-requests';
import { documents, transport } from './support/hostile-transport';
import { reach, values } from './support/hostile-values';
import { startTestApp } from './support/test-app';

const HOSTILE: Hostile[] = [...transport, ...documents, ...values, ...reach];

describe('hostile requests change nothing', () => {
  let world: World;
  const head = () => (world.t.app.get(EVENT_STORE) as EventStore).headPosition();

  beforeAll(async () => {
    const t = await startTestApp();
    const id = async (query: string, input: Record<string, unknown>) => {
      const data = await t.admin.ok(query, { input });
      return (Object.values(data)[0] as { id: string }).id;
    };
    const pmoA = await id(ESTABLISH_PMO, { name: 'PMO A', kind: 'PORTFOLIO', commandId: 'hostile-setup' });
    const pmoB = await id(ESTABLISH_PMO, { name: 'PMO B', kind: 'PROJECT' });
    await t.admin.ok(RENAME_PMO, { input: { pmoId: pmoA, name: 'PMO A (renamed)' } });
    const objectiveA = await id(DEFINE_OBJECTIVE, objectiveIn(pmoA));
    const objectiveB = await id(DEFINE_OBJECTIVE, objectiveIn(pmoB));
    const period = { title: 'Plan', periodStart: daysFromToday(-60), periodEnd: daysFromToday(300) };
    const planA = await id(DRAFT_PLAN, { pmoId: pmoA, ...period });
    const draftPlanA = await id(DRAFT_PLAN, { pmoId: pmoA, ...period, title: 'Second plan' });
    const planB = await id(DRAFT_PLAN, { pmoId: pmoB, ...period });
    const activityA = await id(PLAN_ACTIVITY, activityIn(planA));
    const activityB = await id(PLAN_ACTIVITY, activityIn(planB));
    const workA = await id(LOG_WORK, { pmoId: pmoA, person: 'ada@pmo.example', workedOn: daysFromToday(-1), hours: 1, description: 'Kick-off' });
    await id(LOG_WORK, { pmoId: pmoB, person: 'ada@pmo.example', workedOn: daysFromToday(-1), hours: 1, description: 'Steering committee' });
    const workB = await id(LOG_WORK, { pmoId: pmoB, person: 'lin@pmo.example', workedOn: daysFromToday(-1), hours: 1, description: 'Kick-off' });
    world = {
      t,
      headOfA: await t.client('head-a@pmo.example', ['PMO_HEAD'], [pmoA]),
      member: await t.client('member-a@pmo.example', ['MEMBER'], [pmoA]),
      auditor: await t.client('auditor@pmo.example', ['AUDITOR']),
      pmoA,
      pmoB,
      objectiveA,
      objectiveB,
      planA,
      draftPlanA,
      planB,
      activityA,
      activityB,
      workA,
      workB,
    };
  });
  afterAll(() => world.t.close());

  it('throws at least 60 distinct hostile requests', () => {
    expect(new Set(HOSTILE.map((h) => h.name)).size).toBe(HOSTILE.length);
    expect(HOSTILE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(HOSTILE.map((h) => [h.name, h] as const))('refuses %s with a client error and records nothing', async (_name, hostile) => {
    const before = await head();

    const answer = await hostile.send(world);

    const first = answer.body?.errors?.[0];
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).not.toContain('INTERNAL_SERVER_ERROR');
    if (hostile.status !== undefined) expect(answer.status).toBe(hostile.status);
    if (hostile.status === undefined || hostile.status < 400) expect(first?.extensions?.code).toBe(hostile.code);
    else if (hostile.code !== undefined) expect(first?.extensions?.code).toBe(hostile.code);
    if (hostile.field !== undefined) expect(first?.extensions?.field).toBe(hostile.field);
    expect(await head()).toBe(before);
  });

  it('is healthy after the whole table', async () => {
    const health = await fetch(`${world.t.url}/health`);
    const pmos = await world.t.admin.ok('{ pmos { name } }');

    expect(health.status).toBe(200);
    expect(pmos.pmos.map((p: { name: string }) => p.name).sort()).toEqual(['PMO A (renamed)', 'PMO B']);
  });

  it('records the token subject as the actor, whatever actor a header claims', async () => {
    const before = await head();
    const answer = await http(world, {
      body: JSON.stringify({ query: ESTABLISH_PMO, variables: { input: establish({ name: 'Header office' }) } }),
      headers: { 'x-actor': 'ceo@example.org', 'x-forwarded-user': 'ceo@example.org', 'x-remote-user': 'ceo@example.org' },
    });
    const created = (answer.body?.data as { establishPmo: { id: string } }).establishPmo.id;
    const history = await world.t.admin.ok(HISTORY, { type: 'PMO', id: created });

    expect(await head()).not.toBe(before);
    expect(history.history.edges.map((e: { node: { actor: string } }) => e.node.actor)).toEqual(['admin@test']);
  });

  it('stores SQL- and path-looking text verbatim, as the text it is', async () => {
    const name = `${SQL} ${PATH}`;
    const { establishPmo } = await world.t.admin.ok(ESTABLISH_PMO, { input: establish({ name }) });
    const read = await world.t.admin.ok('query($id: ID!) { pmo(id: $id) { name } }', { id: establishPmo.id });

    expect(read.pmo.name).toBe(name);
  });
});
