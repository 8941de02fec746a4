import type { CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { TEXT_MAX, localDate, requiredText } from '../shared/input';
import type { LinkActivityToObjective, UnlinkActivityFromObjective } from './activity.commands';
import type { ActivityEvent } from './activity.events';
import { alreadyLinked, editablePlan, linkableObjective, linkWeight, openActivity } from './activity.rules';
import type { ActivityState } from './activity.state';

export const linkToObjective = (
  command: LinkActivityToObjective,
  state: ActivityState,
  context: CommandContext,
): ActivityEvent[] => {
  const activity = openActivity(state, command.activityId);
  editablePlan(command.plan, activity);
  const rationale = requiredText('rationale', command.rationale, TEXT_MAX);
  const weight = linkWeight('weight', command.weight);
  const effectiveFrom =
    command.effectiveFrom === null || command.effectiveFrom === undefined
      ? context.today
      : localDate('effectiveFrom', command.effectiveFrom);
  if (effectiveFrom > context.today) throw badInput('effectiveFrom', 'effectiveFrom must not be in the future');
  const { objectiveId } = linkableObjective('objectiveId', command.objective, activity.pmoId);
  if (activity.openLinks.some((link) => link.objectiveId === objectiveId)) throw alreadyLinked(objectiveId, 'objectiveId');
  // A backdated link must not cover days an earlier link already credited, or that work would
  // count twice for the same objective.
  const creditedUntil = activity.creditedUntil[objectiveId];
  if (creditedUntil !== undefined && effectiveFrom < creditedUntil) {
    throw badInput(
      'effectiveFrom',
      `effectiveFrom must not be before ${creditedUntil}, when the earlier link to this objective ended`,
    );
  }
  return [
    {
      type: 'ActivityLinkedToObjective',
      data: { activityId: activity.activityId, objectiveId, rationale, weight, effectiveFrom, linkedAt: context.now },
    },
  ];
};

export const unlinkFromObjective = (
  command: UnlinkActivityFromObjective,
  state: ActivityState,
  context: CommandContext,
): ActivityEvent[] => {
  const activity = openActivity(state, command.activityId);
  editablePlan(command.plan, activity);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  const linked = activity.openLinks.some((link) => link.objectiveId === command.objectiveId);
  if (!linked) {
    throw new DomainError(
      'ACTIVITY_NOT_LINKED',
      `the activity does not contribute to objective ${command.objectiveId}`,
      'objectiveId',
    );
  }
  return [
    {
      type: 'ActivityUnlinkedFromObjective',
      data: {
        activityId: activity.activityId,
        objectiveId: command.objectiveId,
        reason,
        endedOn: context.today,
        unlinkedAt: context.now,
      },
    },
  ];
};
