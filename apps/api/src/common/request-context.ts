import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Principal } from '@throughline/runtime';
import type { RequestFolds } from './aggregate-loader';
import type { Loaders } from './loaders';

/** The GraphQL context of one request. */
export interface GraphQLRequestContext {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly loaders: Loaders;
  /** Streams the request's permission checks and commands have folded. */
  readonly folds: RequestFolds;
}

/** What a command knows about the request it serves. */
export interface RequestContext {
  readonly principal: Principal;
  readonly correlationId: string;
  /**
   * The GraphQL field being resolved (`recordProgress`), named once by the resolver method: the
   * operation an idempotency key's payload hash covers.
   */
  readonly operation: string;
  readonly folds: RequestFolds;
}

const gqlContext = (context: ExecutionContext) => GqlExecutionContext.create(context).getContext<GraphQLRequestContext>();

/** Injects the authenticated caller, the request's correlation id and the operation into a resolver. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const gql = GqlExecutionContext.create(context);
  const { principal, correlationId, folds } = gql.getContext<GraphQLRequestContext>();
  return { principal, correlationId, operation: gql.getInfo<GraphQLResolveInfo>().fieldName, folds };
});

/** Injects the request's batching loaders. */
export const RequestLoaders = createParamDecorator((_data: unknown, context: ExecutionContext): Loaders => gqlContext(context).loaders);
