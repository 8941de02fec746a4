import type { PmoView } from '@throughline/domain';
import type { MandatePurpose, PmoKind } from '../graphql/enums';
import type { Pmo } from './pmo.types';

/** The GraphQL view of a folded PMO; null when the stream holds no established PMO. */
export const toPmoView = (view: PmoView | null, asOf: string | null): Pmo | null => {
  if (!view || view.status === 'NONE') return null;
  const mandate = (m: NonNullable<typeof view.mandate>) => ({ ...m, purpose: m.purpose as MandatePurpose });
  return {
    id: view.pmoId,
    name: view.name,
    kind: view.kind as PmoKind,
    head: view.head,
    mandate: view.mandate ? mandate(view.mandate) : null,
    previousMandates: view.previousMandates.map(mandate),
    establishedAt: view.createdAt,
    revision: view.revision,
    parentId: view.parentId,
    asOf,
  };
};
