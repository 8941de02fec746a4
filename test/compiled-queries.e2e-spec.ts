import { daysFromToday } from './support/days';
import { ALIGNMENT, DEFINE_OBJECTIVE, DRAFT_PLAN, ESTABLISH_PMO, GET_OBJECTIVE, GET_PMO, LOG_WORK, PLAN_ACTIVITY } from './support/operations';

const OBJECTIVE_LIST = `query($id: ID!) { pmo(id: $id) { objectivesConnection(first: 10) { totalCount edges { node { id title health } } } } }`;
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Mercurius compiles a query text once it has seen it twice (graphql/jit.ts), so the first answers
 * come from graphql-js and later ones from the compiled query. A client must not be able to tell.
 */
const TIMES = 6;

/**
 * Mercurius compiles in a moment the event loop is not wholly busy, checking again 50 ms after a
 * busy one: requests sent back to back can all come before it. Each ask is followed by such a
 * moment, so the later asks meet the compiled query. Nothing waits for a result: were the
 * compiling late, the asks would only all be answered by graphql-js.
 */
const idleMoment = () => new Promise((resolve) => setTimeout(resolve, 60));

/** Asks `ask` TIMES times, an idle moment after each, and answers what each answered. */
const again = async <T>(ask: () => Promise<T>): Promise<T[]> => {
  const answers: T[] = [];
  for (let i = 0; i < TIMES; i++) {
    answers.push(await ask());
    await idleMoment();
  }
  return answers;
};

describe('a query asked again and again, compiled after its second sighting', () => {
  let t: TestApp;
  let pmoId: string;
  let objectiveId: string;

  beforeAll(async () => {
    t = await startTestApp();
    pmoId = (await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Delivery office', kind: 'PROGRAMME' } })).establishPmo.id;
    const defined = await t.admin.ok(DEFINE_OBJECTIVE, {
      input: { pmoId, title: 'Projects delivered on time', metric: { name: 'On time', unit: '%', baseline: 0, target: 100 }, dueOn: daysFromToday(90), owner: 'Grace' },
    });
    objectiveId = defined.defineObjective.id;
    const plan = await t.admin.ok(DRAFT_PLAN, { input: { pmoId, title: 'Plan', periodStart: daysFromToday(-30), periodEnd: daysFromToday(60) } });
    const planned = await t.admin.ok(PLAN_ACTIVITY, {
      input: {
        planId: plan.draftBusinessPlan.id,
        title: 'Weekly delivery review',
        responsible: 'Ada',
        mode: 'DIRECT',
        startsOn: daysFromToday(-20),
        endsOn: daysFromToday(30),
        contributions: [{ objectiveId, rationale: 'reviews keep projects on time' }],
      },
    });
    for (const [daysAgo, hours] of [[-9, 3], [-2, 1.5]] as const) {
      await t.admin.ok(LOG_WORK, { input: { pmoId, workedOn: daysFromToday(daysAgo), hours, description: 'review', activityId: planned.planActivity.id } });
    }
  });
  afterAll(() => t.close());

  it('given an objective, when it is read six times, then every answer is the first one', async () => {
    const answers = await again(() => t.admin.ok(GET_OBJECTIVE, { id: objectiveId }));

    expect(answers[0].objective).toMatchObject({ id: objectiveId, title: 'Projects delivered on time' });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('given work on the objective, when the alignment report is read six times, then every answer is the first one', async () => {
    const variables = { pmoId, from: daysFromToday(-14), to: daysFromToday(0), granularity: 'WEEK' };
    const answers = await again(() => t.admin.ok(ALIGNMENT, variables));

    expect(answers[0].alignment).toMatchObject({ totalHours: 4.5, alignedHours: 4.5, byObjective: [{ objective: { id: objectiveId }, hours: 4.5 }] });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('given a list with its count, when it is read six times, then every answer is the first one', async () => {
    const answers = await again(() => t.admin.ok(OBJECTIVE_LIST, { id: pmoId }));

    expect(answers[0].pmo.objectivesConnection).toMatchObject({ totalCount: 1, edges: [{ node: { id: objectiveId } }] });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('given an impossible date, when the same definition is sent six times, then each refusal names the field and nothing is defined', async () => {
    const input = { pmoId, title: 'Improve value', metric: { name: 'Value', unit: 'points', baseline: 10, target: 20 }, dueOn: '2026-02-30', owner: 'Grace' };
    const refusals = await again(() => t.admin.fails(DEFINE_OBJECTIVE, { input }));

    for (const refusal of refusals) {
      expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueOn' });
      expect(refusal.message).toContain('2026-02-30');
    }
    const pmo = await t.admin.ok(GET_PMO, { id: pmoId });
    expect(pmo.pmo.objectives.map((o: { id: string }) => o.id)).toEqual([objectiveId]);
  });

  it('given a definition without its title, when it is sent six times, then each refusal names the missing field', async () => {
    const input = { pmoId, metric: { name: 'Value', unit: 'points', baseline: 10, target: 20 }, dueOn: daysFromToday(30), owner: 'Grace' };
    for (const refusal of await again(() => t.admin.fails(DEFINE_OBJECTIVE, { input }))) {
      expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    }
  });
});
