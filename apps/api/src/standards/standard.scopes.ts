import type { ScopeRule } from '../auth/requires';
import { entityAt } from '../auth/scopes';
import { DEVIATION, PMO, STANDARD } from '../common/aggregates';

type Pick<A> = (args: A) => string | null | undefined;

export const standardAt = <A>(pick: Pick<A>, field: string) => entityAt(STANDARD, pick, field);
export const deviationAt = <A>(pick: Pick<A>, field: string) => entityAt(DEVIATION, pick, field);

/** The publisher of the deviation's standard: whose head decides it. */
export const deviationPublisherAt =
  <A>(pick: Pick<A>, field: string): ScopeRule<A> =>
  async (request) => {
    const deviation = await request.targets.existing(DEVIATION, pick(request.args), field);
    return { pmoId: deviation.publisherPmoId };
  };

/** The parent of the PMO an argument names: leeway is its parent's to give. A top-level PMO has none to give it. */
export const parentOfPmoAt =
  <A>(pick: Pick<A>, field: string): ScopeRule<A> =>
  async (request) => {
    const pmo = await request.targets.existingView(PMO, pick(request.args), field);
    return { pmoId: pmo.status === 'NONE' ? null : pmo.parentId };
  };
