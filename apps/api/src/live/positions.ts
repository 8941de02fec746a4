import { InputError } from '../common/app-errors';

/** Positions are unsigned 64-bit (EventStoreDB's commit positions, SQLite's row ids). */
const MAX_POSITION = 2n ** 64n - 1n;

/**
 * A position a client sends back (`RecordedEvent.position`, a decimal string): anything else is
 * BAD_USER_INPUT on the field that carried it.
 */
export function positionIn(value: string, field: string): bigint {
  const position = /^\d{1,20}$/.test(value) ? BigInt(value) : null;
  if (position === null || position > MAX_POSITION) {
    throw new InputError(field, `${field} "${value.slice(0, 60)}" is not a position: send the position of a recorded event (RecordedEvent.position)`);
  }
  return position;
}
