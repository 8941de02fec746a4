/** GraphQL documents shared by the end-to-end tests. */

export const PMO_FIELDS = `id name kind head revision establishedAt parent { id } children { id }
  mandate { purpose statement sponsor effectiveFrom version reason }`;

export const OBJECTIVE_FIELDS = `id title status health currentValue progress expectedProgress revision startsOn dueOn owner
  metric { name unit baseline target direction }
  measurements { value measuredOn note recordedBy recordedAt }
  targetRevisions { previousTarget target reason revisedBy }
  pmo { id name }`;

export const ESTABLISH_PMO = `mutation($input: EstablishPmoInput!) { establishPmo(input: $input) { ${PMO_FIELDS} } }`;
export const ISSUE_MANDATE = `mutation($input: IssueMandateInput!) { issueMandate(input: $input) { ${PMO_FIELDS} } }`;
export const DEFINE_OBJECTIVE = `mutation($input: DefineObjectiveInput!) { defineObjective(input: $input) { ${OBJECTIVE_FIELDS} } }`;
export const REVISE_OBJECTIVE = `mutation($input: ReviseObjectiveInput!) { reviseObjective(input: $input) { ${OBJECTIVE_FIELDS} } }`;
export const RECORD_PROGRESS = `mutation($input: RecordProgressInput!) { recordProgress(input: $input) { ${OBJECTIVE_FIELDS} } }`;
export const CLOSE_OBJECTIVE = `mutation($input: CloseObjectiveInput!) { closeObjective(input: $input) { ${OBJECTIVE_FIELDS} } }`;
export const GET_OBJECTIVE = `query($id: ID!, $asOf: DateTime) { objective(id: $id, asOf: $asOf) { ${OBJECTIVE_FIELDS} } }`;
export const GET_PMO = `query($id: ID!, $asOf: DateTime) { pmo(id: $id, asOf: $asOf) { ${PMO_FIELDS} objectives { id status } } }`;
export const PORTFOLIO = `query($root: ID, $asOf: DateTime) { portfolio(rootPmoId: $root, asOf: $asOf) { id title pmo { id } health } }`;
export const HISTORY = `query($type: EntityType!, $id: ID!, $first: Int, $after: String) {
  history(entity: { type: $type, id: $id }, first: $first, after: $after) {
    edges { cursor node { position streamId revision type recordedAt actor reason commandId data } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const PLAN_FIELDS = `id title periodStart periodEnd status version approvedBy approvedAt baselineVersion revision pmo { id }
  versions { version status submittedBy submittedAt approvedBy approvedAt supersededAt }`;

export const ACTIVITY_FIELDS = `id title description responsible mode status hoursLogged startsOn endsOn effortEstimateHours revision
  completedOn cancelledOn cancelReason plan { id }
  contributions { objective { id } activity { id } rationale weight linkedAt effectiveFrom }
  links { objective { id } rationale weight effectiveFrom endedOn endReason }`;

export const WORK_FIELDS = `id person workedOn hours description retracted retractReason revision pmo { id } activity { id }`;

export const DRAFT_PLAN = `mutation($input: DraftBusinessPlanInput!) { draftBusinessPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const SUBMIT_PLAN = `mutation($input: PlanTransitionInput!) { submitBusinessPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const APPROVE_PLAN = `mutation($input: PlanTransitionInput!) { approveBusinessPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const RETURN_PLAN = `mutation($input: PlanTransitionInput!) { returnBusinessPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const REVISE_PLAN = `mutation($input: PlanTransitionInput!) { reviseBusinessPlan(input: $input) { ${PLAN_FIELDS} } }`;
export const GET_PLAN = `query($id: ID!, $version: Int, $asOf: DateTime) {
  businessPlan(id: $id, version: $version, asOf: $asOf) { ${PLAN_FIELDS} activities { id title startsOn endsOn status } }
}`;
export const PLAN_ACTIVITY = `mutation($input: PlanActivityInput!) { planActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const LINK_ACTIVITY = `mutation($input: LinkActivityInput!) { linkActivityToObjective(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const UNLINK_ACTIVITY = `mutation($input: UnlinkActivityInput!) { unlinkActivityFromObjective(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const RESCHEDULE_ACTIVITY = `mutation($input: RescheduleActivityInput!) { rescheduleActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const REASSIGN_ACTIVITY = `mutation($input: ReassignActivityInput!) { reassignActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const COMPLETE_ACTIVITY = `mutation($input: CompleteActivityInput!) { completeActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const CANCEL_ACTIVITY = `mutation($input: CancelActivityInput!) { cancelActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
export const GET_ACTIVITY = `query($id: ID!, $asOf: DateTime) { activity(id: $id, asOf: $asOf) { ${ACTIVITY_FIELDS} } }`;
export const LOG_WORK = `mutation($input: LogWorkInput!) { logWork(input: $input) { ${WORK_FIELDS} } }`;
export const CORRECT_WORK = `mutation($input: CorrectWorkInput!) { correctWork(input: $input) { ${WORK_FIELDS} } }`;
export const RETRACT_WORK = `mutation($input: RetractWorkInput!) { retractWork(input: $input) { ${WORK_FIELDS} } }`;
export const GET_WORK_ENTRY = `query($id: ID!, $asOf: DateTime) { workEntry(id: $id, asOf: $asOf) { ${WORK_FIELDS} } }`;

const HOURS = 'objective { id title } hours';
export const ALIGNMENT = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $granularity: Granularity, $asOf: DateTime) {
  alignment(pmoId: $pmoId, from: $from, to: $to, granularity: $granularity, asOf: $asOf) {
    pmo { id } from to totalHours alignedHours unalignedHours alignedShare
    buckets { start end totalHours alignedHours alignedShare byObjective { ${HOURS} } }
    byObjective { ${HOURS} }
    activitiesWithoutObjective { id title } objectivesWithoutActivity { id title } idleActivities { id title }
  }
}`;
export const PURPOSE_CHAIN = `query($id: ID!) {
  purposeChain(workEntryId: $id) {
    workEntry { id hours } activity { id title } objectives { id title } credits { ${HOURS} }
    mandate { version statement } aligned
  }
}`;
export const WORK_ENTRIES = `query($pmoId: ID!, $from: LocalDate!, $to: LocalDate!, $person: String, $activityId: ID) {
  workEntries(pmoId: $pmoId, from: $from, to: $to, person: $person, activityId: $activityId) { id person workedOn hours activity { id } }
}`;

export const AUDIT_LOG = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { position streamId revision type recordedAt actor reason commandId data } }
    pageInfo { hasNextPage endCursor }
  }
}`;
