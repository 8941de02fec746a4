import { ConfigError } from './config-error';

/**
 * How long the HTTP server waits on a client. Without them a client that declares a large body
 * and sends it a byte at a time, or opens connections and sends nothing, holds them as long as it
 * likes. None of them limits how long an answer takes: the audit export streams for as long as
 * the client keeps reading.
 */
export interface HttpTimeouts {
  /** A request's headers must have arrived this long after it began. */
  readonly headersMs: number;
  /** A whole request, headers and body, must have arrived this long after it began. */
  readonly requestMs: number;
  /** A connection on which nothing moves either way, mid-request or mid-answer, for this long is closed. */
  readonly idleMs: number;
  /** A kept-alive connection waits this long for its next request. */
  readonly keepAliveMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  headersMs: 10_000,
  // A 1 MB body (the largest accepted) arrives in time at 35 KB/s.
  requestMs: 30_000,
  // Well beyond the longest silence of a legitimate request: the audit export waits up to 10 s
  // for the read models before its first byte.
  idleMs: 60_000,
  // Longer than the 60 s idle timeout of common load balancers, so one never sends a request on
  // a connection the service is closing.
  keepAliveMs: 72_000,
};

const MAX_MS = 3_600_000;

const millis = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > MAX_MS) {
    throw new ConfigError(name, `"${raw}" is not a whole number of milliseconds from 1 to ${MAX_MS}`);
  }
  return value;
};

/** PMO_HEADERS_TIMEOUT_MS, PMO_REQUEST_TIMEOUT_MS, PMO_IDLE_TIMEOUT_MS, PMO_KEEP_ALIVE_TIMEOUT_MS. */
export function httpTimeouts(env: NodeJS.ProcessEnv): HttpTimeouts {
  const timeouts: HttpTimeouts = {
    headersMs: millis(env, 'PMO_HEADERS_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.headersMs),
    requestMs: millis(env, 'PMO_REQUEST_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.requestMs),
    idleMs: millis(env, 'PMO_IDLE_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.idleMs),
    keepAliveMs: millis(env, 'PMO_KEEP_ALIVE_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.keepAliveMs),
  };
  // The headers are part of the request: a longer wait for them would never be reached.
  if (timeouts.headersMs > timeouts.requestMs) {
    throw new ConfigError('PMO_HEADERS_TIMEOUT_MS', `${timeouts.headersMs} is longer than PMO_REQUEST_TIMEOUT_MS (${timeouts.requestMs}), which includes the headers`);
  }
  return timeouts;
}
