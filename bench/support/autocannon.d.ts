/** The part of autocannon 9's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Histogram {
      readonly average: number;
      readonly mean: number;
      readonly p50: number;
      readonly p90: number;
      readonly p99: number;
      readonly max: number;
      readonly total: number;
    }

    interface RawRequest {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }

    interface Request extends RawRequest {
      setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest;
    }

    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      requests?: Request[];
      verifyBody?: (body: string) => boolean;
      timeout?: number;
      /** Resolve with a round's raw counts and encoded histograms, for aggregateResult. */
      skipAggregateResult?: boolean;
    }

    /** What a run with skipAggregateResult resolves with: opaque but for its counts. */
    interface RoundResult {
      readonly duration: number;
      readonly [field: string]: unknown;
    }

    interface Result {
      readonly requests: Histogram;
      readonly latency: Histogram;
      readonly duration: number;
      readonly errors: number;
      readonly timeouts: number;
      readonly mismatches: number;
      readonly non2xx: number;
    }
  }

  function autocannon(options: autocannon.Options & { skipAggregateResult: true }): Promise<autocannon.RoundResult>;
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  namespace autocannon {
    /** Adds up rounds run with skipAggregateResult: counts summed, latency histograms merged. */
    function aggregateResult(results: RoundResult[], options: { url: string; connections?: number }): Result;
  }
  export = autocannon;
}
