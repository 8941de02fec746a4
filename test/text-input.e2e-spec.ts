import type { EventStore } from '@throughline/event-store';
import { EVENT_STORE } from '../apps/api/src/common/tokens';
import { daysFromToday } from './support/days';
import { AUDIT_LOG, DEFINE_OBJECTIVE, ESTABLISH_PMO, LOG_WORK } from './support/operations';
import { emptyOptionals, invisibleTexts, makersFor, type Makers, type TextCase } from './support/text-input-cases';
import { startTestApp, type TestApp } from './support/test-app';

describe('text inputs: "" is never "absent", and invisible text is never text', () => {
  let t: TestApp;
  let makers: Makers;
  const head = () => (t.app.get(EVENT_STORE) as EventStore).headPosition();

  beforeAll(async () => {
    t = await startTestApp();
    makers = makersFor(t.admin, await t.client('approver@test', ['ADMIN']));
  });
  afterAll(() => t.close());

  it('covers every empty optional and each kind of invisible text', () => {
    expect(new Set([...emptyOptionals, ...invisibleTexts].map((c) => c.name)).size).toBe(emptyOptionals.length + invisibleTexts.length);
    expect(emptyOptionals.length + invisibleTexts.length).toBeGreaterThanOrEqual(30);
  });

  it.each([...emptyOptionals, ...invisibleTexts].map((c) => [c.name, c] as const))(
    'refuses %s on its field, appends nothing, and accepts the request once the field is put right',
    async (_name, textCase: TextCase) => {
      const valid = await textCase.valid(makers);
      const client = textCase.client?.(makers) ?? t.admin;
      const before = await head();

      const refused = await client.request(textCase.mutation, { input: { ...valid, [textCase.field]: textCase.value } });
      const after = await head();
      const accepted = await client.request(textCase.mutation, { input: valid });

      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: textCase.field });
      expect(refused.data).toBeNull();
      expect(after).toBe(before);
      expect(accepted.errors).toBeUndefined();
    },
  );

  it('still takes null for "none" where a field is optional', async () => {
    const pmoId = await makers.pmo();
    const { establishPmo } = await t.admin.ok(ESTABLISH_PMO, { input: { name: 'Null office', kind: 'PROJECT', parentId: null, head: null } });
    const { logWork } = await t.admin.ok(LOG_WORK, {
      input: { pmoId, workedOn: daysFromToday(-2), hours: 1, description: 'Planning', activityId: null, person: null },
    });

    expect(establishPmo).toMatchObject({ parent: null, head: null });
    expect(logWork).toMatchObject({ activity: null, person: 'admin@test' });
  });

  it('refuses an empty text in a query filter too, rather than read it as no filter', async () => {
    await makers.approvedPlan();
    const refused = await t.admin.fails(AUDIT_LOG, { filter: { actor: '' } });
    const narrowed = await t.admin.ok(AUDIT_LOG, { filter: { actor: 'approver@test' }, first: 1 });

    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actor' });
    expect(narrowed.auditLog.edges.map((e: { node: { actor: string } }) => e.node.actor)).toEqual(['approver@test']);
  });

  it('stores labels trimmed, and keeps the joiners that prose and emoji need in a description', async () => {
    const pmoId = await makers.pmo();
    const description = 'Review with the team 👩‍💻 and the می‌خواهم note';
    const { defineObjective } = await t.admin.ok(DEFINE_OBJECTIVE, {
      input: {
        pmoId,
        title: '  Projects on time  ',
        description,
        metric: { name: 'On-time delivery', unit: '%', baseline: 40, target: 80 },
        dueOn: daysFromToday(200),
        owner: ' Grace ',
      },
    });
    const read = await t.admin.ok('query($id: ID!) { objective(id: $id) { title owner description } }', { id: defineObjective.id });

    expect(read.objective).toEqual({ title: 'Projects on time', owner: 'Grace', description });
  });
});
