import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { addDays, dayOf, objectiveDecider, type ObjectiveCommand } from '@throughline/domain';
import { handleCommand, KeyedLock, SqliteEventStore, StateCache, type NewEvent } from '@throughline/event-store';
import { EMPTY_STREAM_HEAD, sealEvents, type StreamHead } from '../../libs/event-store/src/sealed-event';
import { toEventParams } from '../../libs/event-store/src/sqlite/sqlite-rows';
import { migrate } from '../../libs/event-store/src/sqlite/sqlite-schema';
import { elapsedMs, round } from '../support/stats';

export const CONCURRENCY = 64;
/** Streams the single-writer workloads rotate over: enough that no stream grows long. */
const STREAMS = 64;
/**
 * The workloads take turns in slices this long, so a disk whose fsync latency drifts (a shared
 * machine) slows all of them alike and the ratios between them hold.
 */
const SLICE_MS = 250;

export interface AppendResults {
  readonly rawInsertsPerSec: number;
  /** Rows per second in raw durable transactions of CONCURRENCY rows each: the limit for the concurrent figure. */
  readonly rawBatch64InsertsPerSec: number;
  readonly singleCommandsPerSec: number;
  readonly singleAppendsPerSec: number;
  readonly concurrentEventsPerSec: number;
  readonly concurrency: number;
  /** Transactions the store committed while the 64 commands ran: fewer than commands means grouped. */
  readonly concurrentCommits: number;
  readonly concurrentCommands: number;
  /** Failures: appends the peer refused with an error (they count as nothing written). */
  readonly peer: { readonly name: string; readonly appendsPerSec: number; readonly failures: number };
  readonly seconds: number;
}

/** One write workload, run a slice at a time; answers the events a slice wrote and the time it took them. */
interface Workload {
  readonly name: string;
  slice(until: bigint): Promise<{ events: number; ms: number }>;
  close(): Promise<void>;
}

/** Times a slice whose whole duration is the workload's own. */
const timed = async (events: () => Promise<number>): Promise<{ events: number; ms: number }> => {
  const started = process.hrtime.bigint();
  const count = await events();
  return { events: count, ms: elapsedMs(started) };
};

const progressData = (objectiveId: string, i: number) => ({
  objectiveId,
  value: 40 + (i % 50),
  measuredOn: dayOf(new Date().toISOString()),
  note: null,
  recordedAt: new Date().toISOString(),
  recordedBy: 'bench@example.org',
});

const metadata = () => ({ actor: 'bench@example.org', correlationId: randomUUID() });

/**
 * Durable writes on fresh SQLite files with the store's pragmas (WAL, synchronous=FULL), taking
 * turns: raw better-sqlite3 inserts (the limit), our store's single appends, whole commands
 * through the command loop one at a time and 64 at once, and Emmett's SQLite event store.
 */
export async function runAppendPhase(seconds: number, log: (line: string) => void): Promise<AppendResults> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bench-append-'));
  const file = (name: string) => path.join(dir, `${name}.sqlite`);
  const workloads: Workload[] = [];
  try {
    workloads.push(rawInserts(file('raw'), 1));
    workloads.push(rawInserts(file('raw-batch'), CONCURRENCY));
    workloads.push(await singleAppends(file('appends')));
    const single = await commands(file('single'), 1);
    workloads.push(single);
    const concurrent = await commands(file('concurrent'), CONCURRENCY);
    workloads.push(concurrent);
    const peerFailures: string[] = [];
    workloads.push(emmettAppends(file('emmett'), peerFailures));

    const totals = new Map(workloads.map((w) => [w.name, { events: 0, ms: 0 }]));
    const commitsBefore = concurrent.commits();
    for (let round = 0; round * SLICE_MS < seconds * 1000; round += 1) {
      for (const workload of workloads) {
        const { events, ms } = await workload.slice(process.hrtime.bigint() + BigInt(SLICE_MS * 1e6));
        const total = totals.get(workload.name)!;
        total.events += events;
        total.ms += ms;
      }
    }
    const perSec = (name: string) => round(((totals.get(name)!.events) / totals.get(name)!.ms) * 1000);
    const results: AppendResults = {
      rawInsertsPerSec: perSec('raw'),
      rawBatch64InsertsPerSec: perSec('raw-batch'),
      singleAppendsPerSec: perSec('appends'),
      singleCommandsPerSec: perSec('single'),
      concurrentEventsPerSec: perSec('concurrent'),
      concurrency: CONCURRENCY,
      concurrentCommits: concurrent.commits() - commitsBefore,
      concurrentCommands: totals.get('concurrent')!.events,
      peer: { name: '@event-driven-io/emmett-sqlite 0.38.5', appendsPerSec: perSec('emmett'), failures: peerFailures.length },
      seconds,
    };
    log(
      `raw inserts ${results.rawInsertsPerSec}/s, raw ${CONCURRENCY}-row transactions ${results.rawBatch64InsertsPerSec} rows/s, single appends ${results.singleAppendsPerSec}/s, single commands ${results.singleCommandsPerSec}/s, ` +
        `${CONCURRENCY} concurrent commands ${results.concurrentEventsPerSec} events/s in ${results.concurrentCommits} commits, Emmett ${results.peer.appendsPerSec}/s`,
    );
    return results;
  } finally {
    for (const workload of workloads) await workload.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * INSERTs into the store's own schema in durable transactions of `rowsPerTransaction` rows (1: each
 * row its own). Rows are sealed (hashed) ahead of the clock, so only the write is timed.
 */
function rawInserts(file: string, rowsPerTransaction: number): Workload {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db);
  const insert = db.prepare(
    `INSERT INTO events (id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, prev_hash)
     VALUES (@id, @stream_id, @revision, @type, @schema_version, @data, @metadata, @recorded_at, @hash, @prev_hash)`,
  );
  const insertAll = db.transaction((rows: readonly ReturnType<typeof toEventParams>[]) => {
    for (const row of rows) insert.run(row);
  });
  const heads = new Map<string, StreamHead>();
  let sealed = 0;
  const nextRow = () => {
    const streamId = `objective-${(sealed++ % STREAMS).toString().padStart(8, '0')}-0000-4000-8000-000000000000`;
    const head = heads.get(streamId) ?? EMPTY_STREAM_HEAD;
    const [event] = sealEvents(streamId, [{ type: 'ProgressRecorded', data: progressData(streamId, sealed), metadata: metadata() }], head, new Date().toISOString());
    heads.set(streamId, { revision: event!.revision, hash: event!.hash });
    return toEventParams(event!);
  };
  // A whole number of transactions of sealed rows at a time.
  const rowsAhead = Math.max(1, Math.round(200 / rowsPerTransaction)) * rowsPerTransaction;
  let rows = Array.from({ length: rowsAhead }, nextRow);
  return {
    name: rowsPerTransaction === 1 ? 'raw' : 'raw-batch',
    slice: async (until) => {
      let events = 0;
      let ms = 0;
      while (process.hrtime.bigint() < until) {
        const started = process.hrtime.bigint();
        if (rowsPerTransaction === 1) for (const row of rows) insert.run(row);
        else for (let i = 0; i < rows.length; i += rowsPerTransaction) insertAll(rows.slice(i, i + rowsPerTransaction));
        ms += elapsedMs(started);
        events += rows.length;
        // Sealing the next rows is not the insert's cost: it stays off the clock.
        const paused = process.hrtime.bigint();
        rows = Array.from({ length: rowsAhead }, nextRow);
        until += process.hrtime.bigint() - paused;
      }
      return { events, ms };
    },
    close: async () => {
      db.close();
    },
  };
}

/** Our store's append, one event at a time, awaited: no command, no fold. */
async function singleAppends(file: string): Promise<Workload> {
  const store = new SqliteEventStore({ file });
  const streams = Array.from({ length: STREAMS }, () => ({ id: `objective-${randomUUID()}`, revision: -1 }));
  let i = 0;
  return {
    name: 'appends',
    slice: (until) => timed(async () => {
      let count = 0;
      while (process.hrtime.bigint() < until) {
        const stream = streams[i++ % STREAMS]!;
        const event: NewEvent = { type: 'ProgressRecorded', data: progressData(stream.id, i), metadata: metadata() };
        const result = await store.append(stream.id, [event], stream.revision === -1 ? 'no_stream' : stream.revision);
        stream.revision = result.nextRevision;
        count += 1;
      }
      return count;
    }),
    close: () => store.close(),
  };
}

/**
 * RecordProgress through the command loop the API runs (lock, cached fold, decide, append at the
 * revision read), by `writers` concurrent clients, each on its own objective.
 */
async function commands(file: string, writers: number): Promise<Workload & { commits(): number }> {
  const store = new SqliteEventStore({ file });
  const cache = new StateCache();
  const lock = new KeyedLock();
  const run = (streamId: string, command: ObjectiveCommand) => {
    const now = new Date().toISOString();
    return handleCommand(
      store,
      objectiveDecider,
      { streamId, command, context: { now, today: dayOf(now), actor: 'bench@example.org' }, metadata: metadata() },
      { cache, lock },
    );
  };
  const today = dayOf(new Date().toISOString());
  const objectives = Array.from({ length: Math.max(writers, STREAMS) }, () => randomUUID());
  await Promise.all(
    objectives.map((objectiveId) =>
      run(`objective-${objectiveId}`, {
        type: 'DefineObjective',
        objectiveId,
        pmoId: randomUUID(),
        title: 'On-time delivery',
        description: null,
        metric: { name: 'Projects on time', unit: '%', baseline: 40, target: 80 },
        startsOn: addDays(today, -30),
        dueOn: addDays(today, 300),
        owner: 'bench@example.org',
      }),
    ),
  );
  let issued = 0;
  // Writer w works on objectives w, w + writers, ...: with as many objectives as writers, each
  // client keeps its own (no client waits on another's stream), and one writer rotates over all.
  const turns = Array.from({ length: writers }, (_, w) => w);
  const writer = async (w: number, until: bigint) => {
    let events = 0;
    while (process.hrtime.bigint() < until) {
      const objectiveId = objectives[turns[w]! % objectives.length]!;
      turns[w] = turns[w]! + writers;
      const { appended } = await run(`objective-${objectiveId}`, { type: 'RecordProgress', objectiveId, value: 40 + (issued++ % 50), measuredOn: today, note: null });
      events += appended;
    }
    return events;
  };
  return {
    name: writers === 1 ? 'single' : 'concurrent',
    slice: (until) => timed(async () => (await Promise.all(Array.from({ length: writers }, (_, w) => writer(w, until)))).reduce((a, b) => a + b, 0)),
    commits: () => store.stats.commits,
    close: () => store.close(),
  };
}

/**
 * The peer: Emmett's SQLite event store (node-sqlite3, WAL; its connection's synchronous is the
 * SQLite default, FULL), appending the same event one at a time with an expected version.
 */
function emmettAppends(file: string, failures: string[]): Workload {
  const store = getSQLiteEventStore({ fileName: file });
  const streams = Array.from({ length: STREAMS }, () => ({ id: `objective-${randomUUID()}`, version: 0n }));
  let i = 0;
  return {
    name: 'emmett',
    slice: (until) => timed(async () => {
      let count = 0;
      while (process.hrtime.bigint() < until) {
        const stream = streams[i++ % STREAMS]!;
        try {
          const result = await store.appendToStream(
            stream.id,
            [{ type: 'ProgressRecorded', data: progressData(stream.id, i), metadata: metadata() }],
            { expectedStreamVersion: stream.version === 0n ? STREAM_DOES_NOT_EXIST : stream.version },
          );
          stream.version = result.nextExpectedStreamVersion;
          count += 1;
        } catch (error) {
          // It now and then fails a commit with SQLITE_BUSY ("SQL statements in progress"): count
          // it, learn where the stream stands, and go on.
          failures.push((error as Error).message);
          stream.version = (await store.readStream(stream.id)).currentStreamVersion;
        }
      }
      return count;
    }),
    // Emmett opens and closes its connection around every call on a file database.
    close: async () => undefined,
  };
}
