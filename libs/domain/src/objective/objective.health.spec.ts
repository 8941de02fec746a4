import { foldView } from '../shared/view';
import type { ObjectiveDefined, ObjectiveEvent, ProgressRecorded } from './objective.events';
import { hundredDayObjective } from './hundred-day-objective.fixture';
import { AT_RISK_TOLERANCE, ON_TRACK_TOLERANCE, assessObjective, currentMeasurement } from './objective.health';
import { objectiveView, type DefinedObjectiveView, type Measurement } from './objective.view';

const objectiveId = '3d0c6f8a-5b2e-4f19-a7c4-1e9b8d2a6c03';

const defined = hundredDayObjective(objectiveId);
const DAY_50 = '2026-02-20';
const DAY_80 = '2026-03-22';

// Measurements are folded in the order recorded, which is the order given here.
const measured = (value: number, measuredOn: string): ProgressRecorded => ({
  type: 'ProgressRecorded',
  data: { objectiveId, value, measuredOn, note: null, recordedAt: '2026-03-01T00:00:00.000Z', recordedBy: 'ada@pmo.example' },
});

const fromDefinition = (definition: ObjectiveDefined, ...events: ObjectiveEvent[]): DefinedObjectiveView => {
  const facts = (revision: number) => ({ revision, recordedAt: '2026-03-01T00:00:00.000Z', actor: 'ada@pmo.example' });
  const view = foldView(objectiveView, [definition, ...events], facts);
  if (view.status === 'NONE') throw new Error('expected a defined objective');
  return view;
};
const objective = (...events: ObjectiveEvent[]): DefinedObjectiveView => fromDefinition(defined, ...events);

describe('objective health', () => {
  it('names its thresholds', () => {
    expect([ON_TRACK_TOLERANCE, AT_RISK_TOLERANCE]).toEqual([0.1, 0.25]);
  });

  it('has no data and no progress before any measurement', () => {
    expect(assessObjective(objective(), DAY_50)).toEqual({ currentValue: null, progress: 0, expectedProgress: 0.5, health: 'NO_DATA' });
  });

  it.each([
    [60, 'ON_TRACK'],
    [40, 'ON_TRACK'], // exactly expected − 0.10
    [39, 'AT_RISK'],
    [25, 'AT_RISK'], // exactly expected − 0.25
    [24.9, 'OFF_TRACK'],
    [-5, 'OFF_TRACK'],
  ])('on day 50 of 100, a value of %p is %s', (value, health) => {
    expect(assessObjective(objective(measured(value, DAY_50)), DAY_50)).toMatchObject({
      currentValue: value,
      progress: value / 100,
      expectedProgress: 0.5,
      health,
    });
  });

  it('holds the boundaries where subtraction rounds (0.8 − 0.1 is not 0.7 in floating point)', () => {
    expect(assessObjective(objective(measured(70, DAY_80)), DAY_80).health).toBe('ON_TRACK');
    expect(assessObjective(objective(measured(55, DAY_80)), DAY_80).health).toBe('AT_RISK');
    expect(assessObjective(objective(measured(54.9, DAY_80)), DAY_80).health).toBe('OFF_TRACK');
  });

  it('reports progress beyond the target', () => {
    expect(assessObjective(objective(measured(120, DAY_50)), DAY_50)).toMatchObject({ progress: 1.2, health: 'ON_TRACK' });
  });

  it('measures a DECREASE metric from its baseline down towards its target', () => {
    const daysLate: ObjectiveDefined = {
      ...defined,
      data: { ...defined.data, metric: { name: 'Average days late', unit: 'days', baseline: 30, target: 10, direction: 'DECREASE' } },
    };
    const assess = (value: number) => assessObjective(fromDefinition(daysLate, measured(value, DAY_50)), DAY_50);
    expect(assess(22)).toMatchObject({ progress: 0.4, health: 'ON_TRACK' });
    expect(assess(24)).toMatchObject({ progress: 0.3, health: 'AT_RISK' });
    expect(assess(34)).toMatchObject({ progress: -0.2, health: 'OFF_TRACK' });
  });

  it('follows a revised target', () => {
    const revised = objective(
      {
        type: 'ObjectiveTargetRevised',
        data: {
          objectiveId,
          target: 50,
          previousTarget: 100,
          direction: 'INCREASE',
          reason: 'Descoped',
          revisedAt: '2026-02-01T00:00:00.000Z',
          revisedBy: 'ada@pmo.example',
        },
      },
      measured(20, DAY_50),
    );
    expect(assessObjective(revised, DAY_50)).toMatchObject({ progress: 0.4, health: 'ON_TRACK' });
  });

  it('never lets a backdated measurement displace a later one', () => {
    const state = objective(measured(45, '2026-02-15'), measured(10, '2026-01-20'));
    expect(assessObjective(state, DAY_50)).toMatchObject({ currentValue: 45, health: 'ON_TRACK' });
  });

  it('takes the later recorded of two measurements on the same day', () => {
    const state = objective(measured(20, '2026-02-15'), measured(45, '2026-02-15'));
    expect(assessObjective(state, DAY_50).currentValue).toBe(45);
  });

  it('ignores measurements about days after the day assessed', () => {
    const list: Measurement[] = [measured(10, '2026-01-20'), measured(45, '2026-02-15')].map((e) => e.data);
    expect(currentMeasurement(list, '2026-02-01')?.value).toBe(10);
    expect(currentMeasurement(list, '2026-01-10')).toBeNull();
    // A view folded to an instant holds only what was recorded by then: assessing the past
    // folds to it, and a view asked about a day before its own measurement shows none.
    expect(assessObjective(objective(measured(10, '2026-01-20')), '2026-02-01')).toMatchObject({ currentValue: 10, expectedProgress: 0.31 });
    const state = objective(measured(10, '2026-01-20'), measured(45, '2026-02-15'));
    expect(assessObjective(state, '2026-01-10')).toMatchObject({ currentValue: null, progress: 0, health: 'NO_DATA' });
  });

  it('clamps the expected progress before the start and after the due date', () => {
    expect(assessObjective(objective(), '2025-12-01').expectedProgress).toBe(0);
    expect(assessObjective(objective(), '2026-04-11').expectedProgress).toBe(1);
    expect(assessObjective(objective(), '2027-01-01').expectedProgress).toBe(1);
  });

  it('is CLOSED once the objective is no longer active, still showing where it ended', () => {
    const state = objective(measured(95, DAY_80), {
      type: 'ObjectiveClosed',
      data: { objectiveId, outcome: 'MISSED', reason: 'Ran out of budget', closedOn: DAY_80, closedAt: '2026-03-22T17:00:00.000Z' },
    });
    expect(assessObjective(state, DAY_80)).toEqual({ currentValue: 95, progress: 0.95, expectedProgress: 0.8, health: 'CLOSED' });
  });

  it('is CLOSED rather than NO_DATA for an objective closed without a measurement', () => {
    const abandoned = objective({
      type: 'ObjectiveClosed',
      data: { objectiveId, outcome: 'ABANDONED', reason: 'Mandate changed', closedOn: '2026-01-05', closedAt: '2026-01-05T12:00:00.000Z' },
    });
    expect(assessObjective(abandoned, DAY_50)).toMatchObject({ currentValue: null, progress: 0, health: 'CLOSED' });
  });
});
