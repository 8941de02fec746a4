import { GraphQLError } from 'graphql';
import { DomainError } from '@throughline/domain';
import { ConflictError, IdempotencyKeyReusedError, PersonalDataErasedError, StoreUnavailableError } from '@throughline/event-store';
import { AuthenticationError } from '@throughline/runtime';
import { ForbiddenError, InputError, NotFoundError, NotSupportedError, ResultTooLargeError } from '../common/app-errors';
import { HASH_FIELD, HASH_MISMATCH } from './persisted-queries';
import { RateLimitedError, RequestRefusedError, clientHttpStatus, codeForClientStatus } from './request-refusal';

/** A request with neither a query nor the hash of one (mercurius calls it "Unknown query"). */
const NO_QUERY = 'the request holds no query: send `query`, or `extensions.persistedQuery` with the SHA-256 of one';

export interface ErrorExtensions {
  code: string;
  field?: string;
  /** With FORBIDDEN: the permission the caller lacks. */
  permission?: string;
  currentRevision?: number;
  correlationId?: string;
  /** With RATE_LIMITED: seconds until the next mutation is accepted (also the Retry-After header). */
  retryAfterSeconds?: number;
  /** With RESULT_TOO_LARGE: the connection to page through instead, and the most items the list answers. */
  connection?: string;
  cap?: number;
}

export interface MappedError {
  readonly message: string;
  readonly extensions: ErrorExtensions;
  /** Unexpected: logged with the correlation id, shown to the client only as that id. */
  readonly internal: boolean;
}

/**
 * A document that is not GraphQL text: answered 400, before validation ever runs. The parser's
 * token limit also speaks of a syntax error, but it is a limit like the alias and cost limits
 * and is answered like them.
 */
export const isSyntaxError = (error: GraphQLError): boolean =>
  error.message.startsWith('Syntax Error:') && !error.message.endsWith('tokens. Parsing aborted.');

/** Strips the leading argument name: "input.metric.target" → "metric.target". */
const fieldOf = (pathText: string): string => pathText.replace(/^input\./, '').replace(/\[\d+\]/g, '');

/**
 * Maps anything a request can fail with to a client-facing message and a stable code.
 * Unknown errors become INTERNAL_SERVER_ERROR without their message or stack.
 */
export function mapError(error: GraphQLError, correlationId: string): MappedError {
  const original = error.originalError;
  const known = (code: string, extra: Omit<ErrorExtensions, 'code'> = {}, message = original?.message ?? error.message): MappedError => ({
    message,
    extensions: { code, ...extra },
    internal: false,
  });

  if (original instanceof DomainError) {
    // PMO_NOT_FOUND, OBJECTIVE_NOT_FOUND...: clients handle one NOT_FOUND code for every kind.
    const code = original.code.endsWith('_NOT_FOUND') ? 'NOT_FOUND' : original.code;
    return known(code, original.field ? { field: original.field } : {});
  }
  if (original instanceof InputError) return known('BAD_USER_INPUT', { field: original.field });
  if (original instanceof NotFoundError) return known('NOT_FOUND', original.field ? { field: original.field } : {});
  if (original instanceof ConflictError) return known('CONFLICT', { currentRevision: original.currentRevision });
  if (original instanceof IdempotencyKeyReusedError) return known('IDEMPOTENCY_KEY_REUSED', { field: 'commandId' });
  // The command would record personal data of someone erased: refused, nothing recorded.
  if (original instanceof PersonalDataErasedError) return known('PERSONAL_DATA_ERASED');
  if (original instanceof AuthenticationError) return known('UNAUTHENTICATED');
  if (original instanceof ForbiddenError) return known('FORBIDDEN', original.permission ? { permission: original.permission } : {});
  if (original instanceof NotSupportedError) return known('NOT_SUPPORTED');
  if (original instanceof ResultTooLargeError) return known('RESULT_TOO_LARGE', { field: original.field, connection: original.connection, cap: original.cap });
  if (original instanceof StoreUnavailableError) return known('UNAVAILABLE', {}, 'the event store is unavailable; try again shortly');
  if (original instanceof RateLimitedError) return known(original.code, { retryAfterSeconds: original.retryAfterSeconds });
  // Mercurius's own refusals of a persisted query's request, in the project's words.
  const mercuriusCode = (original as { code?: unknown } | undefined)?.code;
  if (mercuriusCode === 'MER_ERR_GQL_PERSISTED_QUERY_MISMATCH') return known('BAD_USER_INPUT', { field: HASH_FIELD }, HASH_MISMATCH);
  if (mercuriusCode === 'MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND') return known('BAD_REQUEST', {}, NO_QUERY);
  if (original instanceof RequestRefusedError) return known(original.code);
  // Refused by Fastify before GraphQL saw it: malformed JSON, a body over the limit...
  const httpStatus = clientHttpStatus(original);
  if (httpStatus !== null) return known(codeForClientStatus(httpStatus));

  // Variable coercion: 'Variable "$input" got invalid value "2026-02-30" at "input.effectiveFrom"; ...'
  const variable = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"; (.*)$/s.exec(error.message);
  if (variable) return known('BAD_USER_INPUT', { field: fieldOf(variable[2] as string) }, error.message);
  const missing = /^Variable "\$(\w+)" got invalid value .*?; Field "([^"]+)" of required type/s.exec(error.message);
  if (missing) return known('BAD_USER_INPUT', { field: missing[2] as string }, error.message);
  const ownCode = (original as GraphQLError | undefined)?.extensions?.code ?? error.extensions?.code;
  if (ownCode === 'BAD_USER_INPUT') return known('BAD_USER_INPUT', {}, error.message);

  // graphql-js words every lexer and parser failure "Syntax Error: …"; nothing else starts so.
  if (isSyntaxError(error)) return known('GRAPHQL_PARSE_FAILED', {}, error.message);
  // A GraphQLError of its own (validation against the schema): the client's mistake.
  if (!original || original instanceof GraphQLError) {
    return known(typeof ownCode === 'string' ? ownCode : 'GRAPHQL_VALIDATION_FAILED', {}, error.message);
  }

  return {
    message: `Internal error; quote correlation id ${correlationId} when reporting it`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
    internal: true,
  };
}
