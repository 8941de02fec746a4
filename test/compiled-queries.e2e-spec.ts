import { daysFromToday } from './support/days';
import { DEFINE_OBJECTIVE, ESTABLISH_PMO, GET_OBJECTIVE, GET_PMO } from './support/operations';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Mercurius compiles a query text once it has seen it twice (graphql/jit.ts), so the first answers
 * come from graphql-js and later ones from the compiled query. A client must not be able to tell.
 */
const TIMES = 6;

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
  });
  afterAll(() => t.close());

  it('given an objective, when it is read six times, then every answer is the first one', async () => {
    const answers = [];
    for (let i = 0; i < TIMES; i++) answers.push(await t.admin.ok(GET_OBJECTIVE, { id: objectiveId }));

    expect(answers[0].objective).toMatchObject({ id: objectiveId, title: 'Projects delivered on time' });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  it('given an impossible date, when the same definition is sent six times, then each refusal names the field and nothing is defined', async () => {
    const input = { pmoId, title: 'Improve value', metric: { name: 'Value', unit: 'points', baseline: 10, target: 20 }, dueOn: '2026-02-30', owner: 'Grace' };
    const refusals = [];
    for (let i = 0; i < TIMES; i++) refusals.push(await t.admin.fails(DEFINE_OBJECTIVE, { input }));

    for (const refusal of refusals) {
      expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueOn' });
      expect(refusal.message).toContain('2026-02-30');
    }
    const pmo = await t.admin.ok(GET_PMO, { id: pmoId });
    expect(pmo.pmo.objectives.map((o: { id: string }) => o.id)).toEqual([objectiveId]);
  });

  it('given a definition without its title, when it is sent six times, then each refusal names the missing field', async () => {
    const input = { pmoId, metric: { name: 'Value', unit: 'points', baseline: 10, target: 20 }, dueOn: daysFromToday(30), owner: 'Grace' };
    for (let i = 0; i < TIMES; i++) {
      const refusal = await t.admin.fails(DEFINE_OBJECTIVE, { input });
      expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    }
  });
});
