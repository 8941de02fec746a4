import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { TokenVerifier } from '@throughline/runtime';
import { ConsoleLogger, type ConsoleLoggerOptions, type LoggerService, type LogLevel } from '@nestjs/common';
import { AppModule } from './app.module';
import { EXPORT_PATH } from './audit/export/audit-export.controller';
import { authenticate } from './auth/authenticate.hook';
import { TOKEN_VERIFIER } from './common/tokens';
import { inputValidationPipe } from './common/validation';
import type { AppConfig } from '@throughline/runtime';
import { FailuresFilter } from './graphql/failures.filter';
import { GRAPHQL_PATH } from './graphql/graphql-options';
import { closeUnreadRequests, connectionOptions } from './http-connections';
import { allowBrowserOrigins } from './http-cors';
import { LiveSessions } from './live/live-sessions';
import { closeAnsweredUpgrades, isWebSocketUpgrade, refuseForeignOrigins } from './live/ws-upgrades';
import { METRICS_PATH, serveMetrics } from './metrics/metrics.route';
import { defaultPagesDir } from './pages/built-pages';
import { servePages } from './pages/pages.route';
import { recordRequests } from './metrics/request-metrics';
import { deferredRequestLogger } from './request-logger';
import { installLeanAsyncBind } from './lean-async-bind';
import { ServiceMetrics } from './metrics/service-metrics';

/** Request bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Never logged, whatever logs a request's headers: credentials stay out of the log. */
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie'];

/**
 * A request as its log lines show it: Fastify's own fields, with the path but never the query
 * string. A GET to /graphql carries the whole operation and its variables there, personal data
 * included (a name, a touchpoint's summary), and logs must never hold personal data.
 */
const loggedRequest = (request: FastifyRequest) => ({
  method: request.method,
  url: request.url.split('?', 1)[0] as string,
  version: request.headers['accept-version'] as string | undefined,
  host: request.host,
  remoteAddress: request.ip,
  remotePort: request.socket?.remotePort,
});

/** Nest's lines as JSON, to stdout and stderr or to the stream the tests read Fastify's lines from. */
class ServiceLogger extends ConsoleLogger {
  constructor(
    options: ConsoleLoggerOptions,
    /** Where the lines go instead of stdout and stderr, when given. */
    private readonly stream?: NodeJS.WritableStream,
  ) {
    super(options);
  }

  /**
   * With abortOnError off, whatever fails while Nest builds the app is rethrown to createApp's
   * caller, which reports it on one line; Nest's ExceptionHandler would first print it again with
   * every stack.
   */
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest[rest.length - 1] === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }

  protected override printAsJson(message: unknown, options: { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown }): void {
    if (!this.stream) return super.printAsJson(message, options);
    this.stream.write(`${this.stringifyJsonLogObject(this.getJsonLogObject(message, options))}\n`);
  }
}

/** Nest's own messages at the levels LOG_LEVEL lets through, one JSON object a line like Fastify's. */
const nestLogger = (level: AppConfig['logLevel'], stream?: NodeJS.WritableStream): LoggerService | false => {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const upTo: Record<AppConfig['logLevel'], number> = { silent: 0, fatal: 1, error: 2, warn: 3, info: 4, debug: 5, trace: 6 };
  return level === 'silent' ? false : new ServiceLogger({ json: true, logLevels: order.slice(0, upTo[level]) }, stream);
};

const isUnder = (url: string, path: string) => url === path || url.startsWith(`${path}?`) || url.startsWith(`${path}/`);
const protectedPaths = (config: AppConfig): string[] => [GRAPHQL_PATH, EXPORT_PATH, ...(config.metrics === 'token' ? [METRICS_PATH] : [])];

/** Builds the whole service for a configuration; main.ts, the tests and the tools share it. */
export async function createApp(
  config: AppConfig,
  options: {
    logger?: LoggerService | LogLevel[] | false;
    /** Receives every line the service writes, Fastify's and (unless `logger` replaces it) Nest's. */
    logStream?: NodeJS.WritableStream;
    /** Where the built pages are; dist/pages unless told otherwise. */
    pagesDir?: string;
  } = {},
): Promise<NestFastifyApplication> {
  installLeanAsyncBind();
  const paths = protectedPaths(config);
  const adapter = new FastifyAdapter({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            serializers: { req: loggedRequest },
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    ...(config.logLevel === 'silent' ? {} : { childLoggerFactory: deferredRequestLogger }),
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    // Nothing here is a Nest middleware: every hook is Fastify's own. Without this Nest would
    // register @fastify/middie anyway, and run its (empty) middleware chain in a hook of every request.
    skipMiddie: true,
    ...connectionOptions(config.httpTimeouts),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: options.logger ?? nestLogger(config.logLevel, options.logStream),
    // A provider that cannot start (an event store that does not answer) rejects here, for the
    // caller to report, rather than Nest exiting the process on its own.
    abortOnError: false,
    // Fastify's own JSON parser, made once: Nest's replacement builds a new parser for every
    // request (to keep a raw body nothing here reads). The body limit and the refusal of
    // prototype poisoning are Fastify's in both; /graphql takes JSON or GraphQL text only.
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('principal', undefined);
  // Before the authentication hook, whose 401 a browser's token-less preflight would otherwise meet.
  await allowBrowserOrigins(app, config.corsOrigins);
  // A browser opens a WebSocket without any CORS check: its Origin is held to the same list here.
  fastify.addHook('onRequest', refuseForeignOrigins(config.corsOrigins));
  // With a WebSocket server listening, Node hands every upgrade request to it, answered or not.
  fastify.addHook('onResponse', closeAnsweredUpgrades);
  // A WebSocket to /graphql is authenticated by its connection_init message (a browser cannot set
  // headers on one): LiveSessions admits it, or closes it, before Mercurius reads anything.
  const isProtected = (request: FastifyRequest) =>
    !(isWebSocketUpgrade(request) && isUnder(request.url, GRAPHQL_PATH)) && paths.some((path) => isUnder(request.url, path));
  // Before init, so the hooks run ahead of the GraphQL routes that init registers.
  fastify.addHook('onRequest', authenticate(app.get<TokenVerifier>(TOKEN_VERIFIER), isProtected));
  fastify.addHook('onRoute', app.get(LiveSessions).guardGraphQLRoute);
  fastify.addHook('onSend', closeUnreadRequests);
  app.useGlobalPipes(inputValidationPipe());
  // Before init, so the resolvers GraphQL builds at init are wrapped in it too.
  app.useGlobalFilters(new FailuresFilter(app.getHttpAdapter()));
  // On SIGTERM/SIGINT the hooks close the store, then the process exits (rather than dying by the
  // re-raised signal), so 'exit' handlers such as the data directory's lock release still run.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  await app.init();
  // After init, when the GraphQL plugin is there to take hooks.
  if (config.metrics !== 'off') {
    const metrics = app.get(ServiceMetrics);
    recordRequests(fastify, metrics);
    serveMetrics(fastify, metrics, config.metrics);
  }
  servePages(fastify, { directory: options.pagesDir ?? defaultPagesDir(), pages: config.graphiql ? ['dashboard', 'graphiql'] : ['dashboard'] });
  return app;
}
