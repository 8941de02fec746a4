import * as domain from '@throughline/domain';
import {
  ActivityMode,
  ActivityStatus,
  ConnectionKind,
  EngagementLevel,
  EventType,
  MandatePurpose,
  MetricDirection,
  NetworkGroupKind,
  NetworkSource,
  ObjectiveHealth,
  ObjectiveOutcome,
  ObjectiveStatus,
  PlanStatus,
  PmoKind,
  RelationshipKind,
  Stance,
  TouchpointVehicle,
  ValueDirection,
} from './enums';
import { ACTIVITY_CHANGE_FIELDS } from '../activities/plan-comparison/activity-changes';
import { ActivityChangeField } from '../activities/plan-comparison/plan-comparison.types';

/** True exactly when A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Checked by the type checker: a GraphQL enum's values have the domain's own type, which is what
// lets a domain value fill a GraphQL field with no cast.
const sameTypes = {
  pmoKind: true satisfies Same<(typeof PmoKind)[keyof typeof PmoKind], domain.PmoKind>,
  objectiveStatus: true satisfies Same<(typeof ObjectiveStatus)[keyof typeof ObjectiveStatus], domain.ObjectiveStatus>,
  planStatus: true satisfies Same<(typeof PlanStatus)[keyof typeof PlanStatus], domain.PlanStatus>,
  // @ts-expect-error the API's activity status is wider than the domain's: it adds IN_PROGRESS
  activityStatus: true satisfies Same<(typeof ActivityStatus)[keyof typeof ActivityStatus], domain.ActivityStatus>,
  eventType: true satisfies Same<(typeof EventType)[keyof typeof EventType], domain.EventType>,
};

describe('GraphQL enums', () => {
  it('have values of the same type as the domain', () => {
    expect(sameTypes).toEqual({ pmoKind: true, objectiveStatus: true, planStatus: true, activityStatus: true, eventType: true });
  });

  it("hold the domain's values in the domain's order, each named by itself", () => {
    const pairs: [object, readonly string[]][] = [
      [PmoKind, domain.PMO_KINDS],
      [MandatePurpose, domain.MANDATE_PURPOSES],
      [MetricDirection, domain.METRIC_DIRECTIONS],
      [ObjectiveStatus, domain.OBJECTIVE_STATUSES],
      [ObjectiveOutcome, domain.OBJECTIVE_OUTCOMES],
      [ObjectiveHealth, domain.OBJECTIVE_HEALTHS],
      [PlanStatus, domain.PLAN_STATUSES],
      [ActivityMode, domain.ACTIVITY_MODES],
      [NetworkSource, domain.NETWORK_SOURCES],
      [NetworkGroupKind, domain.NETWORK_GROUP_KINDS],
      [ConnectionKind, domain.CONNECTION_KINDS],
      [RelationshipKind, domain.RELATIONSHIP_KINDS],
      [Stance, domain.STANCES],
      [EngagementLevel, domain.ENGAGEMENT_LEVELS],
      [TouchpointVehicle, domain.TOUCHPOINT_VEHICLES],
      [ValueDirection, domain.VALUE_DIRECTIONS],
      [EventType, domain.EVENT_TYPES],
      [ActivityChangeField, ACTIVITY_CHANGE_FIELDS],
    ];
    for (const [graphqlEnum, values] of pairs) {
      expect(Object.entries(graphqlEnum)).toEqual(values.map((value) => [value, value]));
    }
  });

  it("show every status an activity records, and IN_PROGRESS, which logged work adds", () => {
    expect(Object.keys(ActivityStatus).sort()).toEqual([...domain.ACTIVITY_STATUSES, 'IN_PROGRESS'].sort());
  });
});
