import { foldView } from '../shared/view';
import type { ObjectiveClosed, ObjectiveEvent, ProgressRecorded } from './objective.events';
import { hundredDayObjective } from './hundred-day-objective.fixture';
import { assessObjective } from './objective.health';
import { assessObjectiveOn, objectiveTrend, periodEnds, MAX_TREND_POINTS, periodEndCount } from './objective.trend';
import { objectiveView, type DefinedObjectiveView } from './objective.view';

const objectiveId = '5c1e9a7b-2d4f-4a68-9b3e-7f0a1c2d3e4f';

const defined = hundredDayObjective(objectiveId);

const measured = (value: number, measuredOn: string): ProgressRecorded => ({
  type: 'ProgressRecorded',
  data: { objectiveId, value, measuredOn, note: null, recordedAt: '2026-04-20T00:00:00.000Z', recordedBy: 'ada@pmo.example' },
});

const closed = (closedOn: string): ObjectiveClosed => ({
  type: 'ObjectiveClosed',
  data: { objectiveId, outcome: 'ACHIEVED', reason: 'Every manager certified', closedOn, closedAt: `${closedOn}T16:00:00.000Z` },
});

const given = (...events: ObjectiveEvent[]): DefinedObjectiveView => {
  const view = foldView(objectiveView, [defined, ...events], (revision) => ({ revision, recordedAt: '2026-04-20T00:00:00.000Z', actor: 'ada@pmo.example' }));
  if (view.status === 'NONE') throw new Error('expected a defined objective');
  return view;
};

const measurementsOf = (...events: ProgressRecorded[]) => events.map(({ data }) => ({ ...data }));

describe('an objective over time', () => {
  it('given measurements recorded out of order, when drawn by week, then each Sunday shows the latest measured by then', () => {
    // Recorded: 30 on 1 Feb, then 10 backdated to 10 Jan, then 55 on 28 Feb and a correction to 50 the same day.
    const history = [measured(30, '2026-02-01'), measured(10, '2026-01-10'), measured(55, '2026-02-28'), measured(50, '2026-02-28')];
    const objective = given(...history);

    const points = objectiveTrend(objective, measurementsOf(...history), periodEnds('2026-01-05', '2026-03-03', 'WEEK'));

    // Sundays 11 Jan … 1 Mar, then Tuesday 3 Mar (to). Day n of the objective expects n/100.
    expect(points.map((p) => [p.on, p.value])).toEqual([
      ['2026-01-11', 10],
      ['2026-01-18', 10],
      ['2026-01-25', 10],
      ['2026-02-01', 30],
      ['2026-02-08', 30],
      ['2026-02-15', 30],
      ['2026-02-22', 30],
      ['2026-03-01', 50],
      ['2026-03-03', 50],
    ]);
    // 11 Jan is day 10: 0.10 expected, 0.10 measured: on track. 22 Feb is day 52: 0.30 is 0.22 behind, at risk.
    expect(points[0]).toMatchObject({ progress: 0.1, expectedProgress: 0.1, health: 'ON_TRACK', active: true });
    expect(points[6]).toMatchObject({ progress: 0.3, expectedProgress: 0.52, health: 'AT_RISK' });
    // 3 Mar is day 61: 0.50 is 0.11 behind, at risk.
    expect(points[8]).toMatchObject({ progress: 0.5, health: 'AT_RISK' });
    expect(points[8]!.expectedProgress).toBeCloseTo(0.61, 12);
  });

  it('given no measurement yet on a day, then it has no data and no progress, and expects what the calendar says', () => {
    const objective = given(measured(40, '2026-02-20'));

    expect(assessObjectiveOn(objective, null, '2026-02-01')).toEqual({
      on: '2026-02-01',
      value: null,
      progress: 0,
      expectedProgress: 0.31,
      health: 'NO_DATA',
      active: true,
    });
  });

  it('given an objective closed on a day, then it is judged as active before that day and CLOSED from it', () => {
    const history = [measured(20, '2026-01-31')];
    const objective = given(...history, closed('2026-03-01'));

    const [before, on] = objectiveTrend(objective, measurementsOf(...history), ['2026-02-28', '2026-03-01']);

    // 28 Feb is day 58: 0.20 is 0.38 behind.
    expect(before).toMatchObject({ value: 20, health: 'OFF_TRACK', active: true });
    expect(on).toMatchObject({ value: 20, progress: 0.2, health: 'CLOSED', active: false });
  });

  it('given the measurement the view holds as current, then a day after it is judged as the view judges that day', () => {
    const objective = given(measured(30, '2026-01-20'), measured(70, '2026-03-10'));

    const judged = assessObjectiveOn(objective, objective.currentMeasurement, '2026-03-20');
    const { currentValue, ...assessment } = assessObjective(objective, '2026-03-20');

    expect(judged).toEqual({ on: '2026-03-20', value: currentValue, active: true, ...assessment });
  });

  it('given a month-end window, then the last point is the month end itself, not repeated', () => {
    expect(periodEnds('2026-01-15', '2026-03-31', 'MONTH')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(periodEnds('2026-01-15', '2026-03-30', 'MONTH')).toEqual(['2026-01-31', '2026-02-28', '2026-03-30']);
    expect(periodEnds('2026-03-03', '2026-03-03', 'WEEK')).toEqual(['2026-03-03']);
  });

  it('names its limit: five years of weeks, and the partial week at either end', () => {
    expect(MAX_TREND_POINTS).toBe(262);
    expect(periodEndCount('2021-01-06', '2025-12-31', 'WEEK')).toBeLessThanOrEqual(MAX_TREND_POINTS);
  });
});
