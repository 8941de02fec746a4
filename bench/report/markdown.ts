import type { Comparison } from './history';
import type { LiveLatency } from '../phases/live.phase';
import { COMPARED, figureAt, type BenchResults } from './results';

const number = (value: number | undefined): string => (value === undefined ? '–' : value.toLocaleString('en'));

const LABELS: Record<string, string> = {
  'append.rawInsertsPerSec': 'raw better-sqlite3 single-row durable inserts /s',
  'append.rawBatch64InsertsPerSec': 'raw better-sqlite3 rows /s in durable 64-row transactions',
  'append.singleCommandsPerSec': 'single commands through the command path /s',
  'append.singleAppendsPerSec': 'single appends to our store /s',
  'append.concurrentEventsPerSec': 'events /s with 64 concurrent commands',
  'append.peer.appendsPerSec': 'peer single appends /s',
  'graphql.bareTrivialReqPerSec': 'bare Fastify + Mercurius trivial query req/s',
  'graphql.bareNestTrivialReqPerSec': 'bare Nest + Mercurius driver trivial query req/s',
  'graphql.trivialReqPerSec': 'GraphQL trivial query req/s',
  'graphql.objectiveReqPerSec': 'GraphQL objective(id) req/s',
  'graphql.alignmentReqPerSec': 'GraphQL alignment (year, 50 people) req/s',
  'graphql.alignmentP99Ms': 'GraphQL alignment p99 ms',
  'graphql.mutationReqPerSec': 'GraphQL recordProgress req/s',
  'rebuild.eventsPerSec': 'rebuild of all read models events/s',
  'rebuild.rawScanPerSec': 'raw better-sqlite3 scan events/s',
  'rebuild.writeFloorPerSec': 'rebuilt rows and indexes written afresh, events/s',
  'rebuild.peakRssMb': 'rebuild peak RSS MB',
  'asOf.events100Ms': 'as-of objective, 100 events, p50 ms',
  'asOf.events1000Ms': 'as-of objective, 1,000 events, p50 ms',
  'asOf.events10000Ms': 'as-of objective, 10,000 events, p50 ms',
  'organisation.complianceMs': 'compliance over every seeded PMO and standard, p50 ms',
  'organisation.atScale.complianceMs': 'compliance over 200 PMOs x 20 standards, p50 ms',
  'organisation.summary.summaryMs': 'organisation summary over every seeded PMO, p50 ms',
  'organisation.summary.summaryAsOfMs': 'organisation summary as of an instant, p50 ms',
  'network.healthMs': 'network health, 2,000 contacts and 50,000 touchpoints, p50 ms',
  'network.healthP99Ms': 'network health, 2,000 contacts and 50,000 touchpoints, p99 ms',
  'network.mapMs': 'network map of the same PMO, p50 ms',
  'support.reportMs': 'assistance report of the portfolio office, p50 ms',
  'insights.funnelMs': 'insight funnel of the office that heard the most, p50 ms',
  'live.objectiveChangedMs': 'recordProgress to its objectiveChanged delivery, p50 ms',
  'live.objectiveChangedP99Ms': 'recordProgress to its objectiveChanged delivery, p99 ms',
  'live.eventRecordedFanoutFromSendMs': 'recordProgress to the last of 50 eventRecorded subscribers, p50 ms',
  'live.eventRecordedFanoutFromSendP99Ms': 'recordProgress to the last of 50 eventRecorded subscribers, p99 ms',
  'live.catchUpEventsPerSec': 'eventRecorded catch-up from the log\'s first event, events/s',
  'startup.ms': 'startup to /ready ms',
};

const GRAPHQL_LOAD_LABELS: Record<string, string> = {
  bareTrivial: 'trivial, bare Fastify + Mercurius',
  bareNestTrivial: 'trivial, bare Nest + Mercurius driver',
  alignmentOneClient: 'alignment, 1 connection',
};

const liveParagraph = (live: LiveLatency): string =>
  `Live updates over WebSocket (graphql-ws clients in the benchmark process; no target): \`objectiveChanged\` shows a \`recordProgress\` p50 ${number(live.objectiveChangedMs)} / p99 ${number(live.objectiveChangedP99Ms)} ms after it was sent, over ${number(live.mutations)} sequential mutations (the mutation's own answer p50 ${number(live.mutationMs)} ms); with ${number(live.subscribers)} \`eventRecorded\` subscribers, each on its own connection, the last of them has the event p50 ${number(live.eventRecordedFanoutMs)} / p99 ${number(live.eventRecordedFanoutP99Ms)} ms after the mutation's answer (negative: before it), ${number(live.eventRecordedFanoutFromSendMs)} / ${number(live.eventRecordedFanoutFromSendP99Ms)} ms after it was sent; catching up from the audit log's first event delivers ${number(live.catchUpEvents)} events at ${number(live.catchUpEventsPerSec)} events/s (${number(live.catchUpMs)} ms).`;

const rebuildParagraph = (rebuild: BenchResults['rebuild']): string =>
  `Rebuild of every read model: ${number(rebuild.events)} events in ${number(rebuild.seconds)} s, ${number(rebuild.eventsPerSec)} events/s against a raw scan of ${number(rebuild.rawScanPerSec)}/s. The ${number(rebuild.writeFloorRows)} rows it wrote (${number(rebuild.writeFloorMb)} MB), copied into a fresh file with every index built after them, no event read and no journal or fsync, took ${number(rebuild.writeFloorSeconds)} s (${number(rebuild.writeFloorPerSec)} events/s): no rebuild writing these read models could pass ${number(Math.floor((rebuild.writeFloorPerSec / rebuild.rawScanPerSec) * 1000) / 1000)} of the raw scan on this machine.`;

/** latest.md: the run a person can read, with its targets and the change since the last run. */
export function renderMarkdown(results: BenchResults, comparison: Comparison | null): string {
  const { run, machine, graphql, asOf } = results;
  const lines: string[] = [
    `# Benchmark results (${run.mode})`,
    '',
    `\`${run.command}\` on ${run.date.slice(0, 16).replace('T', ' ')} UTC, commit ${run.commit ?? 'unknown'}${run.dirty ? ' with uncommitted changes' : ''}, ${Math.round(run.durationSeconds)} s.`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.platform}; Node ${machine.node}, SQLite ${machine.sqlite}; load average ${machine.loadAverage} at the start.`,
    '',
    '## Targets',
    '',
    '| target | measured | goal | |',
    '| --- | ---: | ---: | --- |',
    ...Object.values(results.targets).map((t) => `| ${t.description} | ${number(t.value)} | ${t.goal} | ${t.pass ? 'met' : '**missed**'} |`),
    '',
    '## Figures',
    '',
    `| figure | this run |${comparison ? ` previous (${comparison.with.mode}, ${comparison.with.date.slice(0, 10)}) | change |` : ''}`,
    `| --- | ---: |${comparison ? ' ---: | ---: |' : ''}`,
    ...COMPARED.map(({ path }) => {
      const change = comparison?.changes.find((c) => c.path === path);
      const tail = comparison ? ` ${number(change?.previous)} | ${change ? `${change.betterByPercent > 0 ? '+' : ''}${change.betterByPercent}% ${change.betterByPercent >= 0 ? 'better' : 'worse'}` : '–'} |` : '';
      return `| ${LABELS[path] ?? path} | ${number(figureAt(results, path))} |${tail}`;
    }),
    '',
    `GraphQL under load (${graphql.connections} connections unless said, ${graphql.seconds} s each${graphql.rounds ? `, the two bare servers, trivial, objective and alignment taking turns in ${graphql.rounds} rounds` : ''}, autocannon in the benchmark process, the service in its own; the alignment report covers ${number(graphql.alignmentEntries)} work entries):`,
    '',
    '| query | req/s | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: |',
    ...(['bareTrivial', 'bareNestTrivial', 'trivial', 'objective', 'alignment', 'alignmentOneClient', 'mutation'] as const).map((name) => {
      const g = graphql as unknown as Record<string, number>;
      const label = GRAPHQL_LOAD_LABELS[name] ?? name;
      return `| ${label} | ${number(g[`${name}ReqPerSec`])} | ${number(g[`${name}P50Ms`])} | ${number(g[`${name}P99Ms`])} |`;
    }),
    '',
    rebuildParagraph(results.rebuild),
    '',
    `As of an instant after the objective's last event (${asOf.requests} sequential requests each, over HTTP): p99 ${number(asOf.events100P99Ms)} / ${number(asOf.events1000P99Ms)} / ${number(asOf.events10000P99Ms)} ms and the very first request ${number(asOf.events100ColdMs)} / ${number(asOf.events1000ColdMs)} / ${number(asOf.events10000ColdMs)} ms for 100 / 1,000 / 10,000 events.`,
    '',
    `Network at scale (${number(results.network.contacts)} contacts, ${number(results.network.touchpoints)} touchpoints, ${number(results.network.events)} events added after every other figure and projected by a start in ${number(results.network.firstStartMs)} ms): \`networkHealth\` p50 ${number(results.network.healthMs)} / p99 ${number(results.network.healthP99Ms)} ms over ${number(results.network.healthRequests)} sequential requests, each about another day; \`networkMap\` (${number(results.network.mapEdges)} edges) p50 ${number(results.network.mapMs)} / p99 ${number(results.network.mapP99Ms)} ms over ${number(results.network.mapRequests)}.`,
    ...(results.organisation.summary
      ? [
          '',
          `Organisation summary (every seeded PMO: ${number(results.organisation.summary.pmos)} rows counting ${number(results.organisation.summary.objectives)} objectives): \`organisation\` p50 ${number(results.organisation.summary.summaryMs)} / p99 ${number(results.organisation.summary.summaryP99Ms)} ms over ${number(results.organisation.summary.requests)} sequential requests, each about another day of the year; as known at 18:00 of the day asked p50 ${number(results.organisation.summary.summaryAsOfMs)} / p99 ${number(results.organisation.summary.summaryAsOfP99Ms)} ms over ${number(results.organisation.summary.asOfRequests)}.`,
        ]
      : []),
    ...(results.support
      ? [
          '',
          `Support (the portfolio office: ${number(results.support.engagements)} engagements, ${number(results.support.sessions)} sessions in the year): \`assistanceReport\` p50 ${number(results.support.reportMs)} / p99 ${number(results.support.reportP99Ms)} ms over ${number(results.support.requests)} sequential requests, each about another month (every twelfth the year).`,
        ]
      : []),
    ...(results.insights
      ? [
          '',
          `Outside knowledge (the office that heard the most: ${number(results.insights.heard)} insights heard in the year, ${number(results.insights.decided)} decided, ${number(results.insights.parked)} parked, ${number(results.insights.contributions)} contributions): \`insightFunnel\` p50 ${number(results.insights.funnelMs)} / p99 ${number(results.insights.funnelP99Ms)} ms over ${number(results.insights.requests)} sequential requests, each about another month (every twelfth the year).`,
        ]
      : []),
    ...(results.live ? ['', liveParagraph(results.live)] : []),
    '',
    '## Settings',
    '',
    '```json',
    JSON.stringify({ settings: results.settings, seed: results.seed, startup: results.startup, alignmentInProcess: results.alignmentInProcess }, null, 2),
    '```',
    '',
  ];
  return lines.join('\n');
}
