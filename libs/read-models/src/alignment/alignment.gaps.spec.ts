import { AlignmentHarness, BETWEEN, LATER, PMO, WINDOW, baseScenario } from './alignment-harness.fixture';

describe('AlignmentReader.alignment gap lists', () => {
  let harness: AlignmentHarness;
  const gaps = (window: Partial<typeof WINDOW> = {}, asOf?: string) => {
    const { activitiesWithoutObjective, objectivesWithoutActivity, idleActivities } = harness.read.alignment(
      { ...WINDOW, ...window, granularity: null },
      asOf,
    );
    return { activitiesWithoutObjective, objectivesWithoutActivity, idleActivities };
  };

  beforeEach(() => {
    harness = baseScenario(new AlignmentHarness());
  });
  afterEach(() => harness.close());

  it('lists in the base scenario A3, which serves nothing, and O4, served only by a cancelled activity', () => {
    expect(gaps()).toEqual({
      activitiesWithoutObjective: ['A3'],
      objectivesWithoutActivity: ['O4'],
      idleActivities: [],
    });
  });

  describe('activitiesWithoutObjective', () => {
    it('lists live activities overlapping the window that no link covers on any day of it', () => {
      const { feed } = harness;
      feed.at(LATER);
      const activity = (id: string, startsOn = '2026-01-01') =>
        feed.activity(id, { pmoId: PMO, startsOn, endsOn: '2026-12-31' });
      activity('A5');
      feed.link('A5', 'O1', '2026-02-11'); // takes effect the day after the window
      activity('A6');
      feed.link('A6', 'O1', '2026-01-01');
      feed.unlink('A6', 'O1', '2026-01-28'); // last covered day 27 Jan
      activity('A7');
      feed.link('A7', 'O2', '2026-01-01');
      feed.unlink('A7', 'O2', '2026-01-29'); // still covers 28 Jan
      activity('A8');
      feed.complete('A8', '2026-02-01'); // DONE still counts
      activity('A9', '2026-03-01'); // after the window
      activity('A10');
      feed.link('A10', 'O3', '2026-02-05');
      feed.unlink('A10', 'O3', '2026-02-05'); // a period of no day at all
      feed.closeObjective('O1', '2026-01-29'); // A1's link still covers the window

      expect(gaps().activitiesWithoutObjective).toEqual(['A10', 'A5', 'A6', 'A8', 'A3']);
    });

    it('takes a link made today into account for windows reaching its first day only', () => {
      harness.feed.at(LATER).link('A3', 'O1', '2026-02-05');
      expect(gaps({ to: '2026-02-04' }).activitiesWithoutObjective).toEqual(['A3']);
      expect(gaps({ to: '2026-02-05' }).activitiesWithoutObjective).toEqual([]);
      expect(gaps({}, BETWEEN).activitiesWithoutObjective).toEqual(['A3']);
    });
  });

  describe('objectivesWithoutActivity', () => {
    it('lists ACTIVE objectives with no open link from an activity that is not cancelled', () => {
      const { feed } = harness;
      feed.at(LATER);
      feed.unlink('A1', 'O1', '2026-02-12'); // O1 loses its only activity
      feed.objective('O5', PMO);
      feed.activity('A5', { pmoId: PMO, startsOn: '2026-01-01', endsOn: '2026-01-31' });
      feed.link('A5', 'O5', '2026-01-01');
      feed.complete('A5', '2026-01-31'); // a DONE activity still serves O5
      feed.closeObjective('O4', '2026-02-12'); // no longer ACTIVE
      feed.objective('O0', 'pmo-2');

      expect(gaps().objectivesWithoutActivity).toEqual(['O1']);
      // The window plays no part: it is the state of the objectives and links that counts.
      expect(gaps({ from: '2025-01-01', to: '2025-01-31' }).objectivesWithoutActivity).toEqual(['O1']);
      expect(gaps({}, BETWEEN).objectivesWithoutActivity).toEqual(['O4']);
    });
  });

  describe('idleActivities', () => {
    // Work: A1 on 27 Jan..1 Feb, A2 on 30 Jan and 9 Feb, A3 on 2 Feb; A4 is cancelled.
    const february = (today: string, asOf?: string) =>
      gaps({ from: '2026-02-01', to: '2026-02-28', today }, asOf).idleActivities;

    it('lists started, unfinished activities with no work in the 14 days up to today', () => {
      const { feed } = harness;
      feed.at(LATER);
      feed.activity('A5', { pmoId: PMO, startsOn: '2026-02-25', endsOn: '2026-03-31' }); // not started by 20 Feb
      feed.activity('A6', { pmoId: PMO, startsOn: '2026-01-01', endsOn: '2026-02-28' });
      feed.complete('A6', '2026-02-05'); // DONE, so not idle
      // 7..20 Feb: only A2 (9 Feb) saw work.
      expect(february('2026-02-20')).toEqual(['A1', 'A3']);
    });

    it('counts the 14 days inclusively, ending at today or at the end of the window if earlier', () => {
      expect(february('2026-02-14')).toEqual([]); // 1..14 Feb holds A1's work of 1 Feb
      expect(february('2026-02-15')).toEqual(['A1']); // 2..15 Feb: A3's 2 Feb still counts
      expect(february('2026-02-16')).toEqual(['A1', 'A3']);
      // A window ending 10 Feb is judged on 28 Jan..10 Feb, however late today is.
      expect(gaps({ today: '2026-06-01' }).idleActivities).toEqual([]);
    });

    it('ignores retracted work, except as of before the retraction', () => {
      harness.feed.at(LATER).retract('w5');
      expect(february('2026-02-20')).toEqual(['A1', 'A2', 'A3']);
      expect(february('2026-02-20', BETWEEN)).toEqual(['A1', 'A3']);
    });
  });
});
