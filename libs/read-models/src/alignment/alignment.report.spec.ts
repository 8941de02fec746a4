import { AlignmentHarness, BETWEEN, LATER, PMO, WINDOW, baseScenario } from './alignment-harness.fixture';
import { windowWorkSql } from './alignment.queries';
import type { AlignmentReport } from './alignment.types';

/** The figures a report is checked against: totals, and per bucket [start, end, total, aligned]. */
const figures = (report: AlignmentReport) => ({
  total: report.totalHours,
  aligned: report.alignedHours,
  unaligned: report.unalignedHours,
  byObjective: report.byObjective.map(({ objectiveId, hours }) => `${objectiveId}:${hours}`),
});
const buckets = (report: AlignmentReport) =>
  report.buckets.map((b) => [
    b.start,
    b.end,
    b.totalHours,
    b.alignedHours,
    b.byObjective.map((o) => `${o.objectiveId}:${o.hours}`),
  ]);

/** The base scenario's usual window by week, worked out in the first bucketing spec. */
const BASE_WEEKS = [
  ['2026-01-28', '2026-02-01', 12.3, 12.3, ['O1:8.3', 'O3:3', 'O2:1']],
  ['2026-02-02', '2026-02-08', 3.5, 0, []],
  ['2026-02-09', '2026-02-10', 2, 2, ['O3:1.5', 'O2:0.5']],
];

describe('AlignmentReader.alignment', () => {
  let harness: AlignmentHarness;
  const report = (granularity: 'WEEK' | 'MONTH' | null = null, asOf?: string) =>
    harness.read.alignment({ ...WINDOW, granularity }, asOf);

  beforeEach(() => {
    harness = baseScenario(new AlignmentHarness());
  });
  afterEach(() => harness.close());

  it('credits the window by the links in force on each day worked, split by weight', () => {
    // In the window: w1 8 (O1), w2 4 (O2 1 + O3 3), w6+w7 0.1+0.2 (O1), w5 2 (O2 0.5 + O3 1.5)
    // aligned = 14.3; w3 2 (A3 serves nothing) and w4 1.5 (no activity) unaligned = 3.5.
    // w0 is before the window and wx belongs to another PMO.
    const whole = report();
    expect(figures(whole)).toEqual({
      total: 17.8,
      aligned: 14.3,
      unaligned: 3.5,
      byObjective: ['O1:8.3', 'O3:4.5', 'O2:1.5'],
    });
    expect(whole.alignedShare).toBeCloseTo(14.3 / 17.8, 12);
    expect(buckets(whole)).toEqual([['2026-01-28', '2026-02-10', 17.8, 14.3, ['O1:8.3', 'O3:4.5', 'O2:1.5']]]);
  });

  it('buckets by ISO week, clipped to the window, adding up to the totals', () => {
    const weekly = report('WEEK');
    // Mon 26 Jan - Sun 1 Feb clipped to Wed 28 Jan: w1 8, w2 4, w6+w7 0.3.
    // 2-8 Feb: w3 2 and w4 1.5, nothing aligned. 9-10 Feb (clipped): w5 2.
    expect(buckets(weekly)).toEqual(BASE_WEEKS);
    expect(weekly.buckets.map((b) => b.alignedShare)).toEqual([1, 0, 1]);
    expect(figures(weekly)).toEqual(figures(report()));
  });

  it('buckets by calendar month, clipped to the window, adding up to the totals', () => {
    const monthly = report('MONTH');
    // 28-31 Jan: w1 8, w2 4. 1-10 Feb: w6+w7 0.3 and w5 2 aligned, w3 2 and w4 1.5 not: 5.8.
    expect(buckets(monthly)).toEqual([
      ['2026-01-28', '2026-01-31', 12, 12, ['O1:8', 'O3:3', 'O2:1']],
      ['2026-02-01', '2026-02-10', 5.8, 2.3, ['O3:1.5', 'O2:0.5', 'O1:0.3']],
    ]);
    expect(monthly.buckets[1]?.alignedShare).toBeCloseTo(2.3 / 5.8, 12);
    expect(monthly.buckets.reduce((sum, b) => sum + b.totalHours, 0)).toBe(17.8);
  });

  it('answers zero, not NaN, for a window without work, with a bucket for every week', () => {
    const empty = harness.read.alignment({ ...WINDOW, from: '2026-03-02', to: '2026-03-15', granularity: 'WEEK' });
    expect(figures(empty)).toEqual({ total: 0, aligned: 0, unaligned: 0, byObjective: [] });
    expect(empty.alignedShare).toBe(0);
    expect(empty.buckets.map((b) => [b.start, b.end, b.alignedShare])).toEqual([
      ['2026-03-02', '2026-03-08', 0],
      ['2026-03-09', '2026-03-15', 0],
    ]);
  });

  it('does not credit earlier work to a link made today, but credits later work', () => {
    harness.feed.at(LATER);
    harness.feed.link('A3', 'O1', '2026-02-05');
    harness.feed.log('w8', { pmoId: PMO, workedOn: '2026-02-06', hours: 3, activityId: 'A3' });
    // w3 (A3, 2 Feb) stays unaligned; w8 (A3, 6 Feb) adds 3 h aligned to O1.
    expect(figures(report())).toEqual({
      total: 20.8,
      aligned: 17.3,
      unaligned: 3.5,
      byObjective: ['O1:11.3', 'O3:4.5', 'O2:1.5'],
    });
  });

  it('re-credits past work to a backdated link, but not as of before the link was recorded', () => {
    harness.feed.at(LATER).link('A3', 'O1', '2026-01-15');
    // w3's 2 h on 2 Feb now count for O1.
    expect(figures(report())).toEqual({
      total: 17.8,
      aligned: 16.3,
      unaligned: 1.5,
      byObjective: ['O1:10.3', 'O3:4.5', 'O2:1.5'],
    });
    expect(figures(report(null, BETWEEN))).toEqual({
      total: 17.8,
      aligned: 14.3,
      unaligned: 3.5,
      byObjective: ['O1:8.3', 'O3:4.5', 'O2:1.5'],
    });
  });

  it('drops a retracted entry from every total, yet counts it as of before the retraction', () => {
    harness.feed.at(LATER).retract('w1');
    // Without w1's 8 h (O1): 9.8 in all, 6.3 aligned.
    expect(figures(report())).toEqual({
      total: 9.8,
      aligned: 6.3,
      unaligned: 3.5,
      byObjective: ['O3:4.5', 'O2:1.5', 'O1:0.3'],
    });
    expect(buckets(report('WEEK'))[0]).toEqual(['2026-01-28', '2026-02-01', 4.3, 4.3, ['O3:3', 'O2:1', 'O1:0.3']]);
    expect(figures(report(null, BETWEEN))).toMatchObject({ total: 17.8, aligned: 14.3 });
    expect(figures(report(null, LATER))).toMatchObject({ total: 9.8 });
  });

  it('follows a correction to another day and activity', () => {
    const { feed } = harness;
    feed.at(LATER);
    feed.correct('w2', { workedOn: '2026-02-04', activityId: 'A1' }, { workedOn: '2026-01-30', activityId: 'A2' });
    feed.correct('w4', { activityId: 'A1', hours: 1 }, { activityId: null, hours: 1.5 });
    // w2's 4 h move from week 1 (O2 1, O3 3) to week 2 on A1 (O1 4); w4 becomes 1 h on A1 (O1).
    expect(buckets(report('WEEK'))).toEqual([
      ['2026-01-28', '2026-02-01', 8.3, 8.3, ['O1:8.3']],
      ['2026-02-02', '2026-02-08', 7, 5, ['O1:5']],
      ['2026-02-09', '2026-02-10', 2, 2, ['O3:1.5', 'O2:0.5']],
    ]);
    expect(figures(report())).toEqual({
      total: 17.3,
      aligned: 15.3,
      unaligned: 2,
      byObjective: ['O1:13.3', 'O3:1.5', 'O2:0.5'],
    });
    expect(buckets(report('WEEK', BETWEEN))).toEqual(BASE_WEEKS);
  });

  it('counts work done on or after an objective closed as unaligned, but still credits it', () => {
    harness.feed.at(LATER).closeObjective('O1', '2026-02-01');
    // O1 is no longer ACTIVE on 1 Feb: w6+w7 (0.3 h) leave the aligned hours; w1 on 28 Jan stays.
    expect(figures(report())).toEqual({
      total: 17.8,
      aligned: 14,
      unaligned: 3.8,
      byObjective: ['O1:8.3', 'O3:4.5', 'O2:1.5'],
    });
    expect(buckets(report('WEEK'))[0]?.slice(2, 4)).toEqual([12.3, 12]);
    expect(figures(report(null, BETWEEN))).toMatchObject({ aligned: 14.3 });
  });

  it('credits work before an activity moved earlier once movedLinks moved its link along', () => {
    const { feed } = harness;
    feed.log('w9', { pmoId: PMO, workedOn: '2025-12-15', hours: 6, activityId: 'A1' });
    const december = (asOf?: string) =>
      harness.read.alignment({ ...WINDOW, from: '2025-12-01', to: '2025-12-31', granularity: null }, asOf);
    expect(figures(december())).toMatchObject({ total: 6, aligned: 0 });

    feed.at(LATER).reschedule(
      'A1',
      { startsOn: '2025-12-01', endsOn: '2026-03-31', previousStartsOn: '2026-01-01', previousEndsOn: '2026-03-31' },
      [{ objectiveId: 'O1', effectiveFrom: '2025-12-01', previousEffectiveFrom: '2026-01-01' }],
    );
    expect(figures(december())).toEqual({ total: 6, aligned: 6, unaligned: 0, byObjective: ['O1:6'] });
    expect(figures(december(BETWEEN))).toMatchObject({ total: 6, aligned: 0 });
  });

  it('splits hours in thirds without losing a micro-hour', () => {
    const { feed } = harness;
    feed.at(LATER);
    feed.activity('A5', { pmoId: PMO, startsOn: '2026-01-01', endsOn: '2026-06-30' });
    feed.link('A5', 'O1', '2026-01-01', 1);
    feed.link('A5', 'O4', '2026-01-01', 2);
    feed.log('w10', { pmoId: PMO, workedOn: '2026-03-03', hours: 1, activityId: 'A5' });
    const march = harness.read.alignment({ ...WINDOW, from: '2026-03-01', to: '2026-03-31', granularity: 'WEEK' });
    // 1 h at 1:2 is 1/3 and 2/3: rounded to micro-hours, 0.333333 and the remaining 0.666667.
    expect(march.byObjective).toEqual([
      { objectiveId: 'O4', hours: 0.666667 },
      { objectiveId: 'O1', hours: 0.333333 },
    ]);
    expect(march.buckets.map((b) => b.totalHours)).toEqual([0, 1, 0, 0, 0, 0]);
  });

  it('refuses a window that ends before it starts, and an instant it cannot read', () => {
    const backwards = { ...WINDOW, from: '2026-02-10', to: '2026-02-09', granularity: null };
    expect(() => harness.read.alignment(backwards)).toThrow(/from 2026-02-10 is after to 2026-02-09/);
    const params = { ...WINDOW, granularity: null };
    expect(() => harness.read.alignment(params, 'yesterday')).toThrow(/not an ISO-8601 instant/);
  });

  it('reads the present through the partial index of current rows', () => {
    const plan = harness.db.connection
      .prepare(`EXPLAIN QUERY PLAN ${windowWorkSql(null)}`)
      .all({ pmoId: PMO, from: WINDOW.from, to: WINDOW.to }) as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/COVERING INDEX work_version_pmo_day_now/);
  });
});
