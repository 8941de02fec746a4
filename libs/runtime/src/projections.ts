import { canReadByPosition, type EventStore } from '@throughline/event-store';
import {
  AlignmentProjection,
  AuditLogProjection,
  AuditLogReader,
  ComplianceFactsProjection,
  EntityStateProjection,
  NetworkFactsProjection,
  ObjectiveMeasurementProjection,
  PersonalDataErasuresProjection,
  ViewCheckpointProjection,
  type ReadModelDb,
} from '@throughline/read-models';
import { CHECKPOINTED_KINDS } from './as-of-checkpoints';
import { ENTITY_KINDS } from './entity-kinds';
import { PERSONAL_DATA_ERASURES } from './personal-data';

export interface ProjectionHooks {
  /** Told of every subject an erasure event erased, as the projector applies it (see PersonalDataErasuresProjection). */
  readonly onErased?: (subjectId: string) => void;
}

/**
 * The read models every instance keeps, fed from `store`; adding one here makes the next start
 * rebuild them. A store that serves events by position (the embedded ones) spares the audit log
 * a copy of every event.
 */
export const projectionsFor = (store: EventStore, hooks: ProjectionHooks = {}) => {
  // Fed by the entity_state fold of the same events, so it folds nothing twice.
  const checkpoints = new ViewCheckpointProjection(CHECKPOINTED_KINDS);
  return [
    new EntityStateProjection(ENTITY_KINDS, checkpoints),
    checkpoints,
    new AlignmentProjection(),
    new AuditLogProjection({ eventsFromStore: canReadByPosition(store) }),
    new ObjectiveMeasurementProjection(),
    new ComplianceFactsProjection(),
    new PersonalDataErasuresProjection(PERSONAL_DATA_ERASURES, hooks.onErased),
    new NetworkFactsProjection(),
  ];
};

/** The audit log as projectionsFor(store) keeps it: events read from the store by position when it can. */
export const auditLogReaderFor = (db: ReadModelDb, store: EventStore): AuditLogReader =>
  new AuditLogReader(db, canReadByPosition(store) ? store : undefined);
