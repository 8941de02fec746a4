import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { GraphQLResolveInfo } from 'graphql';
import { RequestFolds, type AggregateLoader } from '../common/aggregate-loader';
import type { EntityReader } from '../common/entity-reader';
import type { Loaders } from '../common/loaders';
import { AuthorizationGuard } from './authorization.guard';
import type { Principal } from '@throughline/runtime';
import { Requires } from './requires';
import { everyPmo } from './scopes';

class Operations {
  @Requires('pmo.manage', everyPmo)
  establishPmo(): void {}

  undeclared(): void {}
}

const guard = new AuthorizationGuard(new Reflector(), {} as AggregateLoader, {} as EntityReader);

/** A root GraphQL field about to be resolved by one of the methods above. */
const rootField = (method: keyof Operations, principal: Principal): ExecutionContext => {
  const info = { fieldName: method, path: { prev: undefined, key: method }, operation: { operation: 'mutation' } } as unknown as GraphQLResolveInfo;
  const args = [undefined, {}, { principal, correlationId: 'c-1', loaders: {} as Loaders, folds: new RequestFolds() }, info];
  return {
    getType: () => 'graphql',
    getClass: () => Operations,
    getHandler: () => Operations.prototype[method],
    getArgs: () => args,
    getArgByIndex: (index: number) => args[index],
  } as unknown as ExecutionContext;
};

const admin: Principal = { subject: 'ada@org.test', roles: ['ADMIN'], pmoIds: [] };
const auditor: Principal = { subject: 'sam@org.test', roles: ['AUDITOR'], pmoIds: [] };

describe('the authorization guard', () => {
  it('lets an operation through when the caller holds the permission it declares', async () => {
    await expect(guard.canActivate(rootField('establishPmo', admin))).resolves.toBe(true);
  });

  it('refuses an operation to a caller without the permission it declares, naming it', async () => {
    await expect(guard.canActivate(rootField('establishPmo', auditor))).rejects.toMatchObject({ name: 'ForbiddenError', permission: 'pmo.manage' });
  });

  it('refuses an operation that declares no permission to everyone, ADMIN included', async () => {
    await expect(guard.canActivate(rootField('undeclared', admin))).rejects.toMatchObject({
      name: 'ForbiddenError',
      message: expect.stringContaining('undeclared is open to no role'),
    });
  });
});
