import * as path from 'node:path';
import { ConfigError } from './config-error';
import { corsOrigins } from './cors-origins';
import { httpTimeouts, type HttpTimeouts } from './http-timeouts';
import { liveLimits, type LiveLimits } from './live-limits';

export type EventStoreKind = 'sqlite' | 'memory' | 'eventstoredb';

/** Whether GET /metrics answers: not at all, to anyone who reaches it, or to ADMIN and AUDITOR tokens. */
export type MetricsMode = 'off' | 'on' | 'token';

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Holds the event store, the read models, the signing secret and the admin token. */
  readonly dataDir: string;
  readonly eventStore: EventStoreKind;
  /** Set exactly when eventStore is 'eventstoredb'. */
  readonly eventStoreDb: EventStoreDbConfig | null;
  /** FULL: an acknowledged write survives power loss. NORMAL trades that for speed. */
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Where bearer tokens come from; null: the service's own, signed with its generated secret. */
  readonly identityProvider: IdentityProviderConfig | null;
  /** Whether GraphQL answers introspection (__schema, __type); off by default in production. */
  readonly graphqlIntrospection: boolean;
  /** Mutations one token subject may send per minute (a burst of as many); 0 turns the limit off. */
  readonly mutationRateLimitPerMinute: number;
  /** Operations one batched request (a JSON array of them) may hold; 0 refuses batches. */
  readonly graphqlBatchMax: number;
  /** How long the HTTP server waits on a client's request, and on a kept-alive connection. */
  readonly httpTimeouts: HttpTimeouts;
  /** Browser origins allowed to call the service (CORS); none: no CORS headers at all. */
  readonly corsOrigins: readonly string[];
  /** Prometheus metrics at GET /metrics; off by default in production. */
  readonly metrics: MetricsMode;
  /** The GraphQL IDE page at /graphiql; off by default in production. */
  readonly graphiql: boolean;
  /** The most items a deprecated unbounded list field answers; beyond it, RESULT_TOO_LARGE. */
  readonly listCap: number;
  /** What one client may hold open of live updates. */
  readonly live: LiveLimits;
}

// Whoever calls loadConfig catches its ConfigError from the same module.
export { ConfigError };

const oneOf = <T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim() as T;
  if (!allowed.includes(value)) throw new ConfigError(name, `"${raw}" is not one of ${allowed.join(', ')}`);
  return value;
};

const flag = (env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (value !== 'true' && value !== 'false') throw new ConfigError(name, `"${raw}" is not true or false`);
  return value === 'true';
};

const count = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value)) throw new ConfigError(name, `"${raw}" is not a whole number (0 or more)`);
  return value;
};

/** Mutations per minute per subject when PMO_MUTATION_RATE_LIMIT is not set. */
export const DEFAULT_MUTATION_RATE_LIMIT = 600;

/** Operations per batch when PMO_GRAPHQL_BATCH_MAX is not set: what Apollo's BatchHttpLink sends at most by default. */
export const DEFAULT_GRAPHQL_BATCH_MAX = 10;
/**
 * Items an unbounded list field (workEntries, portfolio, pmos...) answers at most when
 * PMO_LIST_CAP is not set: far more than a screen shows, far less than a year of a large office's
 * work, which is paged through its connection instead.
 */
export const DEFAULT_LIST_CAP = 5000;

/** Reads the environment once, at start, and refuses anything it cannot use. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const rawPort = env.PORT ?? '4000';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `"${rawPort}" is not a port number`);
  }
  const eventStore = oneOf(env, 'PMO_EVENT_STORE', ['sqlite', 'memory', 'eventstoredb'] as const, 'sqlite');
  return {
    port,
    host: env.HOST?.trim() || 'localhost',
    dataDir: path.resolve(env.PMO_DATA_DIR?.trim() || 'data'),
    eventStore,
    eventStoreDb: eventStoreDb(env, eventStore),
    sqliteSynchronous: oneOf(env, 'PMO_SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    identityProvider: identityProvider(env),
    graphqlIntrospection: flag(env, 'PMO_GRAPHQL_INTROSPECTION', env.NODE_ENV?.trim() !== 'production'),
    mutationRateLimitPerMinute: count(env, 'PMO_MUTATION_RATE_LIMIT', DEFAULT_MUTATION_RATE_LIMIT),
    graphqlBatchMax: count(env, 'PMO_GRAPHQL_BATCH_MAX', DEFAULT_GRAPHQL_BATCH_MAX),
    httpTimeouts: httpTimeouts(env),
    corsOrigins: corsOrigins(env),
    // In production the operator opens them deliberately (on, or token behind a proxy that cannot
    // keep /metrics private); elsewhere they are there to look at.
    metrics: oneOf(env, 'PMO_METRICS', ['off', 'on', 'token'] as const, env.NODE_ENV?.trim() === 'production' ? 'off' : 'on'),
    // A page that invites anyone who reaches the service to try queries: in production the
    // operator opens it deliberately.
    graphiql: flag(env, 'PMO_GRAPHIQL', env.NODE_ENV?.trim() !== 'production'),
    listCap: listCap(env),
    live: liveLimits(env),
  };
}

function listCap(env: NodeJS.ProcessEnv): number {
  const cap = count(env, 'PMO_LIST_CAP', DEFAULT_LIST_CAP);
  if (cap < 1) throw new ConfigError('PMO_LIST_CAP', 'must be at least 1');
  return cap;
}

/** The EventStoreDB server (or cluster) the service keeps its events in. */
export interface EventStoreDbConfig {
  /** Holds credentials when the server wants them: never logged or echoed. */
  readonly connectionString: string;
  /** Every call to the server gives up after this long, in ms. */
  readonly deadlineMs: number;
}

const EVENTSTORE_VARIABLES = ['EVENTSTORE_CONNECTION_STRING', 'PMO_EVENTSTORE_DEADLINE_MS'] as const;
const MAX_DEADLINE_MS = 60_000;

/** The connection string is required with PMO_EVENT_STORE=eventstoredb and refused with any other store. */
function eventStoreDb(env: NodeJS.ProcessEnv, eventStore: EventStoreKind): EventStoreDbConfig | null {
  const value = (name: string) => env[name]?.trim() || null;
  if (eventStore !== 'eventstoredb') {
    const stray = EVENTSTORE_VARIABLES.find((name) => value(name) !== null);
    if (stray) throw new ConfigError(stray, `applies only to PMO_EVENT_STORE=eventstoredb (the store is ${eventStore})`);
    return null;
  }
  const connectionString = value('EVENTSTORE_CONNECTION_STRING');
  if (connectionString === null) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'not set, but PMO_EVENT_STORE=eventstoredb needs it (esdb://host:2113?tls=false)');
  }
  // Never echo the value: it may carry a password.
  if (!/^esdb(\+discover)?:\/\/[^/?#\s]+/.test(connectionString)) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'is not an EventStoreDB connection string (esdb://host:port or esdb+discover://host:port)');
  }
  const deadline = value('PMO_EVENTSTORE_DEADLINE_MS') ?? '5000';
  const deadlineMs = Number(deadline);
  if (!/^\d+$/.test(deadline) || deadlineMs < 1 || deadlineMs > MAX_DEADLINE_MS) {
    throw new ConfigError('PMO_EVENTSTORE_DEADLINE_MS', `"${deadline}" is not a whole number of milliseconds from 1 to ${MAX_DEADLINE_MS}`);
  }
  return { connectionString, deadlineMs };
}

/** An OpenID Connect / OAuth 2 provider whose RS256 or ES256 tokens the service accepts. */
export interface IdentityProviderConfig {
  readonly issuer: string;
  readonly audience: string;
  /** The provider's public keys (JWKS), fetched and cached; an unknown key id refetches them. */
  readonly jwksUrl: string;
  /** Seconds before an unknown key id may cause another fetch of the keys. */
  readonly jwksCooldownSeconds: number;
  /** Claim holding the roles; a dotted path reaches into objects (`realm_access.roles`). */
  readonly rolesClaim: string;
  /** Claim holding the PMO ids the roles apply to. */
  readonly pmosClaim: string;
}

const PROVIDER_VARIABLES = ['PMO_JWT_ISSUER', 'PMO_JWT_AUDIENCE', 'PMO_JWT_JWKS_URL'] as const;
const PROVIDER_OPTIONS = ['PMO_JWT_ROLES_CLAIM', 'PMO_JWT_PMOS_CLAIM', 'PMO_JWT_JWKS_COOLDOWN_SECONDS'] as const;
const CLAIM_PATH = /^[^.\s]+(\.[^.\s]+)*$/;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** All three provider variables or none; keys travel over https unless the provider is this machine. */
function identityProvider(env: NodeJS.ProcessEnv): IdentityProviderConfig | null {
  const value = (name: string) => env[name]?.trim() || null;
  const given = PROVIDER_VARIABLES.filter((name) => value(name) !== null);
  if (given.length === 0) {
    const stray = PROVIDER_OPTIONS.find((name) => value(name) !== null);
    if (stray) throw new ConfigError(stray, `applies only to an identity provider; set ${PROVIDER_VARIABLES.join(', ')} as well`);
    return null;
  }
  const missing = PROVIDER_VARIABLES.filter((name) => value(name) === null);
  if (missing.length > 0) throw new ConfigError(missing.join(', '), `not set, but ${given.join(', ')} is: an identity provider needs all of ${PROVIDER_VARIABLES.join(', ')}`);
  let url: URL;
  try {
    url = new URL(value('PMO_JWT_JWKS_URL') as string);
  } catch {
    throw new ConfigError('PMO_JWT_JWKS_URL', `"${value('PMO_JWT_JWKS_URL')}" is not a URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname))) {
    throw new ConfigError('PMO_JWT_JWKS_URL', 'must be https (plain http only for a provider on this machine): keys fetched in the clear could be replaced');
  }
  const claim = (name: string, fallback: string) => {
    const path = value(name) ?? fallback;
    if (!CLAIM_PATH.test(path)) throw new ConfigError(name, `"${path}" is not a claim name or a dotted path of claim names`);
    return path;
  };
  const cooldown = value('PMO_JWT_JWKS_COOLDOWN_SECONDS') ?? '30';
  if (!/^\d{1,5}$/.test(cooldown)) throw new ConfigError('PMO_JWT_JWKS_COOLDOWN_SECONDS', `"${cooldown}" is not a whole number of seconds`);
  return {
    issuer: value('PMO_JWT_ISSUER') as string,
    audience: value('PMO_JWT_AUDIENCE') as string,
    jwksUrl: url.toString(),
    jwksCooldownSeconds: Number(cooldown),
    rolesClaim: claim('PMO_JWT_ROLES_CLAIM', 'roles'),
    pmosClaim: claim('PMO_JWT_PMOS_CLAIM', 'pmos'),
  };
}
