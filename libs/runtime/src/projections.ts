import {
  AlignmentProjection,
  AuditLogProjection,
  ComplianceFactsProjection,
  EntityStateProjection,
  NetworkFactsProjection,
  ObjectiveMeasurementProjection,
} from '@throughline/read-models';
import { ENTITY_KINDS } from './entity-kinds';

/** The read models every instance keeps; adding one here makes the next start rebuild them. */
export const projectionsFor = () => [
  new EntityStateProjection(ENTITY_KINDS),
  new AlignmentProjection(),
  new AuditLogProjection(),
  new ObjectiveMeasurementProjection(),
  new ComplianceFactsProjection(),
  new NetworkFactsProjection(),
];
