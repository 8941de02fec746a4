import { addDays, daysBetween } from '@throughline/domain';
import { AlignmentHarness, PMO } from './alignment-harness.fixture';
import { referenceAlignment } from './alignment.reference.fixture';
import { PERIOD_STEP_DAYS, STEP_DAYS } from './alignment.report';
import type { Granularity } from './alignment.buckets';

const FROM = '2025-01-01';
const TO = '2026-05-15';

/** Work every day for 500 days on two activities and none, with links and closings along the way. */
const longHistory = (): { harness: AlignmentHarness; midway: string } => {
  const harness = new AlignmentHarness('2024-12-20T09:00:00.000Z');
  const { feed } = harness;
  for (const objective of ['O1', 'O2', 'O3']) feed.objective(objective, PMO);
  feed.activity('A1', { pmoId: PMO, startsOn: FROM, endsOn: TO });
  feed.activity('A2', { pmoId: PMO, startsOn: FROM, endsOn: TO });
  feed.link('A1', 'O1', FROM);
  feed.link('A2', 'O2', FROM, 1);
  feed.link('A2', 'O3', '2025-03-01', 3);
  let midway = '';
  for (let day = FROM, n = 0; day <= TO; day = addDays(day, 1), n += 1) {
    feed.at(`${day}T17:00:00.000Z`);
    feed.log(`a${n}`, { pmoId: PMO, workedOn: day, hours: 1 + (n % 4) / 3, activityId: 'A1' });
    feed.log(`b${n}`, { pmoId: PMO, workedOn: day, hours: 2.5, activityId: 'A2' });
    if (n % 3 === 0) feed.log(`c${n}`, { pmoId: PMO, workedOn: day, hours: 0.7, activityId: null });
    if (n % 10 === 5) feed.correct(`a${n - 1}`, { hours: 4.25 });
    if (day === '2025-06-30') {
      feed.closeObjective('O2', '2025-06-15');
      feed.unlink('A1', 'O1', '2025-07-01');
      midway = feed.now;
    }
    if (n % 50 === 0) harness.project();
  }
  return { harness: harness.project(), midway };
};

describe('a long alignment window', () => {
  const { harness, midway } = longHistory();
  afterAll(() => harness.close());
  const params = (granularity: Granularity | null) => ({ pmoId: PMO, from: FROM, to: TO, granularity, today: TO });

  it.each(['WEEK', 'MONTH', null] as const)('adds up its stretches to what crediting every entry gives (%s)', (granularity) => {
    for (const asOf of [null, midway]) {
      expect(harness.read.alignment(params(granularity), asOf)).toEqual(
        referenceAlignment(harness.db.connection, params(granularity), asOf),
      );
    }
  });

  const inTurns = async (asOf: string | null): Promise<number> => {
    let turns = 0;
    const report = await harness.read.alignmentInTurns(params('WEEK'), asOf, async (step) => {
      turns += 1;
      return step();
    });
    expect(report).toEqual(harness.read.alignment(params('WEEK'), asOf));
    return turns;
  };

  it('is computed a stretch at a time, one turn each, when asked in turns', async () => {
    // Now: every PERIOD_STEP_DAYS of the whole weeks (2025-01-06 to 2026-05-10; the clipped weeks
    // at the edges are read with the first), the gap lists with the last.
    const now = await inTurns(null);
    expect(now).toBe(Math.ceil((daysBetween('2025-01-06', '2026-05-10') + 1) / PERIOD_STEP_DAYS));
    expect(now).toBeGreaterThan(1);
    // As of an instant: every STEP_DAYS of the window's days.
    expect(await inTurns(midway)).toBe(Math.ceil((daysBetween(FROM, TO) + 1) / STEP_DAYS));
  });

  it('reads each stretch in one snapshot of the read models, which ends with its turn', async () => {
    const reader = harness.read;
    const inSnapshot: boolean[] = [];
    await reader.alignmentInTurns(params('WEEK'), null, async (step) => {
      const result = step();
      inSnapshot.push(harness.db.connection.inTransaction);
      await new Promise((resolve) => setImmediate(resolve));
      inSnapshot.push(harness.db.connection.inTransaction);
      return result;
    });
    expect(inSnapshot.length).toBeGreaterThan(2);
    expect(inSnapshot).toEqual(inSnapshot.map((_, index) => index % 2 === 0));
  });

  it('refuses a window ending before it starts before taking any turn', async () => {
    let turns = 0;
    const counting = async <T>(step: () => T): Promise<T> => {
      turns += 1;
      return step();
    };
    await expect(harness.read.alignmentInTurns({ ...params(null), to: '2024-12-31' }, null, counting)).rejects.toThrow(RangeError);
    expect(turns).toBe(0);
  });
});
