import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { MercuriusContext } from 'mercurius';
import type { GraphQLRequestContext } from '../common/request-context';
import { RequestRefusedError } from './request-refusal';

/**
 * A POST body that is a JSON array is a batch (Apollo's BatchHttpLink sends one): every element
 * is an operation of its own, answered in an array in the same order. Mercurius runs them side
 * by side, each through every hook and rule as if it had come alone.
 */
type BatchContext = MercuriusContext & Partial<GraphQLRequestContext> & { operationId?: number; operationsCount?: number };

/** Refuses a batch holding more operations than allowed (0: batches are refused), or none. */
export const batchesUpTo =
  (maxOperations: number) =>
  // A callback rather than an async hook: it runs on every request, and a promise each is a cost of its own.
  (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (request.method !== 'POST' || !Array.isArray(request.body)) return done();
    const count = request.body.length;
    if (maxOperations === 0) return done(new RequestRefusedError('BATCH_REFUSED', 'batched operations are switched off here: send one operation per request', 400));
    if (count === 0) return done(new RequestRefusedError('BAD_REQUEST', 'the batch is empty: send at least one operation', 400));
    if (count > maxOperations) {
      return done(new RequestRefusedError('BATCH_TOO_LARGE', `a batch may hold at most ${maxOperations} operations and this one holds ${count}: send the rest in another request`, 400));
    }
    done();
  };

/** Whether the context is one operation of a batch (an array body, of one operation or more). */
export const isBatched = (context: { operationsCount?: number } | undefined): boolean => context?.operationsCount !== undefined;

/** Whether it shares the request's context with other operations (mercurius gives a batch of one the request's own). */
const sharesContext = (context: { operationsCount?: number }): boolean => (context.operationsCount ?? 0) > 1;

/** The operation name the client gave for the operation this context runs, in a batch or alone. */
export const requestedOperationName = (context: BatchContext): string | undefined => {
  const request = context.reply?.request;
  const body = request?.body as unknown;
  const sent = Array.isArray(body) ? (body[context.operationId ?? 0] as unknown) : body;
  const fromBody = (sent as { operationName?: unknown } | null | undefined)?.operationName;
  const fromQuery = (request?.query as { operationName?: unknown } | undefined)?.operationName;
  const name = fromBody ?? fromQuery;
  return typeof name === 'string' && name !== '' ? name : undefined;
};

/**
 * Gives each operation of a batch its own loaders and folds, as if it had come alone: mercurius
 * derives every operation's context from the request's, and operations that run side by side
 * must not answer from one another's reads, nor decide on a fold another one's command moved on.
 */
export const ownStatePerOperation =
  (fresh: () => Pick<GraphQLRequestContext, 'loaders' | 'folds'>) =>
  (_schema: unknown, _document: unknown, context: BatchContext): void => {
    if (!sharesContext(context)) return;
    Object.assign(context, fresh());
  };
