import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlContextType } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { GraphQLRequestContext } from '../common/request-context';
import { failedSubscription, subscriptionError } from '../live/subscription-failures';
import { mapError, type MappedError } from './error-mapping';
import { logFailure } from './failure-log';
import { clientHttpStatus } from './request-refusal';

const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  INTERNAL_SERVER_ERROR: 500,
  UNAVAILABLE: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

const statusOf = (mapped: MappedError, error: Error): number => STATUS_OF_CODE[mapped.extensions.code] ?? clientHttpStatus(error) ?? 400;

/**
 * Whatever a resolver, guard or controller throws passes here before anything logs it. Nest would
 * log every one of them at error level with its stack, refused input and FORBIDDEN alike; instead:
 *
 * - in GraphQL the error goes on untouched to the error formatter, which maps and logs it;
 * - a subscription refused before it starts is mapped and logged here, and answered with a stream
 *   that fails with it: Mercurius would send the raw error to the socket and log it at error level;
 * - on the HTTP routes (the audit export) it is mapped and logged the same way, and answered with
 *   its status and a GraphQL-shaped error: an unexpected one with its correlation id only.
 *   Nest's own HTTP exceptions (an unknown route's 404) are answered as Nest answers them.
 */
@Catch()
export class FailuresFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void | AsyncIterableIterator<never> {
    if (host.getType<GqlContextType>() === 'graphql') {
      const gql = GqlArgumentsHost.create(host);
      const info = gql.getInfo<GraphQLResolveInfo>();
      if (info.operation.operation !== 'subscription' || info.path.prev !== undefined) throw exception;
      const context = gql.getContext<GraphQLRequestContext & { request: FastifyRequest }>();
      return failedSubscription(subscriptionError(exception, context.request.log, context.correlationId, [info.fieldName]));
    }
    if (host.getType() !== 'http') throw exception;
    if (exception instanceof HttpException) return super.catch(exception, host);

    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = exception instanceof Error ? exception : new Error(String(exception));
    const mapped = mapError(new GraphQLError(error.message, { originalError: error }), String(request.id));
    logFailure(request.log, mapped, error);
    // A stream that fails after its first bytes has already answered 200; Fastify ends it.
    if (reply.sent || reply.raw.headersSent) return;
    void reply.code(statusOf(mapped, error)).send({ errors: [{ message: mapped.message, extensions: mapped.extensions }] });
  }
}
