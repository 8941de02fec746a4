import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { mapError } from './error-mapping';

type Execution = ExecutionResult & Required<Pick<ExecutionResult, 'errors'>> & { statusCode?: number };

/** Mercurius nests schema-validation errors inside one error; flatten them first. */
const flatten = (errors: readonly GraphQLError[]): GraphQLError[] =>
  errors.flatMap((error) => {
    const nested = (error.originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(nested) ? nested.map((e) => (e instanceof GraphQLError ? e : new GraphQLError(String(e?.message ?? e)))) : [error];
  });

/**
 * Every error leaves with `extensions.code`; internal failures leave without message or stack
 * and are logged with the correlation id the client is given.
 */
export function formatErrors(execution: Execution, context: MercuriusContext) {
  const request = context.reply?.request;
  const correlationId = String(request?.id ?? 'unknown');
  const log = context.reply?.log ?? context.app.log;
  const errors = flatten(execution.errors).map((error) => {
    const mapped = mapError(error, correlationId);
    if (mapped.internal) {
      log.error({ err: error.originalError ?? error, correlationId, path: error.path }, 'request failed');
    }
    return { message: mapped.message, locations: error.locations, path: error.path, extensions: mapped.extensions };
  });
  // Request errors (syntax, schema validation, variables) carry their own status (400) from mercurius;
  // errors raised while executing answer 200 as graphql-over-http asks, unless nothing but
  // internal failures came back.
  const onlyInternal = !execution.data && errors.every((e) => e.extensions.code === 'INTERNAL_SERVER_ERROR');
  const statusCode = execution.statusCode ?? (onlyInternal ? 500 : 200);
  return { statusCode, response: { data: execution.data ?? null, errors } };
}
