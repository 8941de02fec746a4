import type { EntityKind } from '@throughline/read-models';
import { COMMUNITY_KIND, DEVIATION_KIND, INSIGHT_KIND, NETWORK_GROUP_KIND, STANDARD_KIND, TEMPLATE_KIND, TOUCHPOINT_KIND } from '@throughline/runtime';
import { ActivityReader } from '../activities/activity.reader';
import { ActivityResolver } from '../activities/activity.resolver';
import { REQUIREMENT, type Requirement } from '../auth/requires';
import { communityAt, insightAt, networkGroupAt, touchpointAt } from '../auth/scopes';
import {
  ACTIVITY,
  COMMUNITY,
  CONTACT,
  DEVIATION,
  FEEDBACK,
  INSIGHT,
  NETWORK_GROUP,
  OBJECTIVE,
  PLAN,
  PMO,
  STANDARD,
  SUPPORT_ENGAGEMENT,
  TEMPLATE,
  TOUCHPOINT,
  WORK,
  type AnyAggregate,
} from '../common/aggregates';
import { Clock } from '../common/clock';
import type { Loaders } from '../common/loaders';
import { FeedbackReader } from '../feedback/feedback.reader';
import { FeedbackResolver } from '../feedback/feedback.resolver';
import { toCommunity, toInsight } from '../insights/insight.views';
import { ContactResolver } from '../network/contact.resolver';
import { NetworkReader } from '../network/network.reader';
import { NetworkViews } from '../network/network.views';
import { ObjectiveReader } from '../objectives/objective.reader';
import { ObjectiveResolver } from '../objectives/objective.resolver';
import { PlanReader } from '../plans/plan.reader';
import { PlanResolver } from '../plans/plan.resolver';
import { PmoReader } from '../pmos/pmo.reader';
import { PmoResolver } from '../pmos/pmo.resolver';
import { DeviationResolver } from '../standards/deviation.resolver';
import { StandardResolver } from '../standards/standard.resolver';
import { toDeviation, toStandard } from '../standards/standard.views';
import { SupportReader } from '../support/support.reader';
import { SupportResolver } from '../support/support.resolver';
import { TemplateResolver } from '../templates/template.resolver';
import { toTemplateView } from '../templates/template.view';
import { WorkReader } from '../work/work.reader';
import { WorkResolver } from '../work/work.resolver';
import type { Snapshot } from './snapshot-ids';

/** The services node(id) reads through: the ones each type's own queries use. */
export interface NodeServices {
  get<T>(type: abstract new (...args: never[]) => T): T;
}

type Read = (services: NodeServices, id: string, snapshot: Snapshot, loaders: Loaders) => Promise<object | null>;

/** One entity type node(id) answers. */
export interface NodeType {
  /** The GraphQL type, as `__typename` says it. */
  readonly typeName: string;
  /** Where its entities are kept, which is how an id is found to be one of them. */
  readonly aggregate: AnyAggregate;
  /**
   * The query whose permission node(id) checks for it: the type's own query by id when it has one
   * (`records.read` for an objective), else the list query that answers it (`networkGroups`).
   */
  readonly permissionOf: string;
  /** The permission and scope rule, over `{ id }`. */
  readonly requirement: () => Requirement<{ id: string }>;
  /** Whether it has versions a snapshot id may name (business plans). */
  readonly versions: boolean;
  /** Whether it is kept as of instants (plan templates are shown as they are now only). */
  readonly pastAnswers: boolean;
  readonly read: Read;
}

/** The requirement a resolver method declares: read, not restated, so node(id) checks the very same. */
const declaredBy =
  (method: (...args: never[]) => unknown): (() => Requirement<{ id: string }>) =>
  () =>
    Reflect.getMetadata(REQUIREMENT, method) as Requirement<{ id: string }>;

const ownQuery = (typeName: string, aggregate: AnyAggregate, query: string, method: (...args: never[]) => unknown, read: Read, options: Partial<Pick<NodeType, 'versions' | 'pastAnswers'>> = {}): NodeType => ({
  typeName,
  aggregate,
  permissionOf: query,
  requirement: declaredBy(method),
  versions: options.versions ?? false,
  pastAnswers: options.pastAnswers ?? true,
  read,
});

const listedBy = (typeName: string, aggregate: AnyAggregate, query: string, requirement: Requirement<{ id: string }>, read: Read): NodeType => ({
  typeName,
  aggregate,
  permissionOf: query,
  requirement: () => requirement,
  versions: false,
  pastAnswers: true,
  read,
});

const entity = <V>(loaders: Loaders, kind: EntityKind<V>, id: string, asOf: string | null) => loaders.entity(kind, asOf).load(id);

/** Every type that implements Node, in the order an id is looked for among them. */
export const NODE_TYPES: readonly NodeType[] = [
  ownQuery('Pmo', PMO, 'pmo', PmoResolver.prototype.pmo, (s, id, { asOf }, loaders) => s.get(PmoReader).get(loaders, id, asOf)),
  ownQuery('Objective', OBJECTIVE, 'objective', ObjectiveResolver.prototype.objective, (s, id, { asOf }, loaders) => s.get(ObjectiveReader).get(loaders, id, asOf)),
  ownQuery('BusinessPlan', PLAN, 'businessPlan', PlanResolver.prototype.businessPlan, (s, id, { asOf, version }, loaders) => s.get(PlanReader).get(loaders, id, asOf, version), {
    versions: true,
  }),
  ownQuery('Activity', ACTIVITY, 'activity', ActivityResolver.prototype.activity, (s, id, { asOf }, loaders) => s.get(ActivityReader).get(loaders, id, asOf)),
  ownQuery('WorkEntry', WORK, 'workEntry', WorkResolver.prototype.workEntry, (s, id, { asOf }, loaders) => s.get(WorkReader).get(loaders, id, asOf)),
  ownQuery('Feedback', FEEDBACK, 'feedback', FeedbackResolver.prototype.feedback, (s, id, { asOf }, loaders) => s.get(FeedbackReader).get(loaders, id, asOf)),
  ownQuery('Standard', STANDARD, 'standard', StandardResolver.prototype.standard, async (_s, id, { asOf }, loaders) => toStandard(await entity(loaders, STANDARD_KIND, id, asOf), asOf)),
  ownQuery('Deviation', DEVIATION, 'deviation', DeviationResolver.prototype.deviation, async (s, id, { asOf }, loaders) =>
    toDeviation(await entity(loaders, DEVIATION_KIND, id, asOf), asOf, s.get(Clock).today()),
  ),
  ownQuery('PlanTemplate', TEMPLATE, 'planTemplate', TemplateResolver.prototype.planTemplate, async (_s, id, _snapshot, loaders) => toTemplateView(await entity(loaders, TEMPLATE_KIND, id, null)), {
    pastAnswers: false,
  }),
  ownQuery('Contact', CONTACT, 'contact', ContactResolver.prototype.contact, (s, id, { asOf }, loaders) => s.get(NetworkReader).contact(loaders, id, asOf)),
  listedBy('NetworkGroup', NETWORK_GROUP, 'networkGroups', { permission: 'network.read', scope: networkGroupAt((a: { id: string }) => a.id, 'id') }, async (s, id, { asOf }, loaders) =>
    s.get(NetworkViews).group(await entity(loaders, NETWORK_GROUP_KIND, id, asOf), asOf),
  ),
  listedBy('Touchpoint', TOUCHPOINT, 'touchpoints', { permission: 'network.read', scope: touchpointAt((a: { id: string }) => a.id, 'id') }, async (s, id, { asOf }, loaders) =>
    s.get(NetworkViews).touchpoint(await entity(loaders, TOUCHPOINT_KIND, id, asOf), asOf),
  ),
  ownQuery('SupportEngagement', SUPPORT_ENGAGEMENT, 'supportEngagement', SupportResolver.prototype.supportEngagement, (s, id, { asOf }) => s.get(SupportReader).engagement(id, asOf)),
  listedBy('Community', COMMUNITY, 'communities', { permission: 'insight.read', scope: communityAt((a: { id: string }) => a.id, 'id') }, async (_s, id, { asOf }, loaders) =>
    toCommunity(await entity(loaders, COMMUNITY_KIND, id, asOf), asOf),
  ),
  listedBy('Insight', INSIGHT, 'insights', { permission: 'insight.read', scope: insightAt((a: { id: string }) => a.id, 'id') }, async (_s, id, { asOf }, loaders) =>
    toInsight(await entity(loaders, INSIGHT_KIND, id, asOf), asOf),
  ),
];
