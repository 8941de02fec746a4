import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import type { FastifyRequest } from 'fastify';
import type { MercuriusContext } from 'mercurius';
import { isBatched } from './batches';
import { isSyntaxError, mapError } from './error-mapping';
import { PERSISTED_QUERY_CODES } from './persisted-queries';
import { logFailure } from './failure-log';
import { clientHttpStatus } from './request-refusal';

type Execution = ExecutionResult & Required<Pick<ExecutionResult, 'errors'>> & { statusCode?: number };

/** Mercurius nests schema-validation errors inside one error; flatten them first. */
const flatten = (errors: readonly GraphQLError[]): GraphQLError[] =>
  errors.flatMap((error) => {
    const original = error.originalError as { errors?: unknown; statusCode?: unknown } | undefined;
    const nested = original?.errors;
    // A mutation sent with GET arrives as plain errors nested under a 405.
    const options = original?.statusCode === 405 ? { extensions: { code: 'METHOD_NOT_ALLOWED' } } : {};
    return Array.isArray(nested) ? nested.map((e) => (e instanceof GraphQLError ? e : new GraphQLError(String(e?.message ?? e), options))) : [error];
  });

/**
 * The status of a request refused before it was executed: malformed JSON (400), a body over the
 * limit (413), a mutation sent with GET (405), too many mutations (429), text that does not parse
 * (400). Documents that parse but fail validation answer 200 with their errors, like any other
 * GraphQL error.
 */
const refusedStatus = (errors: readonly GraphQLError[]): number | null => {
  if (flatten(errors).some(isSyntaxError)) return 400;
  for (const error of errors) {
    if ((error.originalError as { code?: unknown } | undefined)?.code === 'MER_ERR_GQL_VALIDATION') continue;
    const status = clientHttpStatus(error.originalError);
    if (status !== null) return status;
  }
  return null;
};

/**
 * Every error leaves with `extensions.code`; internal failures leave without message or stack
 * and are logged with the correlation id the client is given. This is the one place a GraphQL
 * failure is logged (the failures filter keeps Nest from logging it first).
 */
export function formatErrors(execution: Execution, context: MercuriusContext) {
  // A subscription's context has no reply: its WebSocket's upgrade request stands for it.
  const request = context.reply?.request ?? (context as MercuriusContext & { request?: FastifyRequest }).request;
  const correlationId = String(request?.id ?? 'unknown');
  const log = context.reply?.log ?? request?.log ?? context.app.log;
  const errors = flatten(execution.errors).map((error) => {
    const mapped = mapError(error, correlationId);
    logFailure(log, mapped, error.originalError ?? error, error.path);
    if (mapped.extensions.retryAfterSeconds !== undefined) context.reply?.header('retry-after', String(mapped.extensions.retryAfterSeconds));
    // The same request succeeds once the client has sent the query's text: no cache may keep this answer.
    if (PERSISTED_QUERY_CODES.has(mapped.extensions.code)) context.reply?.header('cache-control', 'private, no-cache, must-revalidate');
    return { message: mapped.message, locations: error.locations, path: error.path, extensions: mapped.extensions };
  });
  // Refused requests answer with their own status; every other error answers 200 as
  // graphql-over-http asks, unless nothing but internal failures came back. One operation of a
  // batch answers within the batch's 200, so one failure does not fail the others' answers.
  const onlyInternal = !execution.data && errors.every((e) => e.extensions.code === 'INTERNAL_SERVER_ERROR');
  const refused = execution.data ? null : refusedStatus(execution.errors);
  const statusCode = isBatched(context as { operationsCount?: number }) ? 200 : (execution.statusCode ?? refused ?? (onlyInternal ? 500 : 200));
  return { statusCode, response: { data: execution.data ?? null, errors } };
}
