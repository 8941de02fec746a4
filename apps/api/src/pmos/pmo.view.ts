import type { PmoState } from '@throughline/domain';
import type { EntityRecord } from '@throughline/read-models';
import type { MandatePurpose, PmoKind } from '../graphql/enums';
import type { Pmo } from './pmo.types';

/** The GraphQL view of a folded PMO; null when the stream holds no established PMO. */
export const toPmoView = (record: EntityRecord<PmoState> | null, asOf: string | null): Pmo | null => {
  if (!record || record.state.status === 'NONE') return null;
  const { state } = record;
  const mandate = (m: NonNullable<typeof state.mandate>) => ({ ...m, purpose: m.purpose as MandatePurpose });
  return {
    id: state.pmoId,
    name: state.name,
    kind: state.kind as PmoKind,
    head: state.head,
    mandate: state.mandate ? mandate(state.mandate) : null,
    previousMandates: state.previousMandates.map(mandate),
    establishedAt: record.createdAt,
    revision: record.revision,
    parentId: state.parentId,
    asOf,
  };
};
