import { HttpException, HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { GraphQLResolveInfo } from 'graphql';
import { ForbiddenError, InputError, NotFoundError } from '../common/app-errors';
import type { GraphQLRequestContext } from '../common/request-context';
import { authorizeLazily } from './authorize';
import { GRAPHQL_OPERATIONS, HTTP_OPERATIONS, type OperationRule } from './operations';
import type { Principal } from '@throughline/runtime';
import { ScopeLookup } from './scope-lookup';

/**
 * Checks every GraphQL operation and every listed HTTP route against the permission table
 * before its resolver or handler runs. Registered for the whole application, so no resolver can
 * be reached without passing here; nested fields are not checked again (what an operation
 * returns is what its permission allows reading).
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(private readonly lookup: ScopeLookup) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() === 'graphql') {
      await this.graphql(GqlExecutionContext.create(context));
      return true;
    }
    if (context.getType() === 'http') {
      await this.http(context.switchToHttp().getRequest<FastifyRequest>());
      return true;
    }
    return true;
  }

  private async graphql(gql: GqlExecutionContext): Promise<void> {
    const info = gql.getInfo<GraphQLResolveInfo>();
    // Only root fields are operations; a nested field resolver reached here is part of one.
    if (info.path.prev !== undefined) return;
    const rule = GRAPHQL_OPERATIONS[info.fieldName];
    if (!rule) throw new ForbiddenError(`${info.fieldName} is open to no role: the permission table does not list it`);
    const { principal } = gql.getContext<GraphQLRequestContext>();
    await this.check(rule, principal, gql.getArgs<Record<string, unknown>>());
  }

  private async http(request: FastifyRequest): Promise<void> {
    // HEAD runs the GET handler, so it needs what GET needs.
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const route = `${method} ${request.routeOptions.url ?? request.url}`;
    const rule = HTTP_OPERATIONS[route];
    const { principal } = request;
    if (!rule) {
      // Open routes (health, readiness) are never authenticated; an authenticated one must be listed.
      if (principal) throw httpError(HttpStatus.FORBIDDEN, 'FORBIDDEN', `${route} is open to no role: the permission table does not list it`);
      return;
    }
    if (!principal) throw httpError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'send Authorization: Bearer <token>');
    try {
      await this.check(rule, principal, (request.query ?? {}) as Record<string, unknown>);
    } catch (error) {
      if (error instanceof ForbiddenError) throw httpError(HttpStatus.FORBIDDEN, 'FORBIDDEN', error.message, { permission: error.permission });
      if (error instanceof NotFoundError) throw httpError(HttpStatus.NOT_FOUND, 'NOT_FOUND', error.message, { field: error.field });
      if (error instanceof InputError) throw httpError(HttpStatus.BAD_REQUEST, 'BAD_USER_INPUT', error.message, { field: error.field });
      throw error;
    }
  }

  private check(rule: OperationRule, principal: Principal, args: Record<string, unknown>): Promise<void> {
    return authorizeLazily(principal, rule.permission, () => rule.scope({ args, principal, lookup: this.lookup }));
  }
}

/** The same body shape as a GraphQL error, so a client reads one kind of answer everywhere. */
const httpError = (status: HttpStatus, code: string, message: string, extensions: Record<string, unknown> = {}): HttpException =>
  new HttpException({ errors: [{ message, extensions: { code, ...extensions } }] }, status);
