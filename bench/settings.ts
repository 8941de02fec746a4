/** Sizes and durations of one benchmark run. */
export interface BenchSettings {
  readonly mode: 'quick' | 'full';
  /** Seconds each append workload runs. */
  readonly appendSeconds: number;
  /** Events seeded: the store the rebuild times; the as-of objectives' 11,100 events come on top. */
  readonly storeEvents: number;
  /** Sequential as-of requests per objective. */
  readonly asOfRequests: number;
  readonly startupRuns: number;
  /**
   * GraphQL loads: `seconds` of each in all; the ones the targets compare take turns in `rounds`
   * rounds of seconds / rounds each (phases/graphql.phase.ts).
   */
  readonly graphql: { readonly seconds: number; readonly rounds: number; readonly warmupSeconds: number; readonly connections: number };
  /** Runs of each in-process alignment report timing. */
  readonly alignmentRuns: number;
  /** Sequential compliance requests over every PMO. */
  readonly complianceRequests: number;
  /** Sequential networkHealth and networkMap requests for the PMO with a network at scale. */
  readonly network: { readonly healthRequests: number; readonly mapRequests: number };
  /** Sequential assistanceReport requests for the portfolio office. */
  readonly supportRequests: number;
  /** Sequential insightFunnel requests for the office that heard the most. */
  readonly insightRequests: number;
  /** Sequential organisation requests over every PMO, as known now and as of an instant. */
  readonly organisationSummary: { readonly requests: number; readonly asOfRequests: number };
  /**
   * Sequential recordProgress mutations watched live (by one objectiveChanged subscriber, then by
   * `subscribers` eventRecorded ones), and the events one subscriber catches up on from the log's start.
   */
  readonly live: { readonly mutations: number; readonly subscribers: number; readonly catchUpEvents: number };
}

export const FULL: BenchSettings = {
  mode: 'full',
  appendSeconds: 10,
  storeEvents: 1_000_000,
  asOfRequests: 100,
  startupRuns: 5,
  graphql: { seconds: 15, rounds: 5, warmupSeconds: 3, connections: 10 },
  alignmentRuns: 20,
  complianceRequests: 50,
  network: { healthRequests: 100, mapRequests: 10 },
  supportRequests: 100,
  insightRequests: 100,
  organisationSummary: { requests: 50, asOfRequests: 20 },
  live: { mutations: 200, subscribers: 50, catchUpEvents: 10_000 },
};

/** Under 5 minutes on a 2-core machine; the store is an eighth of the full one. */
export const QUICK: BenchSettings = {
  mode: 'quick',
  appendSeconds: 3,
  storeEvents: 125_000,
  asOfRequests: 30,
  startupRuns: 3,
  graphql: { seconds: 6, rounds: 3, warmupSeconds: 1, connections: 10 },
  alignmentRuns: 10,
  complianceRequests: 20,
  network: { healthRequests: 50, mapRequests: 5 },
  supportRequests: 50,
  insightRequests: 50,
  organisationSummary: { requests: 30, asOfRequests: 10 },
  live: { mutations: 50, subscribers: 50, catchUpEvents: 2_000 },
};
