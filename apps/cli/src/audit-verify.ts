import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, StoreVerifier, type IntegrityReport, type StreamHead } from '@throughline/event-store';
import { AuditLogReader } from '@throughline/read-models';
import { isEntityId, loadConfig, EVENTS_FILE, READ_MODELS_FILE } from '@throughline/runtime';
import { fail, parseCommandLine } from './cli-args';

const USAGE = `Checks the hash chain of every stored event in this data directory (PMO_DATA_DIR, default ./data)
against the bytes in the file, and prints a summary: what was checked and every problem found.

usage: npm run audit:verify [-- [--pmo <id>] [--known-heads <file>] [--json] [--verbose]]

  --pmo          only the streams of this PMO (its own, its objectives, plans, activities, work entries)
  --known-heads  a report saved earlier with --json (or a JSON list of {streamId, revision, hash}):
                 each kept head must still be the event at its revision
  --json         print the whole report as JSON, each stream's head hash included (keep it for --known-heads)
  --verbose      also print each stream's head hash

exit status: 0 no problem found, 1 problems found, 2 the check could not run`;

async function main(): Promise<number> {
  const args = parseCommandLine(
    {
      pmo: { type: 'string' },
      'known-heads': { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.pmo !== undefined && !isEntityId(args.pmo)) fail(`--pmo ${args.pmo} is not a PMO id`, USAGE);
  const pmoId = args.pmo?.toLowerCase() ?? null;
  const knownHeads = args['known-heads'] === undefined ? [] : readKnownHeads(args['known-heads']);

  const config = loadConfig();
  if (config.eventStore !== 'sqlite') fail(`PMO_EVENT_STORE=${config.eventStore} keeps no events to verify`);
  const file = path.join(config.dataDir, EVENTS_FILE);
  // Opening a missing file would create an empty store, which verifies perfectly and proves nothing.
  if (!fs.existsSync(file)) fail(`no event store at ${file}`);

  const store = new SqliteEventStore({ file });
  try {
    const total = pmoId === null ? Number((await store.headPosition()) ?? 0n) : null;
    const verifier = new StoreVerifier(store, { onProgress: progressLine(total) });
    const report = pmoId === null ? await verifier.verifyAll(knownHeads) : await verifier.verifyStreams(await streamsOfPmo(config.dataDir, pmoId, store), knownHeads);
    console.log(args.json ? JSON.stringify({ pmoId, ...report }, null, 2) : describe(report, pmoId, file, args.verbose));
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

/**
 * A PMO's streams as the service's audit log attributes them, read from the read-model file
 * without writing to it. The attribution only picks streams; each is verified from its first
 * stored event. Streams created after the read model's last event are not attributed yet: say so.
 */
async function streamsOfPmo(dataDir: string, pmoId: string, store: SqliteEventStore): Promise<string[]> {
  const file = path.join(dataDir, READ_MODELS_FILE);
  if (!fs.existsSync(file)) fail(`no read models at ${file} to tell a PMO's streams: start the service once, or run without --pmo`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const log = new AuditLogReader(db, store);
    const streams = log.streamsOf(pmoId);
    if (streams.length === 0) fail(`PMO ${pmoId} is not in the audit log of ${dataDir}`);
    const [seen, head] = [log.lastPosition(), await store.headPosition()];
    if (head !== null && (seen === null || seen < head)) {
      console.error(
        `warning: the read models end at position ${seen ?? 0} and the store at ${head}: streams created since are not attributed ` +
          'to any PMO yet and were not checked; run without --pmo to check every stream',
      );
    }
    return [...streams, ...log.unattributedStreams()];
  } catch (error) {
    fail(`cannot read the audit log in ${file}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

/** How often a long check says how far it has got, on standard error so the report stays clean. */
const PROGRESS_EVERY_MS = 2000;

function progressLine(total: number | null): (checked: number) => void {
  let last = Date.now();
  return (checked) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    const share = total ? ` of about ${total} (${Math.min(100, Math.floor((checked / total) * 100))}%)` : '';
    console.error(`checked ${checked} events${share}...`);
  };
}

/** Heads from an earlier `--json` report, or a bare list of them. */
function readKnownHeads(file: string): StreamHead[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`--known-heads ${file}: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { streams?: unknown } | null)?.streams;
  const isHead = (head: unknown): head is StreamHead => {
    const { streamId, revision, hash } = (head ?? {}) as Partial<StreamHead>;
    return typeof streamId === 'string' && Number.isInteger(revision) && (revision as number) >= 0 && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash);
  };
  if (!Array.isArray(list)) fail(`--known-heads ${file} holds neither a report with "streams" nor a list of heads`);
  const bad = list.findIndex((head) => !isHead(head));
  if (bad >= 0) fail(`--known-heads ${file}: entry ${bad} is not {streamId, revision, hash (64 hex digits)}`);
  return list as StreamHead[];
}

function describe(report: IntegrityReport, pmoId: string | null, file: string, verbose: boolean): string {
  const scope = pmoId === null ? `every stream in ${file}` : `the streams of PMO ${pmoId} in ${file}`;
  const lines = [`checked ${report.checkedEvents} events in ${report.streams.length} streams: ${scope}`];
  if (report.ok) {
    lines.push('no problem found');
  } else {
    lines.push(`${report.problemCount} problem${report.problemCount === 1 ? '' : 's'} found:`);
    for (const { streamId, revision, problem } of report.problems) lines.push(`  ${streamId} revision ${revision}: ${problem}`);
    if (report.problemCount > report.problems.length) lines.push(`  ... and ${report.problemCount - report.problems.length} more`);
  }
  if (!verbose) {
    lines.push('keep the stream heads (--json > heads.json): a later check with --known-heads heads.json proves nothing up to them changed');
    return lines.join('\n');
  }
  lines.push('', 'stream heads (keep them: a later check with --known-heads proves nothing up to them changed):');
  for (const { streamId, revision, hash } of report.streams) lines.push(`  ${streamId} revision ${revision} ${hash}`);
  return lines.join('\n');
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => fail(`audit:verify: ${(error as Error).message}`),
);
