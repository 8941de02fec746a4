import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { requestedOperationName } from '../graphql/batches';
import { GRAPHQL_PATH } from '../graphql/graphql-options';
import { OperationNames } from './operation-names';
import type { ServiceMetrics } from './service-metrics';

type Outcome = 'ok' | 'error' | 'refused';

/** What GraphQL made of a request, noted by its hooks for the response hook to count. */
interface GraphQLNote {
  operation: string;
  outcome: Outcome;
}

/**
 * Times every HTTP request by its route, and every GraphQL request by its operation and outcome.
 * Both are counted when the answer has gone out, so a request refused before GraphQL saw it (no
 * token, a body too large, the wrong content type) is counted as "refused" like one GraphQL
 * refused to parse, validate or run. The operation name comes from the parsed document (the
 * operation that would run), never from a request that did not parse.
 */
export function recordRequests(fastify: FastifyInstance, metrics: ServiceMetrics): void {
  const notes = new WeakMap<FastifyRequest, GraphQLNote>();
  const names = new OperationNames();

  const note = async (_schema: unknown, document: DocumentNode, context: MercuriusContext): Promise<void> => {
    const request = context.reply.request;
    if (notes.has(request)) return;
    const operation = getOperationAST(document, requestedOperationName(context));
    notes.set(request, { operation: names.label(operation?.name?.value), outcome: 'refused' });
  };
  // Validation is skipped for a document GraphQL has validated before (its cache), so the name is
  // also taken before execution. That hook runs after the rate limit's: a cached mutation refused
  // for its rate goes uncounted by name (as "anonymous"), though the 429 shows on its route.
  fastify.graphql.addHook('preValidation', note);
  fastify.graphql.addHook('preExecution', note);
  fastify.graphql.addHook('onResolution', async (execution: ExecutionResult, context: MercuriusContext) => {
    const note = notes.get(context.reply.request);
    // A batch is one request: counted under the name of the operation noted first, as an error if any failed.
    if (note) note.outcome = execution.errors?.length || note.outcome === 'error' ? 'error' : 'ok';
  });

  fastify.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const seconds = reply.elapsedTime / 1000;
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.observe({ method: request.method, route, status_code: String(reply.statusCode) }, seconds);
    if (route !== GRAPHQL_PATH) return;
    const note = notes.get(request);
    metrics.graphqlOperations.observe({ operation: note?.operation ?? names.label(undefined), outcome: note?.outcome ?? 'refused' }, seconds);
  });
}
