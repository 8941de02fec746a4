import autocannon from 'autocannon';
import { round } from './stats';

/** One load: what it asks, of which server, over how many connections. */
export interface GraphqlLoad {
  readonly name: string;
  readonly next: () => { query: string; variables?: Record<string, unknown> };
  readonly connections: number;
  readonly server: { readonly url: string; readonly token: string | null };
}

export interface LoadFigure {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Connection errors, timeouts, non-2xx answers and answers carrying GraphQL errors. */
  readonly failures: number;
}

/** What a figure was made of: answers counted and the seconds they came in, over every round. */
export interface PooledFigure extends LoadFigure {
  readonly requests: number;
  readonly seconds: number;
  readonly rounds: number;
}

export interface LoadSettings {
  /**
   * Seconds of each load in all, shared out among the rounds in whole seconds: autocannon counts
   * answers once a second and ends a run at such a count, so a shorter run lasts a second anyway.
   */
  readonly seconds: number;
  readonly rounds: number;
  readonly warmupSeconds: number;
}

const optionsFor = (load: GraphqlLoad, duration: number): autocannon.Options & { skipAggregateResult: true } => ({
  url: `${load.server.url}/graphql`,
  connections: load.connections,
  duration,
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(load.server.token ? { authorization: `Bearer ${load.server.token}` } : {}) },
  requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(load.next()) }) }],
  verifyBody: (body) => !body.includes('"errors"'),
  // Each round's histograms are kept, to be added up with the other rounds' (pool).
  skipAggregateResult: true,
});

const warm = async (load: GraphqlLoad, settings: LoadSettings): Promise<void> => {
  if (settings.warmupSeconds > 0) await autocannon(optionsFor(load, settings.warmupSeconds));
};

/** Requests over the rounds' seconds; percentiles from their latency histograms added up. */
const pool = (load: GraphqlLoad, rounds: readonly autocannon.RoundResult[]): PooledFigure => {
  const pooled = autocannon.aggregateResult([...rounds], { url: `${load.server.url}/graphql`, connections: load.connections });
  const seconds = rounds.reduce((sum, result) => sum + result.duration, 0);
  return {
    reqPerSec: round(pooled.requests.total / seconds),
    p50Ms: round(pooled.latency.p50),
    p99Ms: round(pooled.latency.p99),
    failures: pooled.errors + pooled.timeouts + pooled.non2xx + pooled.mismatches,
    requests: pooled.requests.total,
    seconds,
    rounds: rounds.length,
  };
};

const summaryOf = (load: GraphqlLoad, figure: PooledFigure): string => {
  const inRounds = figure.rounds > 1 ? ` (${figure.rounds} rounds)` : '';
  return `${load.name}: ${figure.reqPerSec} req/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms${inRounds}${figure.failures ? `, ${figure.failures} FAILED` : ''}`;
};

/**
 * Runs the loads one after another, `rounds` times over, each for seconds / rounds: the machine's
 * speed drifts by tens of percent within minutes here, and in turns every load sees the same
 * drift, so a ratio between two of them weighs the loads, not the moment each ran at. Each is
 * warmed once, first.
 */
export async function loadInTurns(loads: readonly GraphqlLoad[], settings: LoadSettings, log: (line: string) => void): Promise<PooledFigure[]> {
  for (const load of loads) await warm(load, settings);
  const rounds = loads.map((): autocannon.RoundResult[] => []);
  const seconds = Math.max(1, Math.round(settings.seconds / settings.rounds));
  for (let turn = 0; turn < settings.rounds; turn += 1) {
    for (const [index, load] of loads.entries()) rounds[index]!.push(await autocannon(optionsFor(load, seconds)));
  }
  return loads.map((load, index) => {
    const figure = pool(load, rounds[index]!);
    log(summaryOf(load, figure));
    return figure;
  });
}

/** Runs one load by itself, warmed, for the whole `seconds`. */
export async function loadAlone(load: GraphqlLoad, settings: LoadSettings, log: (line: string) => void): Promise<PooledFigure> {
  await warm(load, settings);
  const figure = pool(load, [await autocannon(optionsFor(load, settings.seconds))]);
  log(summaryOf(load, figure));
  return figure;
}
