import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { READ_MODELS_FILE } from '@throughline/runtime';
import { ROOT } from '../support/service';
import { elapsedMs, round } from '../support/stats';
import { measureWriteFloor } from '../support/write-floor';

export interface RebuildResults {
  readonly events: number;
  readonly eventsPerSec: number;
  readonly rawScanPerSec: number;
  /** Raw rows with data and metadata JSON-parsed: what any reader of the feed must do at least. */
  readonly rawScanParsedPerSec: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  readonly seconds: number;
  /**
   * The rebuilt read models' rows and indexes written afresh, with no event read and no journal or
   * fsync (support/write-floor.ts), in the store's events a second: the most any rebuild writing
   * these read models could reach. `writeFloorRows` rows, `writeFloorMb` of file.
   */
  readonly writeFloorPerSec: number;
  readonly writeFloorSeconds: number;
  readonly writeFloorRows: number;
  readonly writeFloorMb: number;
}

const CHILD = path.join(ROOT, 'dist/bench/phases/rebuild-child.js');

/**
 * Reads every event with raw better-sqlite3 (the limit), then rebuilds all read models in a child
 * process running the build, the way an operator's `npm run projections:rebuild` would, then
 * writes what it built afresh (the floor).
 */
export function runRebuildPhase(dataDir: string, options: { cpuProfileDir?: string } = {}): RebuildResults {
  const file = path.join(dataDir, 'events.sqlite');
  // The first pass warms the page cache the rebuild will also find warm.
  rawScan(file, false);
  const raw = rawScan(file, false);
  const parsed = rawScan(file, true);

  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const output = execFileSync(process.execPath, [...profile, CHILD], {
    cwd: ROOT,
    env: { ...process.env, PMO_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const child = JSON.parse(output.trim().split('\n').pop() as string) as { events: number; ms: number; peakRssMb: number; peakHeapMb: number };
  if (child.events !== raw.rows) throw new Error(`the rebuild applied ${child.events} events; the store holds ${raw.rows}`);
  const floor = measureWriteFloor(path.join(dataDir, READ_MODELS_FILE), path.join(dataDir, 'write-floor.sqlite'));
  return {
    events: child.events,
    eventsPerSec: round((child.events / child.ms) * 1000),
    rawScanPerSec: round(raw.perSec),
    rawScanParsedPerSec: round(parsed.perSec),
    peakRssMb: round(child.peakRssMb),
    peakHeapMb: round(child.peakHeapMb),
    seconds: round(child.ms / 1000),
    writeFloorPerSec: round((child.events / floor.ms) * 1000),
    writeFloorSeconds: round(floor.ms / 1000),
    writeFloorRows: floor.rows,
    writeFloorMb: round(floor.bytes / 2 ** 20),
  };
}

/** Every column of every event in position order, as the store's feed query reads them. */
function rawScan(file: string, parse: boolean): { rows: number; perSec: number } {
  const db = new Database(file, { readonly: true });
  try {
    const statement = db
      .prepare('SELECT position, id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash, prev_hash FROM events ORDER BY position')
      .safeIntegers(true);
    const started = process.hrtime.bigint();
    let rows = 0;
    let bytes = 0;
    for (const row of statement.iterate() as IterableIterator<{ data: string; metadata: string }>) {
      rows += 1;
      if (parse) bytes += Object.keys(JSON.parse(row.data)).length + Object.keys(JSON.parse(row.metadata)).length;
      else bytes += row.data.length;
    }
    const ms = elapsedMs(started);
    if (bytes < 0) throw new Error('unreachable'); // keeps the reads from being optimised away
    return { rows, perSec: (rows / ms) * 1000 };
  } finally {
    db.close();
  }
}
