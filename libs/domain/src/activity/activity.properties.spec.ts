import fc from 'fast-check';
import { decideOrRefuse, defaultContext } from '@throughline/testing';
import type { CommandContext } from '../shared/decider';
import { addDays } from '../shared/local-date';
import type { PlanStatus } from '../plan/plan.state';
import type { ActivityCommand, ObjectiveSnapshot, PlanSnapshot } from './activity.commands';
import { activityDecider } from './activity.decider';
import { activityId, adoption, draftPlan, objective, onTime, otherPmoId, satisfaction } from './activity.fixtures';
import type { ActivityState } from './activity.state';
import { activityView, openLinks, type ActivityLink, type ActivityView } from './activity.view';

/** The objectives a command may name: two it may serve, one of another PMO, one already closed. */
const OBJECTIVES: readonly ObjectiveSnapshot[] = [
  objective(onTime),
  objective(adoption),
  objective(satisfaction, { pmoId: otherPmoId }),
  objective('a1b2c3d4-0000-4000-8000-000000000004', { status: 'ACHIEVED' }),
];
const LINKABLE = new Set([onTime, adoption]);
const PLAN_CHANGES = new Set<ActivityCommand['type']>(['PlanActivity', 'LinkActivityToObjective', 'UnlinkActivityFromObjective', 'RescheduleActivity', 'CancelActivity']);

type Step =
  | { readonly kind: 'plan'; readonly start: number; readonly length: number; readonly links: readonly { readonly objective: number; readonly weight: number | null }[] }
  | { readonly kind: 'link'; readonly objective: number; readonly weight: number | null; readonly backdate: number | null }
  | { readonly kind: 'unlink'; readonly objective: number }
  | { readonly kind: 'reschedule'; readonly start: number; readonly length: number }
  | { readonly kind: 'reassign' | 'complete' | 'cancel' }
  | { readonly kind: 'wait'; readonly days: number };

const weight = fc.option(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(1, 0.5, 3) }, { weight: 1, arbitrary: fc.constantFrom(0, -1, Number.NaN, 1e308) }));
const pick = fc.integer({ min: 0, max: OBJECTIVES.length - 1 });
// Offsets in days from today; the plan period runs through 2026 and today starts mid-March.
const start = fc.integer({ min: -90, max: 150 });
const length = fc.integer({ min: -5, max: 200 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('plan' as const), start, length, links: fc.array(fc.record({ objective: pick, weight }), { maxLength: 3 }) }),
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('link' as const), objective: pick, weight, backdate: fc.option(fc.integer({ min: -60, max: 5 })) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('unlink' as const), objective: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reschedule' as const), start, length }) },
  fc.record({ kind: fc.constantFrom('reassign' as const, 'complete' as const, 'cancel' as const) }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 30 }) }) },
);
const opening: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant('plan' as const),
  start: fc.integer({ min: -30, max: 60 }),
  length: fc.integer({ min: 0, max: 90 }),
  links: fc.array(fc.record({ objective: fc.constantFrom(0, 1), weight: fc.constant(null) }), { maxLength: 1 }),
});
const planStatus = fc.oneof({ weight: 6, arbitrary: fc.constantFrom<PlanStatus>('DRAFT', 'APPROVED') }, { weight: 1, arbitrary: fc.constantFrom<PlanStatus>('SUBMITTED', 'SUPERSEDED') });

const commandFor = (s: Exclude<Step, { kind: 'wait' }>, plan: PlanSnapshot, today: string): ActivityCommand => {
  switch (s.kind) {
    case 'plan':
      return {
        type: 'PlanActivity',
        activityId,
        plan,
        title: 'Stage-gate reviews',
        description: null,
        responsible: 'lin@pmo.example',
        mode: 'DIRECT',
        startsOn: addDays(today, s.start),
        endsOn: addDays(today, s.start + s.length),
        effortEstimateHours: 40,
        contributions: s.links.map((l) => ({ objective: OBJECTIVES[l.objective]!, rationale: 'Serves it', weight: l.weight })),
      };
    case 'link':
      return {
        type: 'LinkActivityToObjective',
        activityId,
        plan,
        objective: OBJECTIVES[s.objective]!,
        rationale: 'Serves it',
        weight: s.weight,
        effectiveFrom: s.backdate === null ? null : addDays(today, s.backdate),
      };
    case 'unlink':
      return { type: 'UnlinkActivityFromObjective', activityId, plan, objectiveId: OBJECTIVES[s.objective]!.objectiveId, reason: 'No longer serves it' };
    case 'reschedule':
      return { type: 'RescheduleActivity', activityId, plan, startsOn: addDays(today, s.start), endsOn: addDays(today, s.start + s.length), reason: 'Moved' };
    case 'reassign':
      return { type: 'ReassignActivity', activityId, responsible: 'mo@pmo.example', reason: null };
    case 'complete':
      return { type: 'CompleteActivity', activityId };
    case 'cancel':
      return { type: 'CancelActivity', activityId, plan, reason: 'Dropped' };
  }
};

/** A link credits the days from effectiveFrom up to (not including) endedOn; an empty period credits none. */
const credits = (link: ActivityLink) => link.endedOn === null || link.effectiveFrom < link.endedOn;
const overlap = (a: ActivityLink, b: ActivityLink) =>
  a.effectiveFrom < (b.endedOn ?? '9999-12-31') && b.effectiveFrom < (a.endedOn ?? '9999-12-31');

describe('activity invariants under any sequence of commands', () => {
  it('stays inside its plan, credits no day twice to one objective, and never changes once done or cancelled', () => {
    let accepted = 0;
    let closedThenTried = 0;
    fc.assert(
      // Each sequence opens by planning the activity inside the period, so later commands meet it.
      fc.property(opening, fc.array(fc.tuple(step, planStatus), { maxLength: 40 }), (first, rest) => {
        const steps: [Step, PlanStatus][] = [[first, 'DRAFT'], ...rest];
        let context: CommandContext = defaultContext;
        let state: ActivityState = activityDecider.initialState;
        let view: ActivityView = activityView.initialState;
        let revision = 0;
        let closed: ActivityView | null = null;
        for (const [next, status] of steps) {
          if (next.kind === 'wait') {
            const today = addDays(context.today, next.days);
            context = { ...context, today, now: `${today}T09:00:00.000Z` };
            continue;
          }
          const plan: PlanSnapshot = { ...draftPlan, status };
          const command = commandFor(next, plan, context.today);
          const decision = decideOrRefuse(activityDecider, command, state, context);
          if (closed) {
            closedThenTried += 1;
            expect('refused' in decision ? decision.refused.code : 'accepted').toMatch(/^ACTIVITY_(CLOSED|ALREADY_EXISTS)$/);
            continue;
          }
          if ('refused' in decision) continue;
          accepted += 1;
          state = decision.events.reduce(activityDecider.evolve, state);
          view = decision.events.reduce((v, e) => activityView.evolve(v, e, { revision: revision++, recordedAt: context.now, actor: context.actor }), view);
          if (state.status === 'NONE' || view.status === 'NONE') throw new Error('an accepted command left no activity');
          // The decider's links in force are the view's open links, in the same order.
          expect(state.openLinks).toEqual(openLinks(view).map(({ objectiveId, effectiveFrom }) => ({ objectiveId, effectiveFrom })));
          expect(view).toMatchObject({ status: state.status, startsOn: state.startsOn, endsOn: state.endsOn, responsible: state.responsible });

          // A submitted plan's activities do not change.
          if (PLAN_CHANGES.has(command.type)) expect(status).not.toBe('SUBMITTED');
          expect(view.startsOn <= view.endsOn).toBe(true);
          expect(view.startsOn >= plan.periodStart && view.endsOn <= plan.periodEnd).toBe(true);
          for (const link of view.links) {
            expect(LINKABLE.has(link.objectiveId)).toBe(true);
            expect(link.weight > 0 && link.weight <= 1e15).toBe(true);
          }
          // A later link never takes effect in the future (a planned contribution starts with the activity).
          if (command.type === 'LinkActivityToObjective') {
            for (const event of decision.events) if (event.type === 'ActivityLinkedToObjective') expect(event.data.effectiveFrom <= context.today).toBe(true);
          }
          const open = view.links.filter((l) => l.endedOn === null).map((l) => l.objectiveId);
          expect(new Set(open).size).toBe(open.length);
          const crediting = view.links.filter(credits);
          crediting.forEach((a, i) =>
            crediting.slice(i + 1).forEach((b) => {
              if (a.objectiveId === b.objectiveId) expect(overlap(a, b)).toBe(false);
            }),
          );
          if (view.status !== 'PLANNED') closed = view;
        }
        if (closed) expect(view).toEqual(closed);
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(300);
    expect(closedThenTried).toBeGreaterThan(30);
  });
});
