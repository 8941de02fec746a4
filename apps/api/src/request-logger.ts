import type { FastifyBaseLogger } from 'fastify';

type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildLoggerOptions = NonNullable<Parameters<FastifyBaseLogger['child']>[1]>;

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * A request's logger, carrying its request id like the child logger Fastify makes for every
 * request, but made only when the request writes a line its level lets through. At the levels a
 * service runs at (warn and above) most requests write none, and building a pino child for each
 * was a fixed cost of every request; a failure's line still carries the request id.
 */
class DeferredChild {
  private made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger & { isLevelEnabled(level: string): boolean },
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  private get logger(): FastifyBaseLogger {
    return (this.made ??= this.parent.child(this.bindings, this.options));
  }

  private write(level: Level, args: unknown[]): void {
    const made = this.made as (FastifyBaseLogger & { isLevelEnabled(level: string): boolean }) | undefined;
    if (!(made ?? this.parent).isLevelEnabled(level)) return;
    (this.logger[level] as (...args: unknown[]) => void)(...args);
  }

  get level(): string {
    return this.made?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.logger.level = level;
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options);
  }
}

/** Fastify's childLoggerFactory: a route with a log level of its own gets its child at once. */
export function deferredRequestLogger(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  const parent = logger as ConstructorParameters<typeof DeferredChild>[0];
  // Fastify passes every route's level, '' for a route without one of its own (pino then keeps the parent's).
  const ownLevel = options.level || undefined;
  if (typeof parent.isLevelEnabled !== 'function' || (ownLevel !== undefined && ownLevel !== logger.level)) return logger.child(bindings, options);
  return new DeferredChild(parent, bindings, options) as unknown as FastifyBaseLogger;
}
