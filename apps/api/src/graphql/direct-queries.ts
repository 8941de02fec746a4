import type { Type } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { AuthorizationGuard } from '../auth/authorization.guard';
import type { GraphQLRequestContext } from '../common/request-context';

type Args = Record<string, unknown>;

/**
 * A query answered by calling its resolver method directly: `call` passes the GraphQL arguments
 * and context as the method's parameters, in the method's own terms.
 */
export interface DirectQuery<R> {
  readonly resolver: Type<R>;
  readonly method: string & keyof R;
  readonly call: (resolver: R, args: Args, context: GraphQLRequestContext) => unknown;
}

/** A direct query checked against its resolver's type, kept in a list of queries of any resolver. */
export type AnyDirectQuery = DirectQuery<unknown>;

export const directQuery = <R>(query: DirectQuery<R>): AnyDirectQuery => query as unknown as AnyDirectQuery;

/**
 * Nest wraps every root resolver in a context of its own per call: guards, an interceptor chain,
 * pipes for every parameter and an exception proxy, each a promise or more. For a query read many
 * times a second whose parameters are scalars and the request's loaders (no input object for the
 * validation pipe to check, no interceptor, no filter that acts on a query), that wrapping cost
 * about as much as the query's own work. Such a query is resolved here instead: the same
 * permission check and not-found rule, declared by the same @Requires and @ExistingIds on the
 * method and run by the same guard before the method, then the method itself.
 */
export const resolveDirectly = (schema: GraphQLSchema, modules: ModuleRef, queries: readonly AnyDirectQuery[]): GraphQLSchema => {
  const guard = modules.get(AuthorizationGuard, { strict: false });
  const fields = schema.getQueryType()?.getFields() ?? {};
  for (const query of queries) {
    const field = fields[query.method];
    if (!field) throw new Error(`no query ${query.method} to resolve directly`);
    const resolver = modules.get(query.resolver, { strict: false });
    const handler = (query.resolver.prototype as Record<string, unknown>)[query.method] as object;
    field.resolve = async (_root: unknown, args: Args, context: GraphQLRequestContext, info: GraphQLResolveInfo) => {
      await guard.checkField(handler, args, context, info);
      return query.call(resolver, args, context);
    };
  }
  return schema;
};
