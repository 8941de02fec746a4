import type { PmoView } from '@throughline/domain';
import type { EntityKind } from '@throughline/read-models';
import { NotFoundError } from './app-errors';
import { PMO_KIND } from '@throughline/runtime';
import type { EntityReader, Existing } from './entity-reader';

export type { Existing } from './entity-reader';

/**
 * The entity as it stands now, or NOT_FOUND on the input field that named it. A stream that
 * was never written and one still in NONE look the same to the client: neither exists.
 */
export const existingEntity = async <V extends { readonly status: string }>(
  reader: EntityReader,
  kind: EntityKind<V>,
  noun: string,
  id: string,
  field: string,
): Promise<Existing<V>> => {
  const view = await reader.get(kind, id);
  if (!view || view.status === 'NONE') throw new NotFoundError(noun, id, field);
  return view as Existing<V>;
};

/** Most mutations name the PMO they act in as pmoId; a parent PMO comes as parentId. */
export const existingPmo = (reader: EntityReader, pmoId: string, field = 'pmoId'): Promise<Existing<PmoView>> =>
  existingEntity<PmoView>(reader, PMO_KIND, 'PMO', pmoId, field);

export const isExisting = <S extends { readonly status: string }>(state: S): state is Existing<S> => state.status !== 'NONE';

/** A view that must exist (a command's own answer, a parent entity), or NOT_FOUND. */
export const found = <T>(value: T | null, noun: string, id: string, field?: string): T => {
  if (value === null) throw new NotFoundError(noun, id, field);
  return value;
};
