import type { RecordedEvent } from '@throughline/event-store';
import { AlignmentHarness, PMO } from './alignment-harness.fixture';

describe('AlignmentProjection', () => {
  let harness: AlignmentHarness;
  const versions = (table: string, where: string) =>
    harness.project().rows(table, where).map(({ version_id: _id, ...row }) => row);

  beforeEach(() => {
    harness = new AlignmentHarness('2026-03-01T09:00:00.000Z');
  });
  afterEach(() => harness.close());

  it('keeps every version of a work entry, each closed when the next one is recorded', () => {
    const { feed } = harness;
    const logged = feed.log('w1', { pmoId: PMO, workedOn: '2026-02-27', hours: 3, activityId: 'A1' });
    const corrected = feed.correct('w1', { hours: 2.5, activityId: null }, { hours: 3, activityId: 'A1' });
    const moved = feed.correct('w1', { workedOn: '2026-02-26', person: 'bob@pmo.example' });
    const retracted = feed.retract('w1');

    const common = { work_entry_id: 'w1', pmo_id: PMO };
    expect(versions('work_version', "work_entry_id = 'w1'")).toEqual([
      { ...common, person: 'ada@pmo.example', worked_on: '2026-02-27', hours: 3, activity_id: 'A1', retracted: 0,
        recorded_from: at(logged), recorded_to: at(corrected) },
      // Fields the correction leaves out keep their value; an explicit null clears the activity.
      { ...common, person: 'ada@pmo.example', worked_on: '2026-02-27', hours: 2.5, activity_id: null, retracted: 0,
        recorded_from: at(corrected), recorded_to: at(moved) },
      { ...common, person: 'bob@pmo.example', worked_on: '2026-02-26', hours: 2.5, activity_id: null, retracted: 0,
        recorded_from: at(moved), recorded_to: at(retracted) },
      { ...common, person: 'bob@pmo.example', worked_on: '2026-02-26', hours: 2.5, activity_id: null, retracted: 1,
        recorded_from: at(retracted), recorded_to: null },
    ]);
  });

  it('replaces in place a version superseded at the instant it was recorded', () => {
    const { feed } = harness;
    feed.log('w1', { pmoId: PMO, workedOn: '2026-02-27', hours: 3, activityId: 'A1' });
    const instant = feed.now;
    feed.correct('w1', { hours: 4 });
    feed.at(instant).correct('w1', { hours: 5 });

    const rows = versions('work_version', "work_entry_id = 'w1'");
    expect(rows.map((row) => [row.hours, row.recorded_from, row.recorded_to])).toEqual([
      [3, '2026-03-01T09:00:00.000Z', instant],
      [5, instant, null],
    ]);
  });

  it('follows the life of links: unlink ends the open period, a relink opens a new one, a reschedule moves it', () => {
    const { feed } = harness;
    feed.activity('A1', { pmoId: PMO, startsOn: '2026-03-01', endsOn: '2026-06-30' });
    const first = feed.link('A1', 'O1', '2026-03-01', 2, 'first');
    const second = feed.link('A1', 'O2', '2026-03-01', 1, 'second');
    const ended = feed.unlink('A1', 'O1', '2026-03-05');
    const relinked = feed.link('A1', 'O1', '2026-03-10', 3, 'again');
    const moved = feed.reschedule(
      'A1',
      { startsOn: '2026-02-01', endsOn: '2026-06-30', previousStartsOn: '2026-03-01', previousEndsOn: '2026-06-30' },
      [{ objectiveId: 'O2', effectiveFrom: '2026-02-01', previousEffectiveFrom: '2026-03-01' }],
    );

    // What the link event said (rationale, when made) is carried into every later version.
    const link = (no: number, objective: string, weight: number, from: string, endedOn: string | null) => ({
      activity_id: 'A1', link_no: no, objective_id: objective, weight, effective_from: from, ended_on: endedOn,
      ...[{ rationale: 'first', linked_at: at(first) }, { rationale: 'second', linked_at: at(second) }, { rationale: 'again', linked_at: at(relinked) }][no],
    });
    expect(versions('link_version', "activity_id = 'A1'")).toEqual([
      { ...link(0, 'O1', 2, '2026-03-01', null), recorded_from: at(first), recorded_to: at(ended) },
      { ...link(1, 'O2', 1, '2026-03-01', null), recorded_from: at(second), recorded_to: at(moved) },
      { ...link(0, 'O1', 2, '2026-03-01', '2026-03-05'), recorded_from: at(ended), recorded_to: null },
      // Only the open link named in movedLinks moves; the relinked O1 period stays put.
      { ...link(2, 'O1', 3, '2026-03-10', null), recorded_from: at(relinked), recorded_to: null },
      { ...link(1, 'O2', 1, '2026-02-01', null), recorded_from: at(moved), recorded_to: null },
    ]);
    expect(versions('activity_version', "activity_id = 'A1'").map((row) => [row.starts_on, row.recorded_to])).toEqual([
      ['2026-03-01', at(moved)],
      ['2026-02-01', null],
    ]);
  });

  it('records status changes as its folds do, ignoring those they ignore', () => {
    const { feed } = harness;
    feed.activity('A1', { pmoId: PMO, startsOn: '2026-03-01', endsOn: '2026-06-30', title: 'Audit' });
    const cancelled = feed.cancel('A1', '2026-03-02');
    feed.complete('A1', '2026-03-03');
    feed.objective('O1', PMO);
    const closed = feed.closeObjective('O1', '2026-03-04', 'MISSED');
    feed.closeObjective('O1', '2026-03-05', 'ACHIEVED');
    feed.log('w1', { pmoId: PMO, workedOn: '2026-02-27', hours: 3, activityId: 'A1' });
    feed.log('w1', { pmoId: PMO, workedOn: '2026-02-28', hours: 9, activityId: 'A1' });

    expect(versions('activity_version', '1 = 1').map((row) => [row.title, row.status, row.recorded_to])).toEqual([
      ['Audit', 'PLANNED', at(cancelled)],
      ['Audit', 'CANCELLED', null],
    ]);
    expect(versions('objective_version', '1 = 1').map((row) => [row.status, row.closed_on, row.recorded_to])).toEqual([
      ['ACTIVE', null, at(closed)],
      ['MISSED', '2026-03-04', null],
    ]);
    expect(versions('work_version', '1 = 1').map((row) => row.hours)).toEqual([3]);
  });

  it('ignores events of other kinds and facts about unknown entities', () => {
    const { feed } = harness;
    feed.link('A9', 'O1', '2026-03-01');
    feed.correct('w9', { hours: 1 });
    feed.retract('w9');
    feed.closeObjective('O9', '2026-03-01');
    const other: RecordedEvent = { ...feed.objective('O1', PMO), type: 'BusinessPlanDrafted', streamId: 'plan-p1' };
    feed.events.splice(-1, 1, other);

    expect(['work_version', 'link_version', 'activity_version', 'objective_version'].map((t) => versions(t, '1 = 1')))
      .toEqual([[], [], [], []]);
  });

  it('refuses an event recorded before the version it would replace', () => {
    const { feed } = harness;
    feed.log('w1', { pmoId: PMO, workedOn: '2026-02-27', hours: 3, activityId: null });
    feed.at('2026-02-28T09:00:00.000Z').retract('w1');
    expect(() => harness.project()).toThrow(
      /recorded at 2026-02-28T09:00:00.000Z precedes .* 2026-03-01T09:00:00.000Z/,
    );
  });
  it('keeps a period\'s accounts in one row, by account, and drops the row once they add up to nothing again', () => {
    const { feed } = harness;
    feed.objective('O1', PMO);
    feed.activity('A1', { pmoId: PMO, startsOn: '2026-02-01', endsOn: '2026-06-30' });
    feed.link('A1', 'O1', '2026-02-01', 1, 'serves');
    feed.log('w1', { pmoId: PMO, workedOn: '2026-02-25', hours: 3, activityId: 'A1' });
    feed.log('w2', { pmoId: PMO, workedOn: '2026-02-26', hours: 1.5, activityId: null });

    const periods = () =>
      harness
        .project()
        .db.connection.prepare<[], { granularity: string; starts_on: string; accounts: string }>(
          'SELECT granularity, starts_on, accounts FROM alignment_account_period ORDER BY granularity, starts_on',
        )
        .all()
        .map((row) => [row.granularity, row.starts_on, JSON.parse(row.accounts)]);
    const both = ['', 4_500_000, 3_000_000, 'O1', 3_000_000, 0];
    expect(periods()).toEqual([
      ['MONTH', '2026-02-01', both],
      ['WEEK', '2026-02-23', both],
    ]);

    feed.retract('w1');
    feed.retract('w2');
    expect(periods()).toEqual([]);
  });
});

const at = (event: RecordedEvent): string => event.metadata.recordedAt;
