import type { FastifyBaseLogger } from 'fastify';
import type { MappedError } from './error-mapping';

/**
 * How a failed request is logged, the same for GraphQL and the HTTP routes.
 *
 * A refusal (bad input, FORBIDDEN, NOT_FOUND, CONFLICT, a rate limit...) is the client's business
 * and the service worked as it should: one info line naming the code, field, permission and path,
 * without a stack trace, and without the message, which may quote what the client sent (personal
 * fields included). An unavailable event store is a warning. Only an unexpected failure is an
 * error, logged whole with the correlation id its client was given.
 */
export function logFailure(log: FastifyBaseLogger, mapped: MappedError, error: unknown, path?: readonly (string | number)[]): void {
  const at = path && path.length > 0 ? path.join('.') : undefined;
  if (mapped.internal) {
    log.error({ err: error, correlationId: mapped.extensions.correlationId, path: at }, 'request failed');
    return;
  }
  const { code, field, permission } = mapped.extensions;
  if (code === 'UNAVAILABLE') {
    // The store adapters name the server (host:port), never a connection string with credentials.
    log.warn({ code, path: at, cause: error instanceof Error ? error.message : undefined }, 'event store unavailable');
    return;
  }
  log.info({ code, field, permission, path: at }, 'request refused');
}
