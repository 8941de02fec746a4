import { AlignmentHarness, BETWEEN, LATER, PMO, WINDOW, baseScenario } from './alignment-harness.fixture';

describe('AlignmentReader lookups', () => {
  let harness: AlignmentHarness;

  beforeEach(() => {
    harness = baseScenario(new AlignmentHarness());
  });
  afterEach(() => harness.close());

  describe('workEntries', () => {
    const ids = (filter: Record<string, unknown> = {}, asOf?: string) =>
      harness.read
        .workEntries({ pmoId: PMO, from: WINDOW.from, to: WINDOW.to, ...filter }, asOf)
        .map((row) => row.workEntryId);

    it("lists the PMO's entries of the window by day, then id", () => {
      expect(ids()).toEqual(['w1', 'w2', 'w6', 'w7', 'w3', 'w4', 'w5']);
      expect(harness.read.workEntries({ pmoId: PMO, from: '2026-01-30', to: '2026-01-30' })).toEqual([
        {
          workEntryId: 'w2',
          pmoId: PMO,
          person: 'ada@pmo.example',
          workedOn: '2026-01-30',
          hours: 4,
          activityId: 'A2',
          retracted: false,
        },
      ]);
    });

    it('filters by person and by activity, null meaning no activity', () => {
      const bob = 'bob@pmo.example';
      harness.feed.log('w8', { pmoId: PMO, workedOn: '2026-02-02', hours: 1, activityId: 'A1', person: bob });
      expect(ids({ person: 'bob@pmo.example' })).toEqual(['w8']);
      expect(ids({ activityId: 'A1' })).toEqual(['w1', 'w6', 'w7', 'w8']);
      expect(ids({ activityId: 'A1', person: 'ada@pmo.example' })).toEqual(['w1', 'w6', 'w7']);
      expect(ids({ activityId: null })).toEqual(['w4']);
    });

    it('leaves retracted entries out unless asked, and shows them as they were believed', () => {
      harness.feed.at(LATER).retract('w1');
      expect(ids()).toEqual(['w2', 'w6', 'w7', 'w3', 'w4', 'w5']);
      expect(harness.read.workEntries({ ...WINDOW, includeRetracted: true })[0]).toMatchObject({
        workEntryId: 'w1',
        retracted: true,
      });
      const before = harness.read.workEntries({ ...WINDOW }, BETWEEN);
      expect(before[0]).toMatchObject({ workEntryId: 'w1', retracted: false });
      expect(ids({}, '2026-02-10T12:00:01.000Z')).toEqual(['w1']); // w0 at :00, w1 at :01
    });
  });

  it('sums non-retracted hours per activity over all time', () => {
    harness.feed.at(LATER).retract('w1');
    const activities = ['A1', 'A2', 'A3', 'A9'];
    // A1: w0 5 + w1 8 + w6 0.1 + w7 0.2 = 13.3, then 5.3 without w1; A2: 4 + 2; A3: 2.
    expect([...harness.read.hoursLoggedByActivity(activities, BETWEEN)]).toEqual([
      ['A1', 13.3],
      ['A2', 6],
      ['A3', 2],
      ['A9', 0],
    ]);
    expect(harness.read.hoursLoggedByActivity(activities).get('A1')).toBe(5.3);
    expect(harness.read.hoursLoggedByActivity([]).size).toBe(0);
  });

  it("lists a person's current entries of a day across PMOs, with their hours", () => {
    // ada on 28 Jan: w1 8 h here and wx 3 h in the other PMO.
    expect(harness.read.personDayEntries('ada@pmo.example', '2026-01-28')).toEqual([
      { workEntryId: 'w1', hours: 8 },
      { workEntryId: 'wx', hours: 3 },
    ]);
    expect(harness.read.personDayEntries('ada@pmo.example', '2026-02-01')).toEqual([
      { workEntryId: 'w6', hours: 0.1 },
      { workEntryId: 'w7', hours: 0.2 },
    ]);
    expect(harness.read.personDayEntries('bob@pmo.example', '2026-01-28')).toEqual([]);
    harness.feed.retract('wx');
    harness.feed.correct('w1', { hours: 6 });
    expect(harness.read.personDayEntries('ada@pmo.example', '2026-01-28')).toEqual([{ workEntryId: 'w1', hours: 6 }]);
  });

  it('totals the hours credited to each objective over all time, aligned or not', () => {
    const objectives = ['O1', 'O2', 'O3', 'O4', 'O9'];
    // O1: w0 5 + w1 8 + 0.3; O2: w2 1 + w5 0.5; O3: 3 + 1.5; O4's activity saw no work.
    const before = [
      ['O1', 13.3],
      ['O2', 1.5],
      ['O3', 4.5],
      ['O4', 0],
      ['O9', 0],
    ];
    expect([...harness.read.hoursInvestedByObjective(objectives)]).toEqual(before);
    harness.feed.at(LATER).link('A3', 'O1', '2026-01-15');
    harness.feed.closeObjective('O1', '2026-01-01');
    // The backdated link brings w3's 2 h; closing O1 makes them unaligned, not uninvested.
    expect(harness.read.hoursInvestedByObjective(objectives).get('O1')).toBe(15.3);
    expect([...harness.read.hoursInvestedByObjective(objectives, BETWEEN)]).toEqual(before);
  });

  it('lists link periods of an activity or an objective, ended ones included', () => {
    harness.feed.at(LATER).unlink('A2', 'O2', '2026-02-12');
    const o2 = { activityId: 'A2', objectiveId: 'O2', weight: 1, effectiveFrom: '2026-01-01' };
    const o3 = { activityId: 'A2', objectiveId: 'O3', weight: 3, effectiveFrom: '2026-01-01', endedOn: null };
    expect(harness.read.linksOfActivity('A2')).toEqual([{ ...o2, endedOn: '2026-02-12' }, o3]);
    expect(harness.read.linksOfActivity('A2', BETWEEN)).toEqual([{ ...o2, endedOn: null }, o3]);
    expect(harness.read.linksOfObjective('O3')).toEqual([o3]);
    expect(harness.read.linksOfObjective('O9')).toEqual([]);
  });

  describe('creditsOfWorkEntry', () => {
    it("credits an entry to the objectives of its activity's links on the day worked", () => {
      expect(harness.read.creditsOfWorkEntry('w2')).toEqual({
        credits: [
          { objectiveId: 'O2', hours: 1 },
          { objectiveId: 'O3', hours: 3 },
        ],
        aligned: true,
        activityId: 'A2',
        workedOn: '2026-01-30',
        hours: 4,
        retracted: false,
      });
      expect(harness.read.creditsOfWorkEntry('w3')).toMatchObject({ credits: [], aligned: false, activityId: 'A3' });
      expect(harness.read.creditsOfWorkEntry('w4')).toMatchObject({ credits: [], aligned: false, activityId: null });
      expect(harness.read.creditsOfWorkEntry('w99')).toBeNull();
    });

    it('answers as of an instant, and keeps crediting a retracted entry', () => {
      const { feed } = harness;
      feed.at(LATER);
      feed.closeObjective('O2', '2026-01-30');
      feed.closeObjective('O3', '2026-01-31');
      feed.retract('w2');
      // O3 was still ACTIVE on 30 Jan, so w2 stays aligned; as of before it was logged, no entry.
      expect(harness.read.creditsOfWorkEntry('w2')).toMatchObject({ aligned: true, retracted: true });
      expect(harness.read.creditsOfWorkEntry('w5')).toMatchObject({ aligned: false, credits: [{}, {}] });
      expect(harness.read.creditsOfWorkEntry('w5', BETWEEN)).toMatchObject({ aligned: true });
      expect(harness.read.creditsOfWorkEntry('w2', '2026-02-01T00:00:00Z')).toBeNull();
    });
  });
});
