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
