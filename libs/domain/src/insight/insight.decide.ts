import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { NAME_MAX, TEXT_MAX, localDate, oneOf, requiredText } from '../shared/input';
import { notInFuture } from '../network/network.rules';
import type { DecideInsight, InsightCommand, RecordInsight } from './insight.commands';
import { INSIGHT_DECISIONS, putsToWork, type InsightEvent } from './insight.events';
import type { InsightState } from './insight.state';

const record = (command: RecordInsight, state: InsightState, context: CommandContext): InsightEvent[] => {
  if (state.status !== 'NONE') throw new DomainError('INSIGHT_ALREADY_EXISTS', `insight ${command.insightId} already exists`, 'insightId');
  const title = requiredText('title', command.title, NAME_MAX);
  const summary = requiredText('summary', command.summary, TEXT_MAX);
  const heardOn = notInFuture('heardOn', localDate('heardOn', command.heardOn), context.today);
  const { community } = command;
  if (community) {
    if (community.pmoId !== command.pmoId) {
      throw new DomainError('COMMUNITY_OF_ANOTHER_PMO', `community ${community.communityId} belongs to another PMO than the insight`, 'communityId');
    }
    // Heard in a community means heard while a member; what was heard after leaving came from elsewhere.
    if (heardOn < community.joinedOn) {
      throw new DomainError('HEARD_BEFORE_JOINED', `heardOn ${heardOn} is before the PMO joined community ${community.communityId} (${community.joinedOn})`, 'heardOn');
    }
  }
  return [
    {
      type: 'InsightRecorded',
      data: { insightId: command.insightId, pmoId: command.pmoId, communityId: community?.communityId ?? null, title, summary, heardOn },
    },
  ];
};

/**
 * Decides an open insight, or one last PARKed; every other decision is final. A decision is
 * never dated before the insight was heard nor before the decision it follows.
 */
const decide = (command: DecideInsight, state: InsightState, context: CommandContext): InsightEvent[] => {
  if (state.status === 'NONE') throw new DomainError('INSIGHT_NOT_FOUND', `insight ${command.insightId} does not exist`, 'insightId');
  if (state.lastDecision !== null && state.lastDecision !== 'PARK') {
    throw new DomainError('INSIGHT_ALREADY_DECIDED', `insight ${state.insightId} was decided ${state.lastDecision} on ${state.lastDecidedOn}: only a parked insight is decided again`, 'insightId');
  }
  const decision = oneOf('decision', command.decision, INSIGHT_DECISIONS);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  const decidedOn = notInFuture('decidedOn', localDate('decidedOn', command.decidedOn), context.today);
  if (decidedOn < state.heardOn) {
    throw new DomainError('DECIDED_BEFORE_HEARD', `decidedOn ${decidedOn} is before the insight was heard (${state.heardOn})`, 'decidedOn');
  }
  if (state.lastDecidedOn !== null && decidedOn < state.lastDecidedOn) {
    throw new DomainError('DECIDED_BEFORE_PARKED', `decidedOn ${decidedOn} is before the insight was parked (${state.lastDecidedOn})`, 'decidedOn');
  }
  const { activity } = command;
  if (activity) {
    if (!putsToWork(decision)) {
      throw new DomainError('ACTIVITY_ONLY_WHEN_USED', `only an adopted or adapted insight is put to work by an activity, not one decided ${decision}`, 'activityId');
    }
    if (activity.pmoId !== state.pmoId) {
      throw new DomainError('ACTIVITY_OF_ANOTHER_PMO', `activity ${activity.activityId} belongs to another PMO than the insight`, 'activityId');
    }
    if (activity.status === 'CANCELLED') throw new DomainError('ACTIVITY_CANCELLED', `activity ${activity.activityId} is cancelled`, 'activityId');
  }
  return [{ type: 'InsightDecided', data: { insightId: state.insightId, decision, reason, decidedOn, activityId: activity?.activityId ?? null } }];
};

export const decideInsight = (command: InsightCommand, state: InsightState, context: CommandContext): InsightEvent[] => {
  switch (command.type) {
    case 'RecordInsight':
      return record(command, state, context);
    case 'DecideInsight':
      return decide(command, state, context);
    default:
      return assertNever(command);
  }
};
