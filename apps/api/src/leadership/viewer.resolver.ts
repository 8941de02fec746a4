import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PMO_KIND, PMO_SCOPED_ROLES } from '@throughline/runtime';
import { can } from '../auth/authorize';
import { PERMISSIONS, type Permission } from '../auth/permissions';
import { Requires } from '../auth/requires';
import { everyPmo } from '../auth/scopes';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { Viewer } from './leadership.types';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'the caller, as their token says: whoever holds a valid token may ask' })
  @Requires('viewer.read', everyPmo)
  viewer(@Caller() { principal }: RequestContext): Viewer {
    const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((permission) =>
      // Held somewhere: everywhere, or in one of the token's PMOs (a scope naming no one: anyone's things).
      [null, ...principal.pmoIds].some((pmoId) => can(principal, permission, { pmoId, people: [principal.subject] })),
    );
    const scoped = principal.roles.some((role) => PMO_SCOPED_ROLES.includes(role));
    return { subject: principal.subject, roles: [...principal.roles], permissions, pmoIds: scoped ? principal.pmoIds : [] };
  }

  @ResolveField(() => [Pmo], { description: 'the PMOs a PMO_HEAD or MEMBER role applies to, in the order the token lists them; none for other roles' })
  async pmos(@Parent() viewer: Viewer, @RequestLoaders() loaders: Loaders): Promise<Pmo[]> {
    const views = await loaders.entity(PMO_KIND, null).loadMany([...viewer.pmoIds]);
    // A token may name a PMO this store does not hold (one minted by an identity provider): it is left out.
    return views.flatMap((view) => (view instanceof Error ? [] : (toPmoView(view, null) ?? [])));
  }
}
