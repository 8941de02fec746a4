/** GraphQL documents for the tests of PMOs' lives: catalogues, comparisons, mergers and templates. */

export const LIFE_FIELDS = `id name kind status establishedOn mergedOn mergerReason revision successor { id } parent { id } children { id }
  services { name description since } tools { name description since }`;
export const PMO_LIFE = `query($id: ID!, $asOf: DateTime, $on: LocalDate) { pmo(id: $id, asOf: $asOf) {
  ${LIFE_FIELDS} servicesOn: services(on: $on) { name since } toolsOn: tools(on: $on) { name since }
  catalogueHistory { kind name since until declaredReason retiredReason }
  objectives { id status } plans { id activities { id status } } } }`;
export const CATALOGUE = (op: string) => `mutation($input: PmoCatalogueInput!) { ${op}(input: $input) { ${LIFE_FIELDS} } }`;
export const MERGE = `mutation($input: MergePmoInput!) { mergePmo(input: $input) { ${LIFE_FIELDS} } }`;
export const COMPARE = `query($ids: [ID!]!, $on: LocalDate) { pmoComparison(pmoIds: $ids, on: $on) {
  on pmos { id } commonServices commonTools only { pmo { id } services tools } standardGaps { pmo { id } } } }`;
export const TEMPLATE_FIELDS = `id title publishedBy publishedAt uses revision source { id } pmo { id }
  activities { title mode startOffsetDays durationDays rationale }`;
export const PUBLISH = `mutation($input: PublishPlanTemplateInput!) { publishPlanTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`;
export const DRAFT_FROM = `mutation($input: DraftFromTemplateInput!) { draftBusinessPlanFromTemplate(input: $input) {
  id title periodStart periodEnd status pmo { id } template { id title uses }
  activities { id title mode startsOn endsOn description responsible contributions { objective { id } } } } }`;
export const TEMPLATE = `query($id: ID!) { planTemplate(id: $id) { ${TEMPLATE_FIELDS} } }`;
export const TEMPLATES = `query { planTemplates { id uses } }`;
