import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '@throughline/runtime';
import type { Loaders } from './loaders';

/** The GraphQL context of one request. */
export interface GraphQLRequestContext {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly loaders: Loaders;
}

/** What a command knows about the request it serves. */
export interface RequestContext {
  readonly principal: Principal;
  readonly correlationId: string;
}

const gqlContext = (context: ExecutionContext) => GqlExecutionContext.create(context).getContext<GraphQLRequestContext>();

/** Injects the authenticated caller and the request's correlation id into a resolver. */
export const Caller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext => {
    const { principal, correlationId } = gqlContext(context);
    return { principal, correlationId };
  },
);

/** Injects the request's batching loaders. */
export const RequestLoaders = createParamDecorator((_data: unknown, context: ExecutionContext): Loaders => gqlContext(context).loaders);
