import * as path from 'node:path';

export type EventStoreKind = 'sqlite' | 'memory';

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Holds the event store, the read models, the signing secret and the admin token. */
  readonly dataDir: string;
  readonly eventStore: EventStoreKind;
  /** FULL: an acknowledged write survives power loss. NORMAL trades that for speed. */
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const oneOf = <T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim() as T;
  if (!allowed.includes(value)) throw new ConfigError(name, `"${raw}" is not one of ${allowed.join(', ')}`);
  return value;
};

/** Reads the environment once, at start, and refuses anything it cannot use. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const rawPort = env.PORT ?? '4000';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `"${rawPort}" is not a port number`);
  }
  return {
    port,
    host: env.HOST?.trim() || 'localhost',
    dataDir: path.resolve(env.PMO_DATA_DIR?.trim() || 'data'),
    eventStore: oneOf(env, 'PMO_EVENT_STORE', ['sqlite', 'memory'] as const, 'sqlite'),
    sqliteSynchronous: oneOf(env, 'PMO_SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  };
}
