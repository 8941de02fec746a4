import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { Kind, Source, getOperationAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import type { GraphQLRequestContext } from '../common/request-context';
import { requestedOperationName } from './batches';
import { MAX_ARGUMENT_LIST, MAX_ARGUMENT_TEXT } from './query-limits';
import { RateLimitedError, RequestRefusedError } from './request-refusal';
import type { SubjectRateLimiter } from './subject-rate-limiter';
import { oversizedVariable } from './value-size';

type Context = MercuriusContext & Partial<GraphQLRequestContext>;

const GRAPHQL_BODY_TYPES = ['application/json', 'application/graphql'];

/**
 * A POST to the GraphQL route carries JSON (or GraphQL text); a form, plain text or no content
 * type at all is not a GraphQL request, and is refused before its body is read. A callback
 * rather than an async hook: it runs on every request, and a promise each is a cost of its own.
 */
export const onlyGraphQLBodies = (
  request: FastifyRequest,
  _reply: FastifyReply,
  payload: RequestPayload,
  done: (error: Error | null, payload?: RequestPayload) => void,
): void => {
  const header = request.headers['content-type'];
  // What nearly every client sends, taken without splitting and lower-casing it.
  if (request.method !== 'POST' || header === 'application/json') return done(null, payload);
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (!GRAPHQL_BODY_TYPES.includes(type)) {
    return done(new RequestRefusedError('UNSUPPORTED_MEDIA_TYPE', `send ${GRAPHQL_BODY_TYPES.join(' or ')}, not ${type || 'a body without a content type'}`, 415));
  }
  done(null, payload);
};

/**
 * Mercurius takes a query that is not GraphQL but parses as JSON for a ready-made syntax tree, and
 * a made-up tree breaks validation with a TypeError. Only documents parsed from text go on.
 */
export const onlyParsedDocuments = async (_schema: unknown, document: unknown): Promise<void> => {
  const parsed = (document as DocumentNode | null)?.loc?.source;
  if (!(parsed instanceof Source)) {
    throw new RequestRefusedError('GRAPHQL_PARSE_FAILED', 'the query must be a GraphQL document', 400);
  }
};

/**
 * A check before an operation runs, with the arguments of a mercurius preExecution hook: it throws
 * to refuse the operation, and may give its context what the operation needs.
 */
export type ExecutionCheck = (schema: GraphQLSchema, document: DocumentNode, context: Context, variables: unknown) => void;

/**
 * The checks before an operation runs, in order, as one mercurius preExecution hook. None of them
 * waits for anything, and Mercurius awaits every hook it is given on every request: as hooks of
 * their own, each cost a promise and a turn of the microtask queue.
 */
export const beforeExecution =
  (checks: readonly ExecutionCheck[]) =>
  async (schema: GraphQLSchema, document: DocumentNode, context: Context, variables: unknown): Promise<void> => {
    for (const check of checks) check(schema, document, context, variables);
  };

/** Refuses variables that carry an oversized string or list, before any resolver runs. */
export const boundedVariables: ExecutionCheck = (_schema, _document, _context, variables) => {
  const problem = oversizedVariable(variables, MAX_ARGUMENT_TEXT, MAX_ARGUMENT_LIST);
  if (problem) throw problem;
};

const isMutation = (document: DocumentNode, context: Context): boolean => {
  const operation = getOperationAST(document, requestedOperationName(context));
  // Without a single operation to pick, count the request if any of its operations writes.
  if (!operation) return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation');
  return operation.operation === 'mutation';
};

/** Counts each mutation against its subject's bucket, each one of a batch too; queries are not limited. */
export const mutationRateLimit =
  (limiter: SubjectRateLimiter): ExecutionCheck =>
  (_schema, document, context) => {
    if (!isMutation(document, context)) return;
    const wait = limiter.take(context.principal?.subject ?? '');
    if (wait > 0) throw new RateLimitedError(wait);
  };
