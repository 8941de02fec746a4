import fc from 'fast-check';
import { addDays } from '@throughline/domain';
import { AlignmentHarness } from './alignment-harness.fixture';
import { referenceAlignment } from './alignment.reference.fixture';
import type { Granularity } from './alignment.buckets';

const PMOS = ['pmo-1', 'pmo-2'];
/** A1–A3 in the first PMO, A4 in the second. */
const ACTIVITIES = ['A1', 'A2', 'A3', 'A4'];
const pmoOf = (activity: string) => (activity === 'A4' ? PMOS[1] : PMOS[0]) as string;
/** O1–O3 defined at the start, O4 only when a step defines it (links may name it before). */
const OBJECTIVES = ['O1', 'O2', 'O3', 'O4'];
/** The days work is logged on: `days` from `first`. */
interface Calendar {
  readonly first: string;
  readonly days: number;
}
/** Three weeks from Thursday 2026-01-22, across a month end, with partial weeks at both ends. */
const THREE_WEEKS: Calendar = { first: '2026-01-22', days: 21 };
/** Six whole weeks from Monday 2026-01-26, holding the whole of February: reports now read whole periods too. */
const SIX_WEEKS: Calendar = { first: '2026-01-26', days: 42 };
const dayIn = (calendar: Calendar) => (n: number) => addDays(calendar.first, n);

type Step =
  | { readonly kind: 'log'; readonly activity: string | null; readonly pmo: number; readonly day: number; readonly hours: number }
  | { readonly kind: 'correct'; readonly entry: number; readonly day: number | null; readonly hours: number | null; readonly activity: string | null | undefined }
  | { readonly kind: 'retract'; readonly entry: number }
  | { readonly kind: 'link'; readonly activity: string; readonly objective: string; readonly from: number; readonly weight: number }
  | { readonly kind: 'unlink'; readonly activity: string; readonly objective: string; readonly endedOn: number }
  | { readonly kind: 'move'; readonly activity: string; readonly objective: string; readonly from: number }
  | { readonly kind: 'close'; readonly objective: string; readonly closedOn: number }
  | { readonly kind: 'define'; readonly objective: string }
  // A batch boundary, and recorded time moving on (or not: events of one append share an instant).
  | { readonly kind: 'commit' }
  | { readonly kind: 'wait'; readonly seconds: number };

// Thirds and tenths as well as halves: a group's hours are summed before they are rounded.
const hours = fc.constantFrom(0.1, 0.2, 1 / 3, 0.5, 1, 1.5, 2.7, 4, 7.25, 8);
const activity = fc.constantFrom(...ACTIVITIES);
const objective = fc.constantFrom(...OBJECTIVES);
const dayNumber = (calendar: Calendar) => fc.integer({ min: 0, max: calendar.days - 1 });
const stepIn = (calendar: Calendar): fc.Arbitrary<Step> => {
  const day = dayNumber(calendar);
  return fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant('log' as const), activity: fc.option(activity, { freq: 5 }), pmo: fc.nat(1), day, hours }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('correct' as const),
      entry: fc.nat(),
      day: fc.option(day),
      hours: fc.option(hours),
      activity: fc.oneof(fc.constant(undefined), fc.option(activity)),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retract' as const), entry: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('link' as const), activity, objective, from: day, weight: fc.constantFrom(1, 2, 3, 0.5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unlink' as const), activity, objective, endedOn: day }) },
  // The links the run starts with, mostly, which a random pair would seldom hit.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(['A1', 'O1'], ['A2', 'O2'], ['A2', 'O3'], ['A3', 'O1']), day)
      .map(([[activity, objective], from]) => ({ kind: 'move' as const, activity: activity as string, objective: objective as string, from })),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), objective, closedOn: day }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('define' as const), objective: fc.constant('O4') }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'commit' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), seconds: fc.constantFrom(0, 1, 3600, 86_400) }) },
  );
};

interface Entry {
  readonly id: string;
  readonly pmoId: string;
  retracted: boolean;
}

/** Runs the steps through the feed, committing a batch where a step says so; answers every instant recorded. */
const run = (harness: AlignmentHarness, steps: readonly Step[], calendar: Calendar): string[] => {
  const { feed } = harness;
  const dayOf = dayIn(calendar);
  const FIRST_DAY = calendar.first;
  const DAYS = calendar.days;
  feed.at('2026-01-01T08:00:00.000Z');
  for (const id of OBJECTIVES.slice(0, 3)) feed.objective(id, PMOS[0] as string);
  for (const id of ACTIVITIES) feed.activity(id, { pmoId: pmoOf(id), startsOn: FIRST_DAY, endsOn: dayOf(DAYS) });
  feed.link('A1', 'O1', FIRST_DAY);
  feed.link('A2', 'O2', FIRST_DAY, 1);
  feed.link('A2', 'O3', FIRST_DAY, 3);
  const entries: Entry[] = [];
  const last = () => feed.events[feed.events.length - 1]?.metadata.recordedAt as string;
  const instants = new Set<string>([last()]);
  for (const s of steps) {
    switch (s.kind) {
      case 'log': {
        const id = `w${entries.length}`;
        const pmoId = s.activity === null ? (PMOS[s.pmo] as string) : pmoOf(s.activity);
        feed.log(id, { pmoId, workedOn: dayOf(s.day), hours: s.hours, activityId: s.activity });
        entries.push({ id, pmoId, retracted: false });
        break;
      }
      case 'correct': {
        const entry = entries[s.entry % Math.max(entries.length, 1)];
        if (!entry || entry.retracted) continue;
        // The deciders keep an entry on an activity of its own PMO.
        const activityId = s.activity === null || (s.activity !== undefined && pmoOf(s.activity) === entry.pmoId) ? s.activity : undefined;
        const changes = {
          ...(s.day === null ? {} : { workedOn: dayOf(s.day) }),
          ...(s.hours === null ? {} : { hours: s.hours }),
          ...(activityId === undefined ? {} : { activityId }),
        };
        if (Object.keys(changes).length === 0) continue;
        feed.correct(entry.id, changes);
        break;
      }
      case 'retract': {
        const entry = entries[s.entry % Math.max(entries.length, 1)];
        if (!entry || entry.retracted) continue;
        feed.retract(entry.id);
        entry.retracted = true;
        break;
      }
      case 'link':
        feed.link(s.activity, s.objective, dayOf(s.from), s.weight);
        break;
      case 'unlink':
        feed.unlink(s.activity, s.objective, dayOf(s.endedOn));
        break;
      case 'move':
        feed.reschedule(
          s.activity,
          { startsOn: FIRST_DAY, endsOn: dayOf(DAYS), previousStartsOn: FIRST_DAY, previousEndsOn: dayOf(DAYS) },
          [{ objectiveId: s.objective, effectiveFrom: dayOf(s.from), previousEffectiveFrom: FIRST_DAY }],
        );
        break;
      case 'close':
        feed.closeObjective(s.objective, dayOf(s.closedOn));
        break;
      case 'define':
        feed.objective(s.objective, PMOS[0] as string);
        break;
      case 'commit':
        harness.project();
        continue;
      case 'wait':
        // 0: the next event shares the last one's instant, as events of one append do.
        feed.at(new Date(Date.parse(last()) + s.seconds * 1000).toISOString());
        continue;
    }
    instants.add(last());
  }
  harness.project();
  return [...instants];
};

const granularities: (Granularity | null)[] = ['WEEK', 'MONTH', null];

describe.each([
  ['three weeks', THREE_WEEKS, 150],
  ['six weeks', SIX_WEEKS, 100],
])('credited hours kept per day and per period, over %s', (_, calendar, numRuns) => {
  const dayOf = dayIn(calendar);
  const DAYS = calendar.days;
  it('answer every report exactly as crediting each entry does, and the window totals alike, now and as of any instant', () => {
    fc.assert(
      fc.property(
        fc.array(stepIn(calendar), { minLength: 1, maxLength: 120 }),
        fc.array(fc.tuple(dayNumber(calendar), dayNumber(calendar)), { maxLength: 2 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (steps, windows, picks) => {
          const harness = new AlignmentHarness();
          try {
            const instants = run(harness, steps, calendar);
            // Exactly at recorded instants, a millisecond before them, and before anything was recorded.
            const asOfs: (string | null)[] = [null, '2025-12-31T00:00:00.000Z'];
            for (const pick of picks) {
              const instant = instants[pick % instants.length] as string;
              asOfs.push(instant, new Date(Date.parse(instant) - 1).toISOString());
            }
            for (const [a, b] of [[0, DAYS - 1] as const, ...windows]) {
              const [from, to] = [dayOf(Math.min(a, b)), dayOf(Math.max(a, b))];
              for (const granularity of granularities) {
                for (const pmoId of PMOS) {
                  const params = { pmoId, from, to, granularity, today: to };
                  for (const asOf of asOfs) {
                    const report = harness.read.alignment(params, asOf);
                    expect(report).toEqual(referenceAlignment(harness.db.connection, params, asOf));
                    // The organisation's summary reads only the day accounts: the same totals.
                    const { totalHours, alignedHours, alignedShare } = report;
                    expect(harness.read.windowTotals([pmoId], from, to, asOf)).toEqual([{ totalHours, alignedHours, alignedShare }]);
                  }
                }
              }
            }
          } finally {
            harness.close();
          }
        },
      ),
      { numRuns },
    );
  });
});
