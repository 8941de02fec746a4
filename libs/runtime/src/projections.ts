import {
  AlignmentProjection,
  AuditLogProjection,
  ComplianceFactsProjection,
  EntityStateProjection,
  NetworkFactsProjection,
  ObjectiveMeasurementProjection,
  PersonalDataErasuresProjection,
  ViewCheckpointProjection,
} from '@throughline/read-models';
import { CHECKPOINTED_KINDS } from './as-of-checkpoints';
import { ENTITY_KINDS } from './entity-kinds';
import { PERSONAL_DATA_ERASURES } from './personal-data';

export interface ProjectionHooks {
  /** Told of every subject an erasure event erased, as the projector applies it (see PersonalDataErasuresProjection). */
  readonly onErased?: (subjectId: string) => void;
}

/** The read models every instance keeps; adding one here makes the next start rebuild them. */
export const projectionsFor = (hooks: ProjectionHooks = {}) => {
  // Fed by the entity_state fold of the same events, so it folds nothing twice.
  const checkpoints = new ViewCheckpointProjection(CHECKPOINTED_KINDS);
  return [
    new EntityStateProjection(ENTITY_KINDS, checkpoints),
    checkpoints,
    new AlignmentProjection(),
    new AuditLogProjection(),
    new ObjectiveMeasurementProjection(),
    new ComplianceFactsProjection(),
    new PersonalDataErasuresProjection(PERSONAL_DATA_ERASURES, hooks.onErased),
    new NetworkFactsProjection(),
  ];
};
