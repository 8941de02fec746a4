import { InputError } from './app-errors';
import { isEntityId } from '@throughline/runtime';

/** An id argument that cannot name any entity is the client's mistake, reported on its field. */
export const requireEntityId = (value: string, field: string): string => {
  if (!isEntityId(value)) throw new InputError(field, `${field} "${value.slice(0, 80)}" is not an id`);
  return value.toLowerCase();
};
