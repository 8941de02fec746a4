import { ConfigError } from './config-error';

/** What one client may hold open of live updates (GraphQL subscriptions over WebSocket). */
export interface LiveLimits {
  /** Subscriptions one WebSocket connection may run at once. */
  readonly subscriptionsPerConnection: number;
  /** WebSocket connections one token subject may hold open at once, on this instance. */
  readonly connectionsPerSubject: number;
  /**
   * Events (or changed objectives) one subscription may have waiting for a client that reads
   * slower than they arrive; past it that subscription ends with an error naming where to resume.
   */
  readonly backlog: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  // A dashboard follows a handful of things; twenty leaves room without letting one socket hold hundreds.
  subscriptionsPerConnection: 20,
  // A person with several tabs and a phone.
  connectionsPerSubject: 10,
  backlog: 1_000,
};

const MAX = 100_000;

const positive = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > MAX) throw new ConfigError(name, `"${raw}" is not a whole number from 1 to ${MAX}`);
  return value;
};

/** PMO_SUBSCRIPTIONS_PER_CONNECTION, PMO_CONNECTIONS_PER_SUBJECT, PMO_SUBSCRIPTION_BACKLOG. */
export function liveLimits(env: NodeJS.ProcessEnv): LiveLimits {
  return {
    subscriptionsPerConnection: positive(env, 'PMO_SUBSCRIPTIONS_PER_CONNECTION', DEFAULT_LIVE_LIMITS.subscriptionsPerConnection),
    connectionsPerSubject: positive(env, 'PMO_CONNECTIONS_PER_SUBJECT', DEFAULT_LIVE_LIMITS.connectionsPerSubject),
    backlog: positive(env, 'PMO_SUBSCRIPTION_BACKLOG', DEFAULT_LIVE_LIMITS.backlog),
  };
}
