import { isEntityId } from '@throughline/runtime';
import { InputError } from '../common/app-errors';
import { canonicalInstant } from '../graphql/scalars';

/**
 * Which past answer an object belongs to: the recorded instant it was read as of, and for a
 * business plan the version asked for. Both null: the live answer.
 */
export interface Snapshot {
  readonly asOf: string | null;
  readonly version: number | null;
}

export const LIVE: Snapshot = { asOf: null, version: null };

/** An id as a client may send it back: the entity's own id and the snapshot it names, if any. */
export interface NodeId {
  readonly entityId: string;
  readonly snapshot: Snapshot;
}

const SEPARATOR = '@';
const VERSION = /^v([1-9]\d{0,8})$/;

/**
 * The id an object carries in an answer. A live object carries its entity's id; one read as of an
 * instant carries `<entity id>@<instant>`, a plan version `<entity id>@v<version>` (and
 * `@v<version>@<instant>` as known at an instant). A normalising cache (Apollo's InMemoryCache,
 * urql's graphcache, Relay) keys objects by type and id, so a past answer never overwrites the
 * live one, and the same past answer asked twice lands on the same entry.
 */
export const snapshotId = (entityId: string, snapshot: Snapshot): string =>
  // Most ids in an answer are live ones: a large report carries thousands.
  snapshot.version === null && snapshot.asOf === null
    ? entityId
    : [entityId, ...(snapshot.version !== null ? [`v${snapshot.version}`] : []), ...(snapshot.asOf !== null ? [snapshot.asOf] : [])].join(SEPARATOR);

/** Whether a value has the shape of a snapshot id (whether or not its parts are valid). */
export const looksLikeSnapshotId = (value: string): boolean => value.includes(SEPARATOR);

/**
 * Reads an id a client sends: an entity id, or a snapshot id an answer carried. Anything else is
 * BAD_USER_INPUT on `field`, saying which part is wrong.
 */
export const parseNodeId = (value: string, field: string): NodeId => {
  const [entity = '', ...parts] = value.split(SEPARATOR);
  const shown = value.length > 120 ? `${value.slice(0, 120)}…` : value;
  if (!isEntityId(entity)) throw new InputError(field, `${field} "${shown}" is not an id`);
  if (parts.length > 2) throw new InputError(field, `${field} "${shown}" has more than a version and an instant after its entity id`);
  let version: number | null = null;
  let asOf: string | null = null;
  parts.forEach((part, index) => {
    const asVersion = VERSION.exec(part);
    if (asVersion && index === 0) {
      version = Number(asVersion[1]);
      return;
    }
    const instant = asOf === null ? canonicalInstant(part) : null;
    if (instant === null) {
      throw new InputError(field, `${field} "${shown}": "${part}" is neither a version (v1, v2…, first) nor an ISO-8601 instant with an offset`);
    }
    asOf = instant;
  });
  return { entityId: entity.toLowerCase(), snapshot: { asOf, version } };
};
