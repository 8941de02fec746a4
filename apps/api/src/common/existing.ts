import type { PmoState } from '@throughline/domain';
import type { EntityKind, EntityRecord } from '@throughline/read-models';
import { NotFoundError } from './app-errors';
import { PMO_KIND } from '@throughline/runtime';
import type { EntityReader } from './entity-reader';

/** A state past its initial NONE: the entity has been created. */
export type Existing<S> = Exclude<S, { readonly status: 'NONE' }>;

/**
 * The entity as it stands now, or NOT_FOUND on the input field that named it. A stream that
 * was never written and one still in NONE look the same to the client: neither exists.
 */
export const existingEntity = async <S extends { readonly status: string }>(
  reader: EntityReader,
  kind: EntityKind,
  noun: string,
  id: string,
  field: string,
): Promise<EntityRecord<Existing<S>>> => {
  const record = await reader.get<S>(kind, id);
  if (!record || record.state.status === 'NONE') throw new NotFoundError(noun, id, field);
  return record as EntityRecord<Existing<S>>;
};

/** Most mutations name the PMO they act in as pmoId; a parent PMO comes as parentId. */
export const existingPmo = (reader: EntityReader, pmoId: string, field = 'pmoId'): Promise<EntityRecord<Existing<PmoState>>> =>
  existingEntity<PmoState>(reader, PMO_KIND, 'PMO', pmoId, field);
