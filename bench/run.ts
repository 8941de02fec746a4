/**
 * The benchmark, every figure in one run on this machine:
 *
 *   npm run bench                 full: a 1,000,000-event store (about 10 minutes on 2 cores)
 *   npm run bench -- --quick      the same phases on a 125,000-event store (under 5 minutes)
 *
 * Options for trying things out: --events N (store size), --seconds S (each timed load),
 * --out DIR (results directory, default bench/results), --keep (keep the data directory),
 * --profile DIR (CPU profiles of the rebuild and of the service under load).
 * Writes DIR/latest.json and latest.md, moves the previous run to DIR/history/, and prints the
 * change since the last run of the same mode. What each phase measures: bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { addDays } from '@throughline/domain';
import { runAlignmentInProcess } from './alignment.bench';
import { addMeasuredObjectives, measureAsOf } from './phases/as-of.phase';
import { runAppendPhase } from './phases/append.phase';
import { runGraphqlPhase } from './phases/graphql.phase';
import { measureNetworkAtScale } from './phases/network.phase';
import { measureSupport } from './phases/support.phase';
import { measureInsights } from './phases/insights.phase';
import { measureLive } from './phases/live.phase';
import { measureOrganisationSummary } from './phases/leadership.phase';
import { measureCompliance, measureComplianceAtScale } from './phases/organisation.phase';
import { runRebuildPhase } from './phases/rebuild.phase';
import { compare, previousRun, saveResults } from './report/history';
import { evaluateTargets, type BenchResults } from './report/results';
import { seedDataDir } from './seed/seed';
import { FULL, QUICK, type BenchSettings } from './settings';
import { describeMachine, gitRevision } from './support/machine';
import { ROOT, ServiceUnderTest } from './support/service';
import { elapsedMs, median, round } from './support/stats';

const started = process.hrtime.bigint();
const log = (line: string) => console.log(`[${(elapsedMs(started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      events: { type: 'string' },
      seconds: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
      profile: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const base = values.quick ? QUICK : FULL;
  const whole = (flag: string, raw: string | undefined, min: number): number | undefined => {
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${flag} must be a whole number of at least ${min}, got "${raw}"`);
    return value;
  };
  const events = whole('events', values.events, 20_000);
  const seconds = whole('seconds', values.seconds, 1);
  const settings: BenchSettings = {
    ...base,
    ...(events ? { storeEvents: events } : {}),
    ...(seconds ? { appendSeconds: seconds, graphql: { ...base.graphql, seconds } } : {}),
  };
  const flags = process.argv.slice(2).join(' ');
  return {
    settings,
    command: `npm run bench${flags ? ` -- ${flags}` : ''}`,
    out: path.resolve(values.out ?? path.join(ROOT, 'bench/results')),
    keep: values.keep,
    profileDir: values.profile ? path.resolve(values.profile) : undefined,
  };
}

/** Compiles and bundles the service the way `npm run build` does, and the benchmark's child script. */
function build(): void {
  execFileSync(path.join(ROOT, 'node_modules/.bin/swc'), ['apps', 'libs', 'bench', '--out-dir', 'dist', '--config-file', '.swcrc', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(ROOT, 'tools/bundle-service.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

async function main(): Promise<void> {
  const { settings, command, out, keep, profileDir } = options();
  const sqliteVersion = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const machine = describeMachine(sqliteVersion);
  const revision = gitRevision(ROOT);
  log(`${settings.mode} run on ${machine.cpu} × ${machine.cores}, Node ${machine.node}, commit ${revision.commit}${revision.dirty ? ' (uncommitted changes)' : ''}`);
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });

  build();
  log('built');
  const append = await runAppendPhase(settings.appendSeconds, (line) => log(`append: ${line}`));

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bench-data-'));
  let service: ServiceUnderTest | null = null;
  try {
    const year = new Date().getUTCFullYear() - 1;
    log(`seeding ${settings.storeEvents.toLocaleString('en')} events of a synthetic organisation's ${year}`);
    const seeded = await seedDataDir(dataDir, { events: settings.storeEvents, year });
    const { summary } = seeded;
    log(`seeded ${summary.people} people in ${summary.pmos.PROGRAMME ?? 0} programme and ${summary.pmos.PROJECT ?? 0} project offices in ${round(seeded.seconds)} s`);

    const rebuild = runRebuildPhase(dataDir, { cpuProfileDir: profileDir });
    log(`rebuild: ${rebuild.events.toLocaleString('en')} events at ${rebuild.eventsPerSec}/s (raw scan ${rebuild.rawScanPerSec}/s; its rows and indexes written afresh ${rebuild.writeFloorPerSec}/s), peak RSS ${rebuild.peakRssMb} MB`);

    // Recorded after the organisation's history, so the rebuild above times the organisation alone;
    // the first start projects them, and is timed apart from the startups that follow.
    const measured = await addMeasuredObjectives(dataDir, summary.portfolioPmoId, `${addDays(summary.lastDay, 1)}T06:00:00.000Z`);
    const asOfEvents = measured.reduce((sum, m) => sum + m.events, 0);
    const catchUp = await ServiceUnderTest.start(dataDir);
    await catchUp.service.stop();
    log(`added objectives with ${measured.map((m) => m.events).join(', ')} events; the first start projected them and was ready in ${round(catchUp.readyMs)} ms`);

    const startupRuns: number[] = [];
    for (let i = 0; i < settings.startupRuns; i += 1) {
      const last = i === settings.startupRuns - 1;
      const started = await ServiceUnderTest.start(dataDir, last && profileDir ? { cpuProfileDir: profileDir } : {});
      startupRuns.push(round(started.readyMs));
      if (last) service = started.service;
      else await started.service.stop();
    }
    log(`startup: ${startupRuns.join(', ')} ms`);
    if (!service) throw new Error('the service was not started');
    const live: ServiceUnderTest = service;
    const token = live.adminToken();

    const asOf = await measureAsOf(live.url, token, measured, settings.asOfRequests);
    log(`as of: ${asOf.map((a) => `${a.events} events ${a.p50Ms} ms (first ${a.coldMs} ms)`).join(', ')}`);

    const compliance = await measureCompliance(
      live.url,
      token,
      Array.from({ length: 12 }, (_, month) => `${year}-${String(month + 1).padStart(2, '0')}-15`),
      settings.complianceRequests,
    );
    log(`compliance: ${compliance.complianceRows} rows, p50 ${compliance.complianceMs} ms, p99 ${compliance.complianceP99Ms} ms`);

    const organisationSummary = await measureOrganisationSummary(live.url, token, year, settings.organisationSummary.requests, settings.organisationSummary.asOfRequests);
    log(
      `organisation summary: ${organisationSummary.pmos} PMOs, ${organisationSummary.objectives} objectives, p50 ${organisationSummary.summaryMs} ms, p99 ${organisationSummary.summaryP99Ms} ms; as of an instant p50 ${organisationSummary.summaryAsOfMs} ms`,
    );

    const graphql = await runGraphqlPhase(
      { url: live.url, token, anchorPmoId: summary.anchor.pmoId, from: `${year}-01-01`, to: `${year}-12-31`, objectiveIds: summary.anchor.objectiveIds, excludeFromMutations: measured.map((m) => m.id) },
      settings.graphql,
      (line) => log(`graphql: ${line}`),
    );
    const support = await measureSupport(live.url, token, summary.portfolioPmoId, year, settings.supportRequests);
    log(`support: assistanceReport of ${support.engagements} engagements, ${support.sessions} sessions a year, p50 ${support.reportMs} ms, p99 ${support.reportP99Ms} ms`);
    const insights = await measureInsights(live.url, token, summary.insights.busiestPmoId, year, settings.insightRequests);
    log(`insights: insightFunnel of ${insights.heard} insights heard, ${insights.decided} decided, p50 ${insights.funnelMs} ms, p99 ${insights.funnelP99Ms} ms`);
    // After every read figure above: its mutations add to the 50-person office's objectives.
    const liveUpdates = await measureLive(
      { url: live.url, token, dataDir, objectiveIds: summary.anchor.objectiveIds },
      settings.live,
      (line) => log(`live: ${line}`),
    );
    // Last: it adds a group of its own to the store, which no figure above may see.
    const complianceAtScale = await measureComplianceAtScale(live.url, token, new Date().toISOString().slice(0, 10), settings.complianceRequests);
    log(`compliance at scale: ${complianceAtScale.pmos} PMOs x ${complianceAtScale.standards} standards, ${complianceAtScale.complianceRows} rows, p50 ${complianceAtScale.complianceMs} ms, p99 ${complianceAtScale.complianceP99Ms} ms`);
    await live.stop();
    service = null;

    // After every figure above: it adds a PMO of its own to the store, and starts the service again.
    const network = await measureNetworkAtScale(dataDir, { health: settings.network.healthRequests, map: settings.network.mapRequests }, (line) => log(`network: ${line}`));
    log(
      `network at scale: health p50 ${network.healthMs} ms, p99 ${network.healthP99Ms} ms; map of ${network.mapEdges.toLocaleString('en')} edges p50 ${network.mapMs} ms, p99 ${network.mapP99Ms} ms`,
    );

    const inProcess = runAlignmentInProcess(50, settings.alignmentRuns);
    log(`alignment in process: week ${inProcess.weekMs} ms, month ${inProcess.monthMs} ms over ${inProcess.events} events`);

    const [a100, a1000, a10000] = asOf as [typeof asOf[number], typeof asOf[number], typeof asOf[number]];
    const figures: Omit<BenchResults, 'targets'> = {
      schema: 1,
      run: { mode: settings.mode, command, date: new Date().toISOString(), durationSeconds: round(elapsedMs(started) / 1000), commit: revision.commit, dirty: revision.dirty },
      machine,
      settings: { ...settings, year, seedEvents: summary.events, asOfEvents, logLevel: 'warn', mutationRateLimit: 'off', synchronous: 'FULL' },
      append: {
        rawInsertsPerSec: append.rawInsertsPerSec,
        rawBatch64InsertsPerSec: append.rawBatch64InsertsPerSec,
        singleCommandsPerSec: append.singleCommandsPerSec,
        singleAppendsPerSec: append.singleAppendsPerSec,
        concurrentEventsPerSec: append.concurrentEventsPerSec,
        concurrency: append.concurrency,
        concurrentCommits: append.concurrentCommits,
        concurrentCommands: append.concurrentCommands,
        peer: append.peer,
      },
      graphql: {
        bareTrivialReqPerSec: graphql.bareTrivial.reqPerSec,
        bareTrivialP50Ms: graphql.bareTrivial.p50Ms,
        bareTrivialP99Ms: graphql.bareTrivial.p99Ms,
        bareNestTrivialReqPerSec: graphql.bareNestTrivial.reqPerSec,
        bareNestTrivialP50Ms: graphql.bareNestTrivial.p50Ms,
        bareNestTrivialP99Ms: graphql.bareNestTrivial.p99Ms,
        trivialReqPerSec: graphql.trivial.reqPerSec,
        trivialP50Ms: graphql.trivial.p50Ms,
        trivialP99Ms: graphql.trivial.p99Ms,
        objectiveReqPerSec: graphql.objective.reqPerSec,
        objectiveP50Ms: graphql.objective.p50Ms,
        objectiveP99Ms: graphql.objective.p99Ms,
        alignmentReqPerSec: graphql.alignment.reqPerSec,
        alignmentP50Ms: graphql.alignment.p50Ms,
        alignmentP99Ms: graphql.alignment.p99Ms,
        mutationReqPerSec: graphql.mutation.reqPerSec,
        mutationP50Ms: graphql.mutation.p50Ms,
        mutationP99Ms: graphql.mutation.p99Ms,
        alignmentOneClientReqPerSec: graphql.alignmentOneClient.reqPerSec,
        alignmentOneClientP50Ms: graphql.alignmentOneClient.p50Ms,
        alignmentOneClientP99Ms: graphql.alignmentOneClient.p99Ms,
        alignmentEntries: graphql.alignment.entries,
        connections: graphql.connections,
        seconds: graphql.seconds,
        rounds: graphql.rounds,
        failures: [graphql.bareTrivial, graphql.bareNestTrivial, graphql.trivial, graphql.objective, graphql.alignment, graphql.alignmentOneClient, graphql.mutation].reduce((sum, f) => sum + f.failures, 0),
      },
      rebuild,
      asOf: {
        events100Ms: a100.p50Ms,
        events1000Ms: a1000.p50Ms,
        events10000Ms: a10000.p50Ms,
        events100P99Ms: a100.p99Ms,
        events1000P99Ms: a1000.p99Ms,
        events10000P99Ms: a10000.p99Ms,
        events100ColdMs: a100.coldMs,
        events1000ColdMs: a1000.coldMs,
        events10000ColdMs: a10000.coldMs,
        requests: settings.asOfRequests,
        firstStartMs: round(catchUp.readyMs),
      },
      startup: { ms: round(median(startupRuns)), events: rebuild.events + asOfEvents, runsMs: startupRuns },
      seed: { events: summary.events, seconds: round(seeded.seconds), eventsPerSec: round(summary.events / seeded.seconds), people: summary.people, pmos: summary.pmos, lastDay: summary.lastDay },
      organisation: {
        ...compliance,
        pmos: Object.values(summary.pmos).reduce((sum, n) => sum + n, 0),
        standards: summary.standards,
        atScale: complianceAtScale,
        summary: organisationSummary,
      },
      network,
      support,
      insights,
      live: liveUpdates,
      alignmentInProcess: { events: inProcess.events, weekMs: inProcess.weekMs, monthMs: inProcess.monthMs, asOfWeekMs: inProcess.asOfWeekMs, max: inProcess.max },
    };
    const results: BenchResults = { ...figures, targets: evaluateTargets(figures) };

    const previous = previousRun(out, settings.mode);
    const comparison = previous ? compare(results, previous) : null;
    const written = saveResults(out, results, comparison);
    report(results, comparison);
    log(`wrote ${path.relative(process.cwd(), written.json)} and ${path.relative(process.cwd(), written.markdown)}`);
    if (results.graphql.failures > 0) log(`WARNING: ${results.graphql.failures} GraphQL requests failed under load; their figures are not to be trusted`);
  } finally {
    await service?.stop();
    if (keep) log(`data directory kept: ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(results: BenchResults, comparison: ReturnType<typeof compare> | null): void {
  console.log('\nTargets:');
  for (const target of Object.values(results.targets)) {
    console.log(`  ${target.pass ? 'met   ' : 'MISSED'}  ${target.description}: ${target.value} (goal ${target.goal})`);
  }
  if (!comparison) {
    console.log('\nNo earlier run to compare with.');
    return;
  }
  console.log(`\nCompared with the ${comparison.with.mode} run of ${comparison.with.date} (${comparison.with.commit ?? 'unknown commit'}):`);
  for (const change of comparison.changes) {
    const sign = change.betterByPercent > 0 ? '+' : '';
    console.log(`  ${change.path.padEnd(32)} ${String(change.previous).padStart(10)} → ${String(change.current).padStart(10)}  ${sign}${change.betterByPercent}% ${change.betterByPercent >= 0 ? 'better' : 'worse'}`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
