import type { RecordedDeviationView } from '../deviation/deviation.view';
import type { ExistingFeedbackView } from '../feedback/feedback.view';
import type { ObjectiveOnDay } from '../objective/objective.trend';
import { deviationAwaitsDecisionOn, feedbackOpenOn, feedbackWaitedOn, organisationOrder, summariseObjectives } from './pmo-summary';

const judged = (health: ObjectiveOnDay['health'], progress: number, expectedProgress: number): Pick<ObjectiveOnDay, 'health' | 'progress' | 'expectedProgress' | 'active'> => ({
  health,
  progress,
  expectedProgress,
  active: health !== 'CLOSED',
});

describe("a PMO's objectives on a day", () => {
  it('given objectives in several healths, then every health is counted, zeros included, and the means cover the active ones', () => {
    const summary = summariseObjectives([
      judged('ON_TRACK', 0.5, 0.5),
      judged('OFF_TRACK', 0.1, 0.6),
      judged('NO_DATA', 0, 0.3),
      judged('CLOSED', 1, 1),
    ]);

    expect(summary.objectives).toBe(4);
    expect(summary.byHealth).toEqual([
      { health: 'NO_DATA', objectives: 1 },
      { health: 'ON_TRACK', objectives: 1 },
      { health: 'AT_RISK', objectives: 0 },
      { health: 'OFF_TRACK', objectives: 1 },
      { health: 'CLOSED', objectives: 1 },
    ]);
    // (0.5 + 0.1 + 0) / 3 and (0.5 + 0.6 + 0.3) / 3: the closed objective is left out.
    expect(summary.meanProgress).toBeCloseTo(0.2, 12);
    expect(summary.meanExpectedProgress).toBeCloseTo(1.4 / 3, 12);
  });

  it('given no objective, or only closed ones, then the means are 0', () => {
    expect(summariseObjectives([])).toMatchObject({ objectives: 0, meanProgress: 0, meanExpectedProgress: 0 });
    expect(summariseObjectives([judged('CLOSED', 1, 1)])).toMatchObject({ objectives: 1, meanProgress: 0, meanExpectedProgress: 0 });
  });
});

const feedback = (raisedAt: string, resolvedAt: string | null): ExistingFeedbackView => {
  const shown = {
    feedbackId: 'f', fromPmoId: 'p1', pmoId: 'p0', subject: 's', body: 'b', standardId: null,
    raisedAt, raisedBy: 'ada', revision: 0, createdAt: raisedAt, updatedAt: raisedAt,
  };
  return resolvedAt === null
    ? { ...shown, status: 'OPEN' }
    : { ...shown, status: 'RESOLVED', resolution: { outcome: 'ANSWERED', standardVersion: null, deviationId: null, resolution: 'r', resolvedAt, resolvedBy: 'bo' } };
};

describe('feedback on a day', () => {
  it('given feedback raised and later resolved, then it was open from the day raised to the day before the resolution', () => {
    const item = feedback('2026-03-02T09:00:00.000Z', '2026-03-10T15:00:00.000Z');

    expect(['2026-03-01', '2026-03-02', '2026-03-09', '2026-03-10'].map((day) => feedbackOpenOn(item, day))).toEqual([false, true, true, false]);
  });

  it('given feedback still open, then it is open every day from the day raised, and has waited the days since', () => {
    const item = feedback('2026-03-02T09:00:00.000Z', null);

    expect(feedbackOpenOn(item, '2027-01-01')).toBe(true);
    expect(feedbackWaitedOn(item, '2026-03-12')).toBe(10);
  });
});

const deviation = (status: RecordedDeviationView['status'], decidedOn: string | null) => ({ status, requestedOn: '2026-05-01', until: '2026-06-30', decidedOn });

describe('deviations awaiting a decision on a day', () => {
  it.each<[string, ReturnType<typeof deviation>, string, boolean]>([
    ['a request not yet decided, within its days', deviation('REQUESTED', null), '2026-05-10', true],
    ['a request before it was made', deviation('REQUESTED', null), '2026-04-30', false],
    ['a request past its last day (EXPIRED)', deviation('REQUESTED', null), '2026-07-01', false],
    ['one approved later, on a day before the approval', deviation('APPROVED', '2026-05-20'), '2026-05-19', true],
    ['one approved, from the day of the approval', deviation('APPROVED', '2026-05-20'), '2026-05-20', false],
    ['one withdrawn, after the withdrawal', deviation('WITHDRAWN', '2026-05-03'), '2026-05-10', false],
  ])('given %s, then it awaits a decision: %s', (_case, view, day, awaits) => {
    expect(deviationAwaitsDecisionOn(view, day)).toBe(awaits);
  });
});

describe('the organisation in order', () => {
  it('given PMOs in any order, then parents come before children, depth first, siblings by name then id', () => {
    const pmos = [
      { pmoId: 'e', parentId: 'b', name: 'Echo' },
      { pmoId: 'b', parentId: 'a', name: 'Bravo' },
      { pmoId: 'z', parentId: null, name: 'Zulu' },
      { pmoId: 'c2', parentId: 'a', name: 'Alpha' },
      { pmoId: 'a', parentId: null, name: 'Group' },
      { pmoId: 'c1', parentId: 'a', name: 'Alpha' },
      { pmoId: 'o', parentId: 'gone', name: 'Orphan' },
    ];

    expect(organisationOrder(pmos).map((p) => p.pmoId)).toEqual(['a', 'c1', 'c2', 'b', 'e', 'o', 'z']);
  });
});
