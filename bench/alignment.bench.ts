/**
 * Times AlignmentReader.alignment over a year of a 50-person PMO's work, projected by the real
 * AlignmentProjection into a read-model file. Not a test: run it with
 *
 *   node -r @swc-node/register bench/alignment.bench.ts [--people 50] [--runs 10]
 *
 * and it prints one JSON line. `--people 800` makes about a million events, to time a rebuild.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';
import { AlignmentProjection, AlignmentReader, ReadModelDb } from '@throughline/read-models';
import { AlignmentFeed } from '../libs/read-models/src/alignment/alignment-feed.fixture';
import { mulberry32, uuidFrom } from './support/random';

export interface AlignmentWorkload {
  readonly events: RecordedEvent[];
  readonly pmoId: string;
  readonly from: string;
  readonly to: string;
  /** Work entries logged (corrections and retractions are extra events on them). */
  readonly entries: number;
  /** An instant in the middle of the year, for questions as of it. */
  readonly midYear: string;
}

export interface AlignmentWorkloadOptions {
  readonly people?: number;
  readonly activities?: number;
  readonly objectives?: number;
  readonly year?: number;
  readonly seed?: number;
}

/**
 * A year of daily work for one PMO: every person logs 4 or 5 entries each weekday, mostly on a few
 * activities of their own, 5% on none. About 3% of entries are corrected the next morning (hours,
 * day or activity) and 1% retracted. Along the year links are made today and backdated, ended, and
 * moved by a reschedule, and one objective is closed mid-year, so every branch of the rule is
 * exercised. Events come in recorded order, as a store would hand them to the projector.
 */
export const generateAlignmentWorkload = (options: AlignmentWorkloadOptions = {}): AlignmentWorkload => {
  const people = options.people ?? 50;
  const activityCount = options.activities ?? 20;
  const objectiveCount = options.objectives ?? 8;
  const year = options.year ?? 2025;
  const random = mulberry32(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const uuid = uuidFrom(random);

  const pmoId = uuid();
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const feed = new AlignmentFeed(`${year - 1}-12-15T09:00:00.000Z`);

  const objectives = Array.from({ length: objectiveCount }, () => uuid());
  const activities = Array.from({ length: activityCount }, () => uuid());
  for (const objective of objectives) feed.objective(objective, pmoId);
  activities.forEach((activity, i) => {
    const startsOn = i % 4 === 0 ? `${year}-03-01` : from;
    feed.activity(activity, { pmoId, startsOn, endsOn: to });
    // Every fifth activity serves nothing; others serve one objective, or two at 1:3.
    if (i % 5 === 4) return;
    feed.link(activity, objectives[i % objectiveCount] as string, startsOn, 1);
    if (i % 3 === 0) feed.link(activity, objectives[(i + 1) % objectiveCount] as string, startsOn, 3);
  });

  const persons = Array.from({ length: people }, (_, i) => `person${i}@pmo.example`);
  const homeActivities = persons.map(() => [pick(activities), pick(activities), pick(activities)]);
  const logged: { id: string; workedOn: string }[] = [];
  let entries = 0;
  let midYear = '';

  for (let day = from; day <= to; day = addDays(day, 1)) {
    // Corrections and retractions of yesterday's entries, recorded in the morning.
    feed.at(`${day}T08:00:00.000Z`);
    for (const entry of logged.splice(0)) {
      const roll = random();
      if (roll < 0.01) feed.retract(entry.id);
      else if (roll < 0.02) feed.correct(entry.id, { hours: pick([0.5, 1, 1.5]) });
      else if (roll < 0.03) feed.correct(entry.id, { workedOn: addDays(entry.workedOn, -1) });
      else if (roll < 0.04) feed.correct(entry.id, { activityId: pick(activities) });
    }
    structuralChanges(feed, day, { year, activities, objectives });
    if (day === `${year}-07-01`) midYear = feed.now;

    const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    feed.at(`${day}T17:00:00.000Z`);
    persons.forEach((person, p) => {
      const count = random() < 0.33 ? 4 : 5;
      for (let k = 0; k < count; k += 1) {
        const id = uuid();
        entries += 1;
        const activityId = random() < 0.05 ? null : pick(homeActivities[p] as string[]);
        feed.log(id, { pmoId, person, workedOn: day, hours: pick([0.5, 1, 1.5, 2, 2.5]), activityId });
        logged.push({ id, workedOn: day });
      }
    });
  }
  return { events: feed.events, pmoId, from, to, entries, midYear };
};

/** A few dated changes of links and objectives, so the crediting rule meets each of its cases. */
const structuralChanges = (
  feed: AlignmentFeed,
  day: string,
  { year, activities, objectives }: { year: number; activities: string[]; objectives: string[] },
): void => {
  const a = (i: number) => activities[i] as string;
  const o = (i: number) => objectives[i] as string;
  switch (day.slice(5)) {
    case '02-10': // a link made today: earlier work on this activity stays unaligned
      feed.link(a(4), o(7), day);
      break;
    case '04-01': // a backdated link: re-credits the first quarter's work
      feed.link(a(9), o(6), `${year}-01-01`, 2);
      break;
    case '05-15':
      feed.unlink(a(1), o(1), day);
      break;
    case '06-30': // closed mid-year: later work on its activities is no longer aligned
      feed.closeObjective(o(2), day, 'ACHIEVED');
      break;
    case '08-01': // the March starters move to February and take their links along
      for (const i of [0, 8]) {
        const [february, march, end] = [`${year}-02-01`, `${year}-03-01`, `${year}-12-31`];
        feed.reschedule(
          a(i),
          { startsOn: february, endsOn: end, previousStartsOn: march, previousEndsOn: end },
          [{ objectiveId: o(i % objectives.length), effectiveFrom: february, previousEffectiveFrom: march }],
        );
      }
      break;
    case '10-01':
      feed.complete(a(12), day);
      feed.cancel(a(14), day);
      break;
  }
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number) => sorted[index] as number;
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
};

const round = (ms: number) => Math.round(ms * 100) / 100;

const time = (run: () => void): number => {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};

export interface AlignmentInProcess {
  readonly entries: number;
  readonly events: number;
  readonly weekMs: number;
  readonly monthMs: number;
  readonly p50: number;
  readonly max: number;
  readonly asOfWeekMs: number;
  readonly runs: number;
  readonly generateMs: number;
  readonly rebuildMs: number;
  readonly rebuildEventsPerSecond: number;
  readonly totalHours: number;
  readonly alignedShare: number;
}

/** Projects the workload into a fresh read-model file and times the report on it, warm. */
export const runAlignmentInProcess = (people: number, runs: number): AlignmentInProcess => {
  let workload: AlignmentWorkload | undefined;
  const generateMs = time(() => {
    workload = generateAlignmentWorkload({ people });
  });
  const { events, pmoId, from, to, entries, midYear } = workload as AlignmentWorkload;

  const dir = mkdtempSync(join(tmpdir(), 'alignment-bench-'));
  const db = ReadModelDb.open(join(dir, 'read-models.sqlite'));
  try {
    const projection = new AlignmentProjection();
    db.ensureSchema([projection]);
    // Batches of 1000 in one transaction each, as the projector commits them.
    const rebuildMs = time(() => {
      for (let i = 0; i < events.length; i += 1000) {
        const batch = events.slice(i, i + 1000);
        try {
          db.transaction(() => {
            batch.forEach((event) => projection.apply(event, db.connection));
            projection.flush(db.connection);
          });
        } finally {
          projection.endBatch();
        }
      }
    });

    const reader = new AlignmentReader(db);
    // Each run a window of its own (the year, its start and end moved by up to four weeks), as
    // the GraphQL phase asks: the same question again would time nothing but a repeat.
    const measure = (granularity: 'WEEK' | 'MONTH', asOf?: string) => {
      const params = (k: number) => ({ pmoId, from: addDays(from, k % 28), to: addDays(to, -(Math.floor(k / 28) % 28)), granularity, today: to });
      reader.alignment(params(0), asOf); // warm: statements prepared, pages cached
      return Array.from({ length: runs }, (_, k) => time(() => reader.alignment(params(k + 1), asOf)));
    };
    const week = measure('WEEK');
    const month = measure('MONTH');
    const asOfWeek = measure('WEEK', midYear);
    const all = [...week, ...month];
    const report = reader.alignment({ pmoId, from, to, granularity: 'MONTH', today: to });

    return {
      entries,
      events: events.length,
      weekMs: round(median(week)),
      monthMs: round(median(month)),
      p50: round(median(all)),
      max: round(Math.max(...all)),
      asOfWeekMs: round(median(asOfWeek)),
      runs,
      generateMs: Math.round(generateMs),
      rebuildMs: Math.round(rebuildMs),
      rebuildEventsPerSecond: Math.round(events.length / (rebuildMs / 1000)),
      totalHours: report.totalHours,
      alignedShare: Math.round(report.alignedShare * 1000) / 1000,
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

if (require.main === module) console.log(JSON.stringify(runAlignmentInProcess(argument('people', 50), argument('runs', 10))));
