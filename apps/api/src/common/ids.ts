import { InputError } from './app-errors';
import { isEntityId } from '@throughline/runtime';

/**
 * An id argument that cannot name any entity is the client's mistake, reported on its field. A
 * snapshot id (`<id>@…`, what an answer as of an instant carries) names a past answer, which
 * nothing can change or be filtered by: its entityId names the entity.
 */
export const requireEntityId = (value: string, field: string): string => {
  if (isEntityId(value)) return value.toLowerCase();
  const shown = value.slice(0, 80);
  const [entity = ''] = value.split('@');
  if (value.includes('@') && isEntityId(entity)) {
    throw new InputError(field, `${field} "${shown}" names a past answer (a snapshot id): send the entity's id, ${entity.toLowerCase()} (its entityId)`);
  }
  throw new InputError(field, `${field} "${shown}" is not an id`);
};
