import { specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import type { LiveContext } from './live-context';
import { subscriptionError } from './subscription-failures';

/**
 * A Mercurius preSubscriptionExecution hook: the subscription's document must pass GraphQL's
 * validation and the service's limits (cost, aliases, argument sizes, introspection) before it
 * runs, as a query's must. The first failure is the client's answer, GRAPHQL_VALIDATION_FAILED.
 */
export const validateSubscription =
  (rules: readonly ValidationRule[]) =>
  async (schema: GraphQLSchema, document: DocumentNode, context: MercuriusContext): Promise<void> => {
    const [first] = validate(schema, document, [...specifiedRules, ...rules]);
    // A subscription's context is the connection's (graphql-options.ts), with what Mercurius adds.
    const { request, correlationId } = context as unknown as LiveContext;
    if (first) throw subscriptionError(first, request.log, correlationId);
  };
