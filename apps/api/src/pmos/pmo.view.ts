import type { PmoState } from '@throughline/domain';
import type { EntityRecord } from '@throughline/read-models';
import type { Pmo } from './pmo.types';

/** The GraphQL view of a folded PMO; null when the stream holds no established PMO. */
export const toPmoView = (record: EntityRecord<PmoState> | null, asOf: string | null): Pmo | null => {
  if (!record || record.state.status === 'NONE') return null;
  const { state } = record;
  return {
    id: state.pmoId,
    name: state.name,
    kind: state.kind,
    head: state.head,
    mandate: state.mandate,
    previousMandates: [...state.previousMandates],
    establishedAt: record.createdAt,
    revision: record.revision,
    parentId: state.parentId,
    asOf,
  };
};
