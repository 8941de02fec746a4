import type { PmoView } from '@throughline/domain';
import type { Pmo } from './pmo.types';

/** The GraphQL view of a folded PMO; null when the stream holds no established PMO. */
export const toPmoView = (view: PmoView | null, asOf: string | null): Pmo | null => {
  if (!view || view.status === 'NONE') return null;
  return {
    id: view.pmoId,
    name: view.name,
    kind: view.kind,
    head: view.head,
    mandate: view.mandate,
    previousMandates: [...view.previousMandates],
    establishedAt: view.createdAt,
    revision: view.revision,
    parentId: view.parentId,
    establishedOn: view.establishedOn,
    status: view.lifecycle,
    mergedOn: view.merger?.effectiveOn ?? null,
    mergerReason: view.merger?.reason ?? null,
    successorId: view.merger?.successorId ?? null,
    catalogue: view.catalogue,
    asOf,
  };
};
