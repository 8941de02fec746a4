import { daysFromToday } from './support/days';
import type { GraphQLClient } from './support/graphql-client';
import { DEFINE_OBJECTIVE, DRAFT_PLAN, ESTABLISH_PMO, PLAN_ACTIVITY } from './support/operations';
import { lifeOf, startGroup, type Group } from './support/pmo-life-group';
import { CATALOGUE, COMPARE, DRAFT_FROM, PUBLISH, TEMPLATE, TEMPLATES } from './support/pmo-life-operations';

jest.setTimeout(120_000);

describe('when PMOs begin, what they offer, how they compare and the plans they share', () => {
  let g: Group;
  let admin: GraphQLClient;
  let leadership: GraphQLClient;
  let auditor: GraphQLClient;
  let headA: GraphQLClient;
  let headB: GraphQLClient;
  let member: GraphQLClient;
  let alpha: string;
  let beta: string;
  let child: string;

  const life = lifeOf;

  beforeAll(async () => {
    g = await startGroup();
    ({ admin, leadership, auditor, headA, headB, member, alpha, beta, child } = g);
  });
  afterAll(async () => {
    await g?.app.close();
  });

  describe('establishedOn', () => {
    it('shows the day given, or the day recorded, and every PMO ACTIVE without successor', async () => {
      expect(await life(auditor, alpha)).toMatchObject({ establishedOn: daysFromToday(-400), status: 'ACTIVE', successor: null, mergedOn: null });
      expect((await life(member, child)).establishedOn).toBe(daysFromToday(0));
    });

    it('refuses a day before the parent’s and a day in the future, recording nothing', async () => {
      const before = await admin.fails(ESTABLISH_PMO, { input: { name: 'Too old', kind: 'PROJECT', parentId: beta, establishedOn: daysFromToday(-301) } });
      expect(before.extensions).toMatchObject({ code: 'ESTABLISHED_BEFORE_PARENT', field: 'establishedOn' });
      const future = await admin.fails(ESTABLISH_PMO, { input: { name: 'Not yet', kind: 'PROJECT', establishedOn: daysFromToday(1) } });
      expect(future.extensions).toMatchObject({ code: 'DAY_IN_FUTURE', field: 'establishedOn' });
      expect((await life(admin, beta)).children).toEqual([]);
    });
  });

  describe('catalogues', () => {
    beforeAll(async () => {
      const declare = (client: GraphQLClient, op: string, pmoId: string, name: string, on: string) => client.ok(CATALOGUE(op), { input: { pmoId, name, on } });
      await declare(headA, 'declarePmoService', alpha, 'Stage-gate assurance', daysFromToday(-100));
      await declare(headA, 'declarePmoTool', alpha, 'Jira', daysFromToday(-100));
      await declare(headB, 'declarePmoTool', beta, 'Jira', daysFromToday(-90));
      await declare(headB, 'declarePmoTool', beta, 'Miro', daysFromToday(-90));
      await declare(headB, 'declarePmoService', beta, 'Training', daysFromToday(-90));
    });

    it('lets a PMO head and ADMIN manage their catalogue, nobody else', async () => {
      for (const client of [headB, member, auditor, leadership]) {
        const refused = await client.fails(CATALOGUE('declarePmoTool'), { input: { pmoId: alpha, name: 'Excel' } });
        expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'catalogue.manage' });
      }
      const declared = (await admin.ok(CATALOGUE('declarePmoTool'), { input: { pmoId: alpha, name: 'Excel', description: 'Reports', reason: 'Finance asks for it' } })).declarePmoTool;
      expect(declared.tools).toEqual([
        { name: 'Excel', description: 'Reports', since: daysFromToday(0) },
        { name: 'Jira', description: null, since: daysFromToday(-100) },
      ]);
    });

    it('guards a catalogue change with the revision the editor saw', async () => {
      const { revision } = await life(headA, alpha);
      const stale = await headA.fails(CATALOGUE('declarePmoService'), { input: { pmoId: alpha, name: 'Coaching', expectedRevision: revision - 1 } });
      expect(stale.extensions).toMatchObject({ code: 'CONFLICT', currentRevision: revision });
      expect((await life(headA, alpha)).revision).toBe(revision);
    });

    it('refuses re-declaring a current item, retiring one not current, and days out of range, naming the field', async () => {
      const cases: [string, Record<string, unknown>, string, string][] = [
        ['declarePmoTool', { name: 'Jira' }, 'CATALOGUE_ITEM_ALREADY_CURRENT', 'name'],
        ['retirePmoService', { name: 'Nothing like it' }, 'CATALOGUE_ITEM_NOT_CURRENT', 'name'],
        ['declarePmoService', { name: 'Later', on: daysFromToday(1) }, 'DAY_IN_FUTURE', 'on'],
        ['declarePmoService', { name: 'Earlier', on: daysFromToday(-401) }, 'DAY_BEFORE_ESTABLISHMENT', 'on'],
        ['declarePmoService', { name: '   ' }, 'BAD_USER_INPUT', 'name'],
        ['declarePmoService', { name: 'Coaching', reason: '' }, 'BAD_USER_INPUT', 'reason'],
      ];
      for (const [op, input, code, field] of cases) {
        expect((await headA.fails(CATALOGUE(op), { input: { pmoId: alpha, ...input } })).extensions).toMatchObject({ code, field });
      }
    });

    it('retires an item on a day: the catalogue as of each day shows what the PMO had, and the history both ends', async () => {
      await headA.ok(CATALOGUE('retirePmoTool'), { input: { pmoId: alpha, name: 'Excel', on: daysFromToday(0), reason: 'Reports moved to the dashboard' } });
      const pmo = await life(member, alpha, { on: daysFromToday(-50) });
      expect(pmo.tools.map((t: { name: string }) => t.name)).toEqual(['Jira']);
      expect(pmo.toolsOn.map((t: { name: string }) => t.name)).toEqual(['Jira']);
      expect((await life(member, alpha, { on: daysFromToday(-101) })).servicesOn).toEqual([]);
      expect(pmo.catalogueHistory).toContainEqual({
        kind: 'TOOL',
        name: 'Excel',
        since: daysFromToday(0),
        until: daysFromToday(0),
        declaredReason: 'Finance asks for it',
        retiredReason: 'Reports moved to the dashboard',
      });
    });

    it('compares PMOs on a day for every role, with standard gaps left to compliance', async () => {
      for (const client of [auditor, member, headB]) {
        const { pmoComparison } = await client.ok(COMPARE, { ids: [alpha, beta], on: daysFromToday(-20) });
        expect(pmoComparison).toEqual({
          on: daysFromToday(-20),
          pmos: [{ id: alpha }, { id: beta }],
          commonServices: [],
          commonTools: ['Jira'],
          only: [
            { pmo: { id: alpha }, services: ['Stage-gate assurance'], tools: [] },
            { pmo: { id: beta }, services: ['Training'], tools: ['Miro'] },
          ],
          standardGaps: [],
        });
      }
      expect((await auditor.fails(COMPARE, { ids: [alpha, alpha] })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pmoIds' });
    });
  });

  describe('shared templates', () => {
    let sourcePlan: string;
    let emptyPlan: string;
    let templateId: string;

    beforeAll(async () => {
      const draft = async (client: GraphQLClient, pmoId: string, title: string) =>
        (await client.ok(DRAFT_PLAN, { input: { pmoId, title, periodStart: '2026-01-01', periodEnd: '2026-12-31' } })).draftBusinessPlan.id as string;
      sourcePlan = await draft(headA, alpha, 'Alpha plan 2026');
      emptyPlan = await draft(headA, alpha, 'Nothing planned yet');
      const objective = (
        await headA.ok(DEFINE_OBJECTIVE, {
          input: { pmoId: alpha, title: 'Gates on time', metric: { name: 'On time', unit: '%', baseline: 50, target: 90 }, startsOn: '2026-01-01', dueOn: '2026-12-31', owner: 'grace@org.test' },
        })
      ).defineObjective.id;
      const plan = (input: Record<string, unknown>) =>
        headA.ok(PLAN_ACTIVITY, { input: { planId: sourcePlan, responsible: 'grace@org.test', mode: 'DIRECT', ...input } });
      await plan({ title: 'Kick-off', startsOn: '2026-01-01', endsOn: '2026-01-01', description: 'Everyone in one room' });
      await plan({
        title: 'Gate reviews',
        mode: 'SUPERVISED',
        startsOn: '2026-04-01',
        endsOn: '2026-06-30',
        contributions: [{ objectiveId: objective, rationale: 'Reviews keep gates on time' }],
      });
    });

    it('publishes a plan of their PMO as a template, without people or objectives', async () => {
      expect((await headB.fails(PUBLISH, { input: { planId: sourcePlan, title: 'Not mine' } })).extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'template.publish' });
      expect((await member.fails(PUBLISH, { input: { planId: sourcePlan, title: 'Not mine' } })).extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await headA.fails(PUBLISH, { input: { planId: emptyPlan, title: 'Empty' } })).extensions).toMatchObject({ code: 'TEMPLATE_FROM_EMPTY_PLAN', field: 'planId' });
      const published = (await headA.ok(PUBLISH, { input: { planId: sourcePlan, title: 'A year of stage gates', commandId: 'publish-1' } })).publishPlanTemplate;
      templateId = published.id;
      expect(published).toMatchObject({
        title: 'A year of stage gates',
        publishedBy: 'grace@org.test',
        uses: 0,
        source: { id: sourcePlan },
        pmo: { id: alpha },
        activities: [
          { title: 'Kick-off', mode: 'DIRECT', startOffsetDays: 0, durationDays: 1, rationale: 'Everyone in one room' },
          { title: 'Gate reviews', mode: 'SUPERVISED', startOffsetDays: 90, durationDays: 91, rationale: 'Reviews keep gates on time' },
        ],
      });
      expect((await member.ok(TEMPLATE, { id: templateId })).planTemplate.id).toBe(templateId);
      expect((await auditor.ok(TEMPLATES)).planTemplates).toEqual([{ id: templateId, uses: 0 }]);
    });

    it('drafts a plan for another PMO from it, shifted into its period and clipped to its end, linked to nothing', async () => {
      const input = { templateId, pmoId: beta, title: 'Beta plan, first half 2027', periodStart: '2027-01-01', periodEnd: '2027-05-15', commandId: 'draft-from-1' };
      expect((await headA.fails(DRAFT_FROM, { input: { ...input, commandId: null } })).extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'plan.edit' });
      const plan = (await headB.ok(DRAFT_FROM, { input })).draftBusinessPlanFromTemplate;
      expect(plan).toMatchObject({ status: 'DRAFT', pmo: { id: beta }, template: { id: templateId, uses: 1 } });
      expect(plan.activities.map((a: Record<string, unknown>) => [a.title, a.mode, a.startsOn, a.endsOn, a.responsible, a.contributions])).toEqual([
        ['Kick-off', 'DIRECT', '2027-01-01', '2027-01-01', 'linus@org.test', []],
        ['Gate reviews', 'SUPERVISED', '2027-04-01', '2027-05-15', 'linus@org.test', []],
      ]);
      // The same commandId again answers the same plan and counts no second use.
      const again = (await headB.ok(DRAFT_FROM, { input })).draftBusinessPlanFromTemplate;
      expect(again.id).toBe(plan.id);
      expect((await auditor.ok(TEMPLATE, { id: templateId })).planTemplate.uses).toBe(1);
      const bad = await headB.fails(DRAFT_FROM, { input: { ...input, commandId: null, periodEnd: '2026-12-31' } });
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodEnd' });
    });
  });

});
