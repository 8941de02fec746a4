import fc from 'fast-check';
import { activityView } from '@throughline/domain';
import { AlignmentFeed } from './alignment/alignment-feed.fixture';
import { AlignmentProjection } from './alignment/alignment.projection';
import { EntityStateProjection, entityKind } from './entity-state.projection';
import { ObjectiveContributionsReader, type ObjectiveContributionRow } from './objective-contributions.reader';
import { ReadModelDb } from './read-model-db';

const CATEGORY = 'activity';

/**
 * The links as the activities' stored views hold them, in the order the answer as of an instant
 * gives (the views' createdAt: when each was planned, then id): the reference the rows must agree
 * with.
 */
const FROM_ACTIVITY_VIEWS = `
  SELECT e.entity_id AS activityId,
         json_extract(e.state, '$.title') AS activityTitle,
         json_extract(l.value, '$.rationale') AS rationale,
         json_extract(l.value, '$.weight') AS weight,
         json_extract(l.value, '$.linkedAt') AS linkedAt,
         json_extract(l.value, '$.effectiveFrom') AS effectiveFrom
  FROM entity_state e, json_each(e.state, '$.links') l
  WHERE e.stream_id IN (
          SELECT @category || '-' || v.activity_id FROM link_version v
          WHERE v.objective_id = @objectiveId AND v.recorded_to IS NULL AND v.ended_on IS NULL)
    AND json_extract(e.state, '$.status') <> 'NONE'
    AND json_extract(l.value, '$.objectiveId') = @objectiveId
    AND json_extract(l.value, '$.endedOn') IS NULL
  ORDER BY json_extract(e.state, '$.createdAt'), e.entity_id, l.key`;

/** Activity views and alignment rows in one in-memory read model, fed batch by batch as the projector does. */
class ContributionsHarness {
  readonly db = ReadModelDb.open(':memory:');
  readonly feed = new AlignmentFeed();
  private readonly projections = [
    new EntityStateProjection([entityKind({ category: CATEGORY, view: activityView, index: () => ({}) })]),
    new AlignmentProjection(),
  ];
  private applied = 0;
  private reader: ObjectiveContributionsReader | null = null;

  constructor() {
    this.db.ensureSchema(this.projections);
  }

  project(): this {
    const events = this.feed.events.slice(this.applied);
    try {
      this.db.transaction(() => {
        for (const event of events) for (const projection of this.projections) projection.apply(event, this.db.connection);
        for (const projection of this.projections) projection.flush?.(this.db.connection);
      });
    } finally {
      for (const projection of this.projections) projection.endBatch?.();
    }
    this.applied += events.length;
    return this;
  }

  contributionsTo(objectiveId: string): ObjectiveContributionRow[] {
    this.project();
    return (this.reader ??= new ObjectiveContributionsReader(this.db)).openLinksTo(objectiveId);
  }

  fromActivityViews(objectiveId: string): ObjectiveContributionRow[] {
    this.project();
    return this.db.connection.prepare(FROM_ACTIVITY_VIEWS).all({ objectiveId, category: CATEGORY }) as ObjectiveContributionRow[];
  }

  close(): void {
    this.db.close();
  }
}

const PMO = 'pmo-1';
const plan = (feed: AlignmentFeed, activityId: string, title = `Activity ${activityId}`) =>
  feed.activity(activityId, { pmoId: PMO, startsOn: '2026-01-01', endsOn: '2026-06-30', title });
const DATES = { startsOn: '2026-01-01', endsOn: '2026-06-30', previousStartsOn: '2026-01-01', previousEndsOn: '2026-06-30' };

describe('ObjectiveContributionsReader', () => {
  let harness: ContributionsHarness;
  beforeEach(() => (harness = new ContributionsHarness()));
  afterEach(() => harness.close());

  it('given links made, moved and ended, when contributions are read, then each open link with what its event said, from rows', () => {
    const { feed } = harness;
    plan(feed, 'A2', 'Second planned, first by id');
    plan(feed, 'A1', 'First by id');
    feed.link('A1', 'O1', '2026-01-05', 2, 'drives adoption');
    const madeAt = feed.now;
    feed.link('A2', 'O1', '2026-01-03', 1, 'feeds the pipeline');
    feed.link('A2', 'O2', '2026-01-03');
    feed.unlink('A1', 'O1', '2026-01-20');
    feed.link('A1', 'O1', '2026-01-20', 3, 'back on it');
    feed.reschedule('A2', { ...DATES, startsOn: '2026-01-02' }, [{ objectiveId: 'O1', effectiveFrom: '2026-01-02', previousEffectiveFrom: '2026-01-03' }]);

    expect(harness.contributionsTo('O1')).toEqual([
      { activityId: 'A2', activityTitle: 'Second planned, first by id', rationale: 'feeds the pipeline', weight: 1, linkedAt: madeAt, effectiveFrom: '2026-01-02' },
      { activityId: 'A1', activityTitle: 'First by id', rationale: 'back on it', weight: 3, linkedAt: expect.any(String), effectiveFrom: '2026-01-20' },
    ]);
    expect(harness.contributionsTo('O3')).toEqual([]);
  });

  it('given activities created at one instant, when read, then they come by id, and an activity’s links in the order made', () => {
    const { feed } = harness;
    const instant = feed.now;
    plan(feed, 'B');
    feed.at(instant);
    plan(feed, 'A');
    // Two open links of one activity to one objective: not what the decider allows, but the rows follow the events.
    feed.link('B', 'O1', '2026-01-01', 1, 'first');
    feed.link('B', 'O1', '2026-01-01', 1, 'second');
    feed.link('A', 'O1', '2026-01-01', 1, 'only');

    expect(harness.contributionsTo('O1').map((row) => [row.activityId, row.rationale])).toEqual([
      ['A', 'only'],
      ['B', 'first'],
      ['B', 'second'],
    ]);
  });

  it('given an activity whose stream began before it was planned, when read, then activities come in the order they were planned', () => {
    const { feed } = harness;
    // An event the activity's view ignores opens A's stream before B is planned.
    feed.link('A', 'O1', '2026-01-01', 1, 'before the plan');
    plan(feed, 'B');
    plan(feed, 'A');
    feed.link('A', 'O1', '2026-01-01', 1, 'a');
    feed.link('B', 'O1', '2026-01-01', 1, 'b');

    expect(harness.contributionsTo('O1').map((row) => row.rationale)).toEqual(['b', 'a']);
    expect(harness.contributionsTo('O1')).toEqual(harness.fromActivityViews('O1'));
  });

  it('given a link to an activity not planned yet, when read, then it is not there, as the activity never showed it', () => {
    harness.feed.link('A1', 'O1', '2026-01-01');
    plan(harness.feed, 'A1');
    expect(harness.contributionsTo('O1')).toEqual([]);
  });

  it('given the columns added to link_version, when the read model opens, then its fingerprint differs, so stored read models are rebuilt', () => {
    const stored = ReadModelDb.open(':memory:');
    try {
      const alignment = new AlignmentProjection();
      stored.ensureSchema([alignment]);
      stored.connection.prepare('UPDATE schema_fingerprint SET fingerprint = ?').run('what the previous schema hashed to');
      expect(stored.ensureSchema([alignment])).toBe('rebuilt');
      const columns = stored.connection.prepare("SELECT name FROM pragma_table_info('link_version')").all() as { name: string }[];
      expect(columns.map((c) => c.name)).toEqual(expect.arrayContaining(['rationale', 'linked_at']));
    } finally {
      stored.close();
    }
  });
});

const ACTIVITIES = ['A1', 'A2', 'A3', 'A4'];
const OBJECTIVES = ['O1', 'O2', 'O3'];
const day = (n: number) => `2026-01-${String(n + 1).padStart(2, '0')}`;

type Step =
  | { readonly kind: 'plan'; readonly activity: string; readonly title: string }
  | { readonly kind: 'link'; readonly activity: string; readonly objective: string; readonly from: number; readonly weight: number; readonly rationale: string }
  | { readonly kind: 'unlink'; readonly activity: string; readonly objective: string; readonly endedOn: number }
  | { readonly kind: 'reschedule'; readonly activity: string; readonly moved: readonly { readonly objective: string; readonly from: number }[] }
  | { readonly kind: 'complete' | 'cancel'; readonly activity: string; readonly on: number }
  | { readonly kind: 'commit' }
  | { readonly kind: 'wait'; readonly seconds: number };

const activity = fc.constantFrom(...ACTIVITIES);
const objective = fc.constantFrom(...OBJECTIVES);
const dayNumber = fc.integer({ min: 0, max: 27 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('plan' as const), activity, title: fc.constantFrom('Roll-out', 'Pilot', 'Audit', 'Ümlaut “quoted”') }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('link' as const),
      activity,
      objective,
      from: dayNumber,
      weight: fc.constantFrom(1, 2, 0.5, 1 / 3),
      rationale: fc.string({ maxLength: 12 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('unlink' as const), activity, objective, endedOn: dayNumber }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reschedule' as const),
      activity,
      // One move per objective at most, as the decider records them.
      moved: fc.uniqueArray(fc.record({ objective, from: dayNumber }), { selector: (m) => m.objective, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('complete' as const, 'cancel' as const), activity, on: dayNumber }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'commit' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.constantFrom(0, 1, 3600) }) },
);

/** Records the steps, projecting a batch where a step commits one and checking there and at the end. */
const run = (harness: ContributionsHarness, planned: readonly string[], steps: readonly Step[], check: () => void): void => {
  const { feed } = harness;
  // Planned in any order, so that the order of creation and that of ids disagree.
  for (const activityId of planned) plan(feed, activityId);
  for (const s of steps) {
    switch (s.kind) {
      case 'plan':
        plan(feed, s.activity, s.title);
        break;
      case 'link':
        feed.link(s.activity, s.objective, day(s.from), s.weight, s.rationale);
        break;
      case 'unlink':
        feed.unlink(s.activity, s.objective, day(s.endedOn));
        break;
      case 'reschedule':
        feed.reschedule(
          s.activity,
          DATES,
          s.moved.map((m) => ({ objectiveId: m.objective, effectiveFrom: day(m.from), previousEffectiveFrom: DATES.startsOn })),
        );
        break;
      case 'complete':
        feed.complete(s.activity, day(s.on));
        break;
      case 'cancel':
        feed.cancel(s.activity, day(s.on));
        break;
      case 'commit':
        harness.project();
        check();
        break;
      case 'wait': {
        // 0: the next event shares the last one's instant, as events of one append do.
        const last = feed.events[feed.events.length - 1]?.metadata.recordedAt ?? feed.now;
        feed.at(new Date(Date.parse(last) + s.seconds * 1000).toISOString());
        break;
      }
    }
  }
  check();
};

describe('contributions read from rows', () => {
  it('given any plan/link/unlink/reschedule/complete/cancel history, when read, then they equal what the activity views hold', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(ACTIVITIES),
        fc.array(step, { minLength: 1, maxLength: 80, size: 'max' }),
        fc.array(fc.constantFrom(...OBJECTIVES, 'O-unlinked'), { minLength: 1, maxLength: 4 }),
        (planned, steps, asked) => {
          const harness = new ContributionsHarness();
          try {
            run(harness, planned, steps, () => {
              for (const objectiveId of asked) expect(harness.contributionsTo(objectiveId)).toEqual(harness.fromActivityViews(objectiveId));
            });
          } finally {
            harness.close();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
