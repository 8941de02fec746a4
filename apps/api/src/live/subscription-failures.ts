import type { FastifyBaseLogger } from 'fastify';
import { GraphQLError } from 'graphql';
import { mapError, type ErrorExtensions } from '../graphql/error-mapping';
import { logFailure } from '../graphql/failure-log';

/**
 * An error as a subscription's client is sent it, mapped and logged like every GraphQL error
 * (`extensions.code`, a refusal at info without its message, an unexpected failure at error
 * with the correlation id the client gets). Mercurius sends a failed subscription's error
 * straight to the socket, past the error formatter, so it must arrive here already in that form.
 */
export function subscriptionError(error: unknown, log: FastifyBaseLogger, correlationId: string, path?: readonly (string | number)[]): GraphQLError {
  if (error instanceof GraphQLError && !error.originalError && typeof error.extensions['code'] === 'string') {
    // Already in the client's form (a backlog overflow, with where to resume): logged, sent as it is.
    logFailure(log, { message: error.message, extensions: error.extensions as unknown as ErrorExtensions, internal: false }, error, path);
    return error;
  }
  const original = error instanceof Error ? error : new Error(String(error));
  const located = original instanceof GraphQLError ? original : new GraphQLError(original.message, { originalError: original });
  const mapped = mapError(located, correlationId);
  logFailure(log, mapped, located.originalError ?? located, path);
  return new GraphQLError(mapped.message, { extensions: { ...mapped.extensions } });
}

/**
 * An event stream that fails at once: how a subscription refused before it starts (no
 * permission, bad input) reaches its client as an `error` message for its id, the connection
 * staying open for the others.
 */
export function failedSubscription(error: GraphQLError): AsyncIterableIterator<never> {
  let sent = false;
  return {
    next: () => {
      if (sent) return Promise.resolve({ value: undefined as never, done: true });
      sent = true;
      return Promise.reject(error);
    },
    return: () => Promise.resolve({ value: undefined as never, done: true }),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
