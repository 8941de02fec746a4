import { registerEnumType } from '@nestjs/graphql';

// String enums whose values equal the domain's string unions, so values pass through unchanged.
export enum PmoKind { PORTFOLIO = 'PORTFOLIO', PROGRAMME = 'PROGRAMME', PROJECT = 'PROJECT' }
export enum MandatePurpose {
  GOVERNANCE = 'GOVERNANCE',
  DELIVERY_SUPPORT = 'DELIVERY_SUPPORT',
  CENTRE_OF_EXCELLENCE = 'CENTRE_OF_EXCELLENCE',
  COMMERCIAL_VALUE = 'COMMERCIAL_VALUE',
}
export enum MetricDirection { INCREASE = 'INCREASE', DECREASE = 'DECREASE' }
export enum ObjectiveStatus { ACTIVE = 'ACTIVE', ACHIEVED = 'ACHIEVED', MISSED = 'MISSED', ABANDONED = 'ABANDONED' }
export enum ObjectiveOutcome { ACHIEVED = 'ACHIEVED', MISSED = 'MISSED', ABANDONED = 'ABANDONED' }
export enum ObjectiveHealth { NO_DATA = 'NO_DATA', ON_TRACK = 'ON_TRACK', AT_RISK = 'AT_RISK', OFF_TRACK = 'OFF_TRACK', CLOSED = 'CLOSED' }
export enum PlanStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', APPROVED = 'APPROVED', SUPERSEDED = 'SUPERSEDED' }
export enum ActivityMode { DIRECT = 'DIRECT', SUPERVISED = 'SUPERVISED' }
export enum ActivityStatus { PLANNED = 'PLANNED', IN_PROGRESS = 'IN_PROGRESS', DONE = 'DONE', CANCELLED = 'CANCELLED' }
export enum Granularity { WEEK = 'WEEK', MONTH = 'MONTH' }
export enum EntityType { PMO = 'PMO', OBJECTIVE = 'OBJECTIVE', BUSINESS_PLAN = 'BUSINESS_PLAN', ACTIVITY = 'ACTIVITY', WORK_ENTRY = 'WORK_ENTRY' }

registerEnumType(PmoKind, { name: 'PmoKind' });
registerEnumType(MandatePurpose, { name: 'MandatePurpose' });
registerEnumType(MetricDirection, { name: 'MetricDirection' });
registerEnumType(ObjectiveStatus, { name: 'ObjectiveStatus' });
registerEnumType(ObjectiveOutcome, { name: 'ObjectiveOutcome' });
registerEnumType(ObjectiveHealth, {
  name: 'ObjectiveHealth',
  description: 'NO_DATA until a measurement exists; CLOSED once the objective is no longer ACTIVE',
});
registerEnumType(PlanStatus, { name: 'PlanStatus' });
registerEnumType(ActivityMode, { name: 'ActivityMode' });
registerEnumType(ActivityStatus, { name: 'ActivityStatus' });
registerEnumType(Granularity, { name: 'Granularity' });
registerEnumType(EntityType, { name: 'EntityType' });
