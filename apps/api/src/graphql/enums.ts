import * as domain from '@throughline/domain';
import { enumFrom } from './enum-from';

// Each GraphQL enum is built from the domain's list of values and each type is the domain's union,
// so a value passes between the domain and the schema unchanged. A const and a type share a name
// so that `@Field(() => PmoKind) kind!: PmoKind` reads as it would with a TypeScript enum.

export const PmoKind = enumFrom(domain.PMO_KINDS, 'PmoKind');
export type PmoKind = domain.PmoKind;

export const MandatePurpose = enumFrom(domain.MANDATE_PURPOSES, 'MandatePurpose');
export type MandatePurpose = domain.MandatePurpose;

export const MetricDirection = enumFrom(domain.METRIC_DIRECTIONS, 'MetricDirection');
export type MetricDirection = domain.MetricDirection;

export const ObjectiveStatus = enumFrom(domain.OBJECTIVE_STATUSES, 'ObjectiveStatus');
export type ObjectiveStatus = domain.ObjectiveStatus;

export const ObjectiveOutcome = enumFrom(domain.OBJECTIVE_OUTCOMES, 'ObjectiveOutcome');
export type ObjectiveOutcome = domain.ObjectiveOutcome;

export const ObjectiveHealth = enumFrom(
  domain.OBJECTIVE_HEALTHS,
  'ObjectiveHealth',
  'NO_DATA until a measurement exists; CLOSED once the objective is no longer ACTIVE',
);
export type ObjectiveHealth = domain.ObjectiveHealth;

export const PlanStatus = enumFrom(domain.PLAN_STATUSES, 'PlanStatus');
export type PlanStatus = domain.PlanStatus;

/** ACTIVE until merged into another PMO; the domain calls it the PMO's lifecycle. */
export const PmoStatus = enumFrom(domain.PMO_LIFECYCLES, 'PmoStatus');
export type PmoStatus = domain.PmoLifecycle;

export const CatalogueKind = enumFrom(domain.CATALOGUE_KINDS, 'CatalogueKind', 'SERVICE: a service the PMO offers; TOOL: a tool it uses');
export type CatalogueKind = domain.CatalogueKind;

export const ActivityMode = enumFrom(domain.ACTIVITY_MODES, 'ActivityMode');
export type ActivityMode = domain.ActivityMode;

/**
 * The status the API shows of an activity: the domain's, and IN_PROGRESS for a PLANNED activity
 * with work logged against it. IN_PROGRESS is derived from work (see activityStatus), never a
 * state the activity records; enums.spec.ts checks that every domain status is here.
 */
export type ActivityStatus = domain.ActivityStatus | 'IN_PROGRESS';
export const ActivityStatus = enumFrom<ActivityStatus>(['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'], 'ActivityStatus');

export const FeedbackStatus = enumFrom(domain.FEEDBACK_STATUSES, 'FeedbackStatus');
export type FeedbackStatus = domain.FeedbackStatus;

export const FeedbackOutcome = enumFrom(domain.FEEDBACK_OUTCOMES, 'FeedbackOutcome');
export type FeedbackOutcome = domain.FeedbackOutcome;
export const StandardKind = enumFrom(domain.STANDARD_KINDS, 'StandardKind');
export type StandardKind = domain.StandardKind;

export const StandardStatus = enumFrom(domain.STANDARD_STATUSES, 'StandardStatus');
export type StandardStatus = domain.StandardStatus;

export const DeviationSignificance = enumFrom(domain.DEVIATION_SIGNIFICANCES, 'DeviationSignificance');
export type DeviationSignificance = domain.DeviationSignificance;

export const DeviationStatus = enumFrom(domain.DEVIATION_STATUSES, 'DeviationStatus');
export type DeviationStatus = domain.DeviationStatus;

export const ComplianceStatus = enumFrom(domain.COMPLIANCE_STATUSES, 'ComplianceStatus', 'How one PMO stands against one standard on one day');
export type ComplianceStatus = domain.ComplianceStatus;

export const NetworkSource = enumFrom(domain.NETWORK_SOURCES, 'NetworkSource', 'Where a relationship comes from');
export type NetworkSource = domain.NetworkSource;

export const NetworkGroupKind = enumFrom(domain.NETWORK_GROUP_KINDS, 'NetworkGroupKind', 'The groups a PMO manages its network in');
export type NetworkGroupKind = domain.NetworkGroupKind;

export const ConnectionKind = enumFrom(domain.CONNECTION_KINDS, 'ConnectionKind');
export type ConnectionKind = domain.ConnectionKind;

export const RelationshipKind = enumFrom(
  domain.RELATIONSHIP_KINDS,
  'RelationshipKind',
  'INTERNAL: a lasting business relationship with value both ways; STAKEHOLDER: tied to a project, ends with it',
);
export type RelationshipKind = domain.RelationshipKind;

export const Stance = enumFrom(domain.STANCES, 'Stance');
export type Stance = domain.Stance;

export const EngagementLevel = enumFrom(domain.ENGAGEMENT_LEVELS, 'EngagementLevel');
export type EngagementLevel = domain.EngagementLevel;

export const TouchpointVehicle = enumFrom(domain.TOUCHPOINT_VEHICLES, 'TouchpointVehicle');
export type TouchpointVehicle = domain.TouchpointVehicle;

export const ValueDirection = enumFrom(domain.VALUE_DIRECTIONS, 'ValueDirection', 'Which way value went in a touchpoint');
export type ValueDirection = domain.ValueDirection;

export const CommunityKind = enumFrom(domain.COMMUNITY_KINDS, 'CommunityKind');
export type CommunityKind = domain.CommunityKind;

export const ContributionKind = enumFrom(domain.CONTRIBUTION_KINDS, 'ContributionKind', 'What a PMO gave back to a community');
export type ContributionKind = domain.ContributionKind;

export const InsightDecision = enumFrom(domain.INSIGHT_DECISIONS, 'InsightDecision');
export type InsightDecision = domain.InsightDecision;

/** Each value is the persisted name itself, so it reads and filters exactly as RecordedEvent.type does. */
export const EventType = enumFrom(domain.EVENT_TYPES, 'EventType', 'Every kind of event the record holds, by the name it is stored under');
export type EventType = domain.EventType;

// API-only enums: the alignment report's bucket size (the read model's call checks that it takes
// these), and the kinds of entity the audit history names.

const GRANULARITIES = ['WEEK', 'MONTH'] as const;
export const Granularity = enumFrom(GRANULARITIES, 'Granularity');
export type Granularity = (typeof GRANULARITIES)[number];

const ENTITY_TYPES = [
  'PMO',
  'OBJECTIVE',
  'BUSINESS_PLAN',
  'ACTIVITY',
  'WORK_ENTRY',
  'FEEDBACK',
  'STANDARD',
  'STANDARD_ADOPTION',
  'DEVIATION',
  'PLAN_TEMPLATE',
  'CONTACT',
  'NETWORK_GROUP',
  'TOUCHPOINT',
  'SUPPORT_ENGAGEMENT',
  'COMMUNITY',
  'INSIGHT',
] as const;
export const EntityType = enumFrom(ENTITY_TYPES, 'EntityType');
export type EntityType = (typeof ENTITY_TYPES)[number];

export const AssistanceMode = enumFrom(
  domain.ASSISTANCE_MODES,
  'AssistanceMode',
  'TRAINER: "do it this way"; MENTOR: "this is how I would approach it"; COACH: "what can you do to improve?"; COUNSELLOR: beyond project matters',
);
export type AssistanceMode = domain.AssistanceMode;

export const QualificationKind = enumFrom(domain.QUALIFICATION_KINDS, 'QualificationKind');
export type QualificationKind = domain.QualificationKind;

export const SupportStatus = enumFrom(domain.SUPPORT_STATUSES, 'SupportStatus');
export type SupportStatus = domain.SupportStatus;

export const SupportOutcome = enumFrom(domain.SUPPORT_OUTCOMES, 'SupportOutcome');
export type SupportOutcome = domain.SupportOutcome;
