import { HttpException, HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { GraphQLResolveInfo } from 'graphql';
import { AggregateLoader } from '../common/aggregate-loader';
import { ForbiddenError, InputError, NotFoundError } from '../common/app-errors';
import { EntityReader } from '../common/entity-reader';
import type { GraphQLRequestContext } from '../common/request-context';
import { authorizeLazily } from './authorize';
import { EXISTING_IDS, requireExisting, type IdArgument } from './existing-ids';
import type { Principal } from '@throughline/runtime';
import { REQUIREMENT, type Declared, type Requirement } from './requires';
import { commandTargets, queryTargets, routeTargets, type TargetSource } from './targets';

/**
 * Checks every GraphQL operation and every route against the permission its resolver method or
 * handler declares with @Requires, before it runs. Registered for the whole application, so no
 * resolver can be reached without passing here; nested fields are not checked again (what an
 * operation returns is what its permission allows reading). Then, for a query, that every id
 * argument it declares with @ExistingIds names something: after the permission, so a caller who
 * may not ask hears FORBIDDEN, never whether the id exists.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly loader: AggregateLoader,
    private readonly reader: EntityReader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // The declared argument shape is the resolver's own; here the arguments arrive as a record.
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      await this.checkField(context.getHandler(), gql.getArgs<Record<string, unknown>>(), gql.getContext<GraphQLRequestContext>(), gql.getInfo<GraphQLResolveInfo>());
      return true;
    }
    const requirement = this.reflector.get<Declared<Record<string, unknown>> | undefined>(REQUIREMENT, context.getHandler());
    if (context.getType() === 'http') {
      await this.http(context.switchToHttp().getRequest<FastifyRequest>(), requirement);
      return true;
    }
    return true;
  }

  /**
   * The check of one GraphQL field whose resolver method is `handler`, as declared on it; also
   * what a query resolved without Nest's wrapping calls (graphql/direct-queries.ts).
   */
  async checkField(handler: object, args: Record<string, unknown>, context: GraphQLRequestContext, info: GraphQLResolveInfo): Promise<void> {
    // Only root fields are operations; a nested field resolver reached here is part of one.
    if (info.path.prev !== undefined) return;
    const requirement = this.reflector.get<Declared<Record<string, unknown>> | undefined>(REQUIREMENT, handler as () => unknown);
    if (!requirement) throw new ForbiddenError(`${info.fieldName} is open to no role: its resolver declares no permission`);
    const ids = this.reflector.get<readonly IdArgument<Record<string, unknown>>[] | undefined>(EXISTING_IDS, handler as () => unknown) ?? [];
    const { principal, loaders, folds } = context;
    // A mutation's command folds its target from the stream; a query reads the read model.
    const targets = info.operation.operation === 'mutation' ? commandTargets(this.loader, folds) : queryTargets(loaders);
    await this.check(requirement, principal, args, targets);
    if (info.operation.operation === 'query') await requireExisting(ids, args, loaders);
  }

  private async http(request: FastifyRequest, requirement: Declared<Record<string, unknown>> | undefined): Promise<void> {
    const { principal } = request;
    if (!requirement) {
      // Open routes (health, readiness) are never authenticated; an authenticated one must declare a permission.
      if (principal) {
        const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
        throw httpError(HttpStatus.FORBIDDEN, 'FORBIDDEN', `${route} is open to no role: its handler declares no permission`);
      }
      return;
    }
    if (!principal) throw httpError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'send Authorization: Bearer <token>');
    try {
      await this.check(requirement, principal, (request.query ?? {}) as Record<string, unknown>, routeTargets(this.reader));
    } catch (error) {
      if (error instanceof ForbiddenError) throw httpError(HttpStatus.FORBIDDEN, 'FORBIDDEN', error.message, { permission: error.permission });
      if (error instanceof NotFoundError) throw httpError(HttpStatus.NOT_FOUND, 'NOT_FOUND', error.message, { field: error.field });
      if (error instanceof InputError) throw httpError(HttpStatus.BAD_REQUEST, 'BAD_USER_INPUT', error.message, { field: error.field });
      throw error;
    }
  }

  private async check(declared: Declared<Record<string, unknown>>, principal: Principal, args: Record<string, unknown>, targets: TargetSource): Promise<void> {
    if ('forward' in declared) {
      // The target's type decides the permission, so it is looked up whatever the caller's roles.
      const forwarded = await declared.forward({ args, principal, targets });
      const requirement = forwarded.requirement as Requirement<unknown>;
      return authorizeLazily(principal, requirement.permission, () => requirement.scope({ args: forwarded.args, principal, targets }));
    }
    return authorizeLazily(principal, declared.permission, () => declared.scope({ args, principal, targets }));
  }
}

/** The same body shape as a GraphQL error, so a client reads one kind of answer everywhere. */
const httpError = (status: HttpStatus, code: string, message: string, extensions: Record<string, unknown> = {}): HttpException =>
  new HttpException({ errors: [{ message, extensions: { code, ...extensions } }] }, status);
