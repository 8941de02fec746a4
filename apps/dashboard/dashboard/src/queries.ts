import type { Health } from './format';

/**
 * The operations the dashboard sends, and the shapes of their answers (leadership.graphql,
 * contract.graphql). Objects are known by `entityId`: a past answer's `id` is a snapshot id
 * (`<entityId>@<instant>`), and arguments take entity ids.
 */

export const VIEWER = `query DashboardViewer { viewer { subject roles } }`;
export interface ViewerAnswer {
  viewer: { subject: string; roles: string[] };
}

export const ORGANISATION = `query DashboardOrganisation($on: LocalDate, $asOf: DateTime) {
  organisation(on: $on, asOf: $asOf) {
    on
    pmos {
      pmo { entityId name kind status parent { entityId } }
      objectives
      byHealth { health objectives }
      meanProgress
      meanExpectedProgress
      hoursLast28Days
      alignedShareLast28Days
    }
  }
}`;
export interface PmoSummary {
  pmo: { entityId: string; name: string; kind: string; status: string; parent: { entityId: string } | null };
  objectives: number;
  byHealth: { health: Health; objectives: number }[];
  meanProgress: number;
  meanExpectedProgress: number;
  hoursLast28Days: number;
  alignedShareLast28Days: number;
}
export interface OrganisationAnswer {
  organisation: { on: string; pmos: PmoSummary[] };
}

const OBJECTIVE_FIELDS = 'entityId title status health progress expectedProgress currentValue startsOn dueOn metric { name unit baseline target } pmo { entityId }';

/** More than a screen can chart at once; a PMO with more says how many are left out. */
export const OBJECTIVES_SHOWN = 100;

export const PMO_OBJECTIVES = `query DashboardPmo($id: ID!, $asOf: DateTime) {
  pmo(id: $id, asOf: $asOf) {
    entityId name kind head mandate { purpose statement }
    objectivesConnection(first: ${OBJECTIVES_SHOWN}) { totalCount edges { node { ${OBJECTIVE_FIELDS} } } }
  }
}`;
export interface ObjectiveRow {
  entityId: string;
  title: string;
  status: string;
  health: Health;
  progress: number;
  expectedProgress: number;
  currentValue: number | null;
  startsOn: string;
  dueOn: string;
  metric: { name: string; unit: string; baseline: number; target: number };
  pmo: { entityId: string };
}
export interface PmoAnswer {
  pmo: {
    entityId: string;
    name: string;
    kind: string;
    head: string | null;
    mandate: { purpose: string; statement: string } | null;
    objectivesConnection: { totalCount: number; edges: { node: ObjectiveRow }[] };
  } | null;
}

export interface TrendPoint {
  on: string;
  value: number | null;
  progress: number;
  expectedProgress: number;
  health: Health;
}

/** One request for every objective's trend, each under an alias of its own. */
export const trendsQuery = (count: number): string => {
  const parameters = Array.from({ length: count }, (_, i) => `$id${i}: ID!, $from${i}: LocalDate!, $to${i}: LocalDate!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `t${i}: objectiveTrend(objectiveId: $id${i}, from: $from${i}, to: $to${i}, granularity: WEEK, asOf: $asOf) { on value progress expectedProgress health }`,
  ).join('\n  ');
  return `query DashboardTrends(${parameters}, $asOf: DateTime) {\n  ${fields}\n}`;
};

export const ALIGNMENT = `query DashboardAlignment($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $asOf: DateTime) {
  alignment(pmoId: $pmoId, from: $from, to: $to, granularity: WEEK, asOf: $asOf) {
    totalHours alignedHours alignedShare
    buckets { start end totalHours alignedHours alignedShare }
  }
}`;
export interface AlignmentAnswer {
  alignment: {
    totalHours: number;
    alignedHours: number;
    alignedShare: number;
    buckets: { start: string; end: string; totalHours: number; alignedHours: number; alignedShare: number }[];
  };
}

export const COMPLIANCE = `query DashboardCompliance($pmoId: ID!, $on: LocalDate, $asOf: DateTime) {
  compliance(rootPmoId: $pmoId, on: $on, asOf: $asOf) {
    rows { pmo { entityId name } standard { entityId title } status version currentVersion dueOn }
  }
}`;
export interface ComplianceRow {
  pmo: { entityId: string; name: string };
  standard: { entityId: string; title: string };
  status: string;
  version: number | null;
  currentVersion: number;
  dueOn: string;
}
export interface ComplianceAnswer {
  compliance: { rows: ComplianceRow[] };
}

export const NETWORK_HEALTH = `query DashboardNetwork($pmoId: ID!, $on: LocalDate, $asOf: DateTime) {
  networkHealth(pmoId: $pmoId, on: $on, asOf: $asOf) {
    contacts champions critics stale newContactsLast90Days crossGroupTouchpoints stanceChanges valueGiven valueReceived
    neglected { entityId }
    groups { group { entityId name } touchpoints overdue lastTouchpointOn }
  }
}`;
export interface NetworkAnswer {
  networkHealth: {
    contacts: number;
    champions: number;
    critics: number;
    stale: boolean;
    newContactsLast90Days: number;
    crossGroupTouchpoints: number;
    stanceChanges: number;
    valueGiven: number;
    valueReceived: number;
    neglected: { entityId: string }[];
    groups: { group: { entityId: string; name: string }; touchpoints: number; overdue: boolean; lastTouchpointOn: string | null }[];
  };
}

export const OBJECTIVE_CHANGED = `subscription DashboardLive { objectiveChanged { ${OBJECTIVE_FIELDS} } }`;
export interface ObjectiveChanged {
  objectiveChanged: ObjectiveRow;
}
