import fc from 'fast-check';
import { decideOrRefuse, defaultContext } from '@throughline/testing';
import type { CommandContext } from '../shared/decider';
import { addDays } from '../shared/local-date';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import { OBJECTIVE_OUTCOMES, type ObjectiveOutcome } from './objective.events';
import { assessObjective, currentMeasurement } from './objective.health';
import type { ObjectiveState } from './objective.state';
import { objectiveView, type DefinedObjectiveView, type Measurement, type ObjectiveView } from './objective.view';

const objectiveId = '3a6d8c1e-5f2b-4d79-8e04-1c7b9a2f6d35';
const pmoId = '6f1c2a4e-8b1d-4d52-9a57-0c3e2b7f4a10';

/** Days are drawn relative to the day the command is decided on, as a user would pick them. */
type Day = number | string;
const dayIn = (offset: Day, today: string) => (typeof offset === 'number' ? addDays(today, offset) : offset);

type Step =
  | { readonly kind: 'define'; readonly baseline: number; readonly target: number; readonly startsOn: Day | null; readonly dueOn: Day; readonly title: string }
  | { readonly kind: 'revise'; readonly title: string | null; readonly target: number | null; readonly dueOn: Day | null; readonly reason: string }
  | { readonly kind: 'progress'; readonly value: number; readonly measuredOn: Day }
  | { readonly kind: 'close'; readonly outcome: ObjectiveOutcome; readonly reason: string }
  | { readonly kind: 'wait'; readonly days: number };

const number = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -50, max: 150 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 1e308, -1e16, 0.1 + 0.2) },
);
const day: fc.Arbitrary<Day> = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -40, max: 120 }) }, { weight: 1, arbitrary: fc.constantFrom('2026-02-30', 'tomorrow') });
const text = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('On-time delivery', 'Board asked', ' Padded ') }, { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(2001)) });
const outcome = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...OBJECTIVE_OUTCOMES) }, { weight: 1, arbitrary: fc.constant('WON' as ObjectiveOutcome) });

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('define' as const), baseline: number, target: number, startsOn: fc.option(day), dueOn: day, title: text }),
  fc.record({ kind: fc.constant('revise' as const), title: fc.option(text), target: fc.option(number), dueOn: fc.option(day), reason: text }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('progress' as const), value: number, measuredOn: day }) },
  fc.record({ kind: fc.constant('close' as const), outcome, reason: text }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 20 }) }) },
);
const defining = step.filter((s) => s.kind === 'define');

const commandFor = (s: Exclude<Step, { kind: 'wait' }>, today: string): ObjectiveCommand => {
  switch (s.kind) {
    case 'define':
      return {
        type: 'DefineObjective',
        objectiveId,
        pmoId,
        title: s.title,
        description: null,
        metric: { name: 'On-time delivery', unit: '%', baseline: s.baseline, target: s.target },
        startsOn: s.startsOn === null ? null : dayIn(s.startsOn, today),
        dueOn: dayIn(s.dueOn, today),
        owner: 'Grace',
      };
    case 'revise':
      return { type: 'ReviseObjective', objectiveId, title: s.title, target: s.target, dueOn: s.dueOn === null ? null : dayIn(s.dueOn, today), reason: s.reason };
    case 'progress':
      return { type: 'RecordProgress', objectiveId, value: s.value, measuredOn: dayIn(s.measuredOn, today), note: null };
    case 'close':
      return { type: 'CloseObjective', objectiveId, outcome: s.outcome, reason: s.reason };
  }
};

/** What must hold of any objective the decider let exist, given every measurement it recorded. */
const expectSound = (objective: DefinedObjectiveView, measurements: readonly Measurement[]) => {
  const { baseline, target, direction } = objective.metric;
  expect(target).not.toBe(baseline);
  expect(direction).toBe(target > baseline ? 'INCREASE' : 'DECREASE');
  for (const value of [baseline, target, ...measurements.map((m) => m.value)]) {
    expect(Number.isFinite(value) && Math.abs(value) <= 1e15).toBe(true);
  }
  expect(objective.dueOn > objective.startsOn).toBe(true);
  // Each revision starts from the target the previous one left.
  objective.targetRevisions.forEach((revision, i) => {
    if (i > 0) expect(revision.previousTarget).toBe(objective.targetRevisions[i - 1]!.target);
  });
  if (objective.targetRevisions.length > 0) expect(objective.targetRevisions.at(-1)!.target).toBe(target);
};

describe('objective invariants under any sequence of commands', () => {
  it('never changes once closed, keeps its metric measurable and only ever adds measurements', () => {
    let closedThenTried = 0;
    fc.assert(
      fc.property(defining, fc.array(step, { maxLength: 40 }), (first, rest) => {
        let context: CommandContext = defaultContext;
        let state: ObjectiveState = objectiveDecider.initialState;
        let view: ObjectiveView = objectiveView.initialState;
        let revision = 0;
        const measurements: Measurement[] = [];
        let closed: ObjectiveView | null = null;
        for (const next of [first, ...rest]) {
          if (next.kind === 'wait') {
            const today = addDays(context.today, next.days);
            context = { ...context, today, now: `${today}T09:00:00.000Z` };
            continue;
          }
          const decision = decideOrRefuse(objectiveDecider, commandFor(next, context.today), state, context);
          if (closed) {
            closedThenTried += 1;
            // Given a closed objective, when anything is tried, then it is refused.
            expect('refused' in decision ? decision.refused.code : 'accepted').toMatch(/^OBJECTIVE_(CLOSED|ALREADY_EXISTS)$/);
            continue;
          }
          if ('refused' in decision) continue;
          state = decision.events.reduce(objectiveDecider.evolve, state);
          const facts = { recordedAt: context.now, actor: context.actor };
          view = decision.events.reduce((v, e) => objectiveView.evolve(v, e, { ...facts, revision: revision++ }), view);
          if (state.status === 'NONE' || view.status === 'NONE') throw new Error('an accepted command left no objective');
          // The view shows what the decider's state holds.
          expect(view).toMatchObject({ status: state.status, title: state.title, metric: state.metric, startsOn: state.startsOn, dueOn: state.dueOn });

          for (const event of decision.events) {
            if (event.type !== 'ProgressRecorded') continue;
            // Measurements are only ever added, each about a day from the start up to the day recorded.
            expect(event.data.measuredOn >= view.startsOn && event.data.measuredOn <= context.today).toBe(true);
            const { value, measuredOn, note, recordedAt, recordedBy } = event.data;
            measurements.push({ value, measuredOn, note, recordedAt, recordedBy });
          }
          expectSound(view, measurements);
          expect(view.measurementCount).toBe(measurements.length);
          if (view.status !== 'ACTIVE') closed = view;
        }
        if (closed) expect(view).toEqual(closed);
      }),
      { numRuns: 300 },
    );
    expect(closedThenTried).toBeGreaterThan(25);
  });
});

describe('the current measurement kept by the view', () => {
  // A defined objective fed measurements about recent days, backdated or not, with ties, as days pass.
  const feed = fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('progress' as const), value: fc.integer({ min: 0, max: 100 }), measuredOn: fc.integer({ min: -30, max: 0 }) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 10 }) }) },
    ),
    { maxLength: 60 },
  );

  it('assesses any day from the last recording on exactly as the whole list of measurements would', () => {
    let compared = 0;
    fc.assert(
      fc.property(feed, fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 5 }), (steps, later) => {
        let context: CommandContext = defaultContext;
        const define = commandFor({ kind: 'define', baseline: 0, target: 100, startsOn: -60, dueOn: 300, title: 'On-time delivery' }, context.today);
        let state: ObjectiveState = objectiveDecider.initialState;
        let view: ObjectiveView = objectiveView.initialState;
        const measurements: Measurement[] = [];
        const apply = (command: ObjectiveCommand) => {
          for (const event of objectiveDecider.decide(command, state, context)) {
            state = objectiveDecider.evolve(state, event);
            view = objectiveView.evolve(view, event, { revision: 0, recordedAt: context.now, actor: context.actor });
            if (event.type === 'ProgressRecorded') {
              const { value, measuredOn, note, recordedAt, recordedBy } = event.data;
              measurements.push({ value, measuredOn, note, recordedAt, recordedBy });
            }
          }
        };
        apply(define);
        for (const next of steps) {
          if (next.kind === 'wait') {
            const today = addDays(context.today, next.days);
            context = { ...context, today, now: `${today}T09:00:00.000Z` };
            continue;
          }
          apply(commandFor(next, context.today));
          if (view.status === 'NONE') throw new Error('the objective was defined');
          // Given the measurements recorded so far, when assessed on the day of the last recording
          // or any later day, then the view and the list-based rule agree on everything.
          for (const today of [context.today, ...later.map((days) => addDays(context.today, days))]) {
            compared += 1;
            const expected = currentMeasurement(measurements, today);
            expect(view.currentMeasurement).toEqual(expected);
            expect(assessObjective(view, today)).toEqual(assessObjective({ ...view, currentMeasurement: expected }, today));
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(2000);
  });
});
