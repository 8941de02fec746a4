import { movesToSuccessor } from '../shared/transfer';
import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { maxDate, type LocalDate } from '../shared/local-date';
import { NAME_MAX, TEXT_MAX, finiteNumber, oneOf, optionalText, requiredText } from '../shared/input';
import { linkToObjective, unlinkFromObjective } from './activity-links.decide';
import type { ActivityCommand, PlanActivity, RescheduleActivity } from './activity.commands';
import { ACTIVITY_MODES, type ActivityEvent, type ActivityRescheduled } from './activity.events';
import { alreadyLinked, editablePlan, linkableObjective, linkWeight, openActivity, schedule } from './activity.rules';
import type { ActivityState, PlannedActivity } from './activity.state';

const plan = (command: PlanActivity, state: ActivityState, context: CommandContext): ActivityEvent[] => {
  if (state.status !== 'NONE') {
    throw new DomainError('ACTIVITY_ALREADY_EXISTS', `activity ${command.activityId} already exists`);
  }
  const { planId, pmoId } = editablePlan(command.plan);
  const title = requiredText('title', command.title, NAME_MAX);
  const description = optionalText('description', command.description, TEXT_MAX);
  const responsible = requiredText('responsible', command.responsible, NAME_MAX);
  const mode = oneOf('mode', command.mode, ACTIVITY_MODES);
  const { startsOn, endsOn } = schedule(command.plan, command.startsOn, command.endsOn);
  const effort = command.effortEstimateHours;
  const effortEstimateHours =
    effort === null || effort === undefined ? null : finiteNumber('effortEstimateHours', effort);
  if (effortEstimateHours !== null && effortEstimateHours < 0) {
    throw badInput('effortEstimateHours', 'effortEstimateHours must not be negative');
  }
  const linked = new Set<string>();
  const links: ActivityEvent[] = (command.contributions ?? []).map((contribution, i) => {
    const at = `contributions[${i}]`;
    const { objectiveId } = linkableObjective(`${at}.objectiveId`, contribution.objective, pmoId);
    if (linked.has(objectiveId)) throw alreadyLinked(objectiveId, `${at}.objectiveId`);
    linked.add(objectiveId);
    return {
      type: 'ActivityLinkedToObjective',
      data: {
        activityId: command.activityId,
        objectiveId,
        rationale: requiredText(`${at}.rationale`, contribution.rationale, TEXT_MAX),
        weight: linkWeight(`${at}.weight`, contribution.weight),
        // Contributions named in the plan hold for the whole activity.
        effectiveFrom: startsOn,
        linkedAt: context.now,
      },
    };
  });
  return [
    {
      type: 'ActivityPlanned',
      data: {
        activityId: command.activityId,
        planId,
        pmoId,
        title,
        description,
        responsible,
        mode,
        startsOn,
        endsOn,
        effortEstimateHours,
      },
    },
    ...links,
  ];
};

// When the start moves earlier, the links that took effect at the old start move with it (not
// before the end of an earlier link to the same objective). A later start moves nothing, so work
// already credited keeps its credit.
const linksFollowingStart = (
  activity: PlannedActivity,
  startsOn: LocalDate,
): ActivityRescheduled['data']['movedLinks'] => {
  if (startsOn >= activity.startsOn) return [];
  return activity.openLinks
    .filter((link) => link.effectiveFrom === activity.startsOn)
    .flatMap((link) => {
      const creditedUntil = activity.creditedUntil[link.objectiveId];
      const effectiveFrom = creditedUntil === undefined ? startsOn : maxDate(startsOn, creditedUntil);
      return effectiveFrom < link.effectiveFrom
        ? [{ objectiveId: link.objectiveId, effectiveFrom, previousEffectiveFrom: link.effectiveFrom }]
        : [];
    });
};

const reschedule = (command: RescheduleActivity, state: ActivityState): ActivityEvent[] => {
  const activity = openActivity(state, command.activityId);
  editablePlan(command.plan, activity);
  const { startsOn, endsOn } = schedule(command.plan, command.startsOn, command.endsOn);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  if (startsOn === activity.startsOn && endsOn === activity.endsOn) return [];
  return [
    {
      type: 'ActivityRescheduled',
      data: {
        activityId: activity.activityId,
        startsOn,
        endsOn,
        previousStartsOn: activity.startsOn,
        previousEndsOn: activity.endsOn,
        reason,
        movedLinks: linksFollowingStart(activity, startsOn),
      },
    },
  ];
};

export const decideActivity = (
  command: ActivityCommand,
  state: ActivityState,
  context: CommandContext,
): ActivityEvent[] => {
  switch (command.type) {
    case 'PlanActivity':
      return plan(command, state, context);
    case 'LinkActivityToObjective':
      return linkToObjective(command, state, context);
    case 'UnlinkActivityFromObjective':
      return unlinkFromObjective(command, state, context);
    case 'RescheduleActivity':
      return reschedule(command, state);
    case 'ReassignActivity': {
      const activity = openActivity(state, command.activityId);
      const responsible = requiredText('responsible', command.responsible, NAME_MAX);
      const reason = optionalText('reason', command.reason, TEXT_MAX);
      if (responsible === activity.responsible) return [];
      return [
        {
          type: 'ActivityReassigned',
          data: { activityId: activity.activityId, responsible, previousResponsible: activity.responsible, reason },
        },
      ];
    }
    case 'TransferActivity': {
      if (state.status === 'NONE') throw new DomainError('ACTIVITY_NOT_FOUND', `activity ${command.activityId} does not exist`);
      const activity = state;
      if (activity.status === 'CANCELLED') throw new DomainError('ACTIVITY_CANCELLED', 'a cancelled activity stays with its PMO');
      if (!movesToSuccessor(activity.pmoId, command, 'activity')) return [];
      const { activityId, fromPmoId, toPmoId, effectiveOn, reason } = command;
      return [{ type: 'ActivityTransferred', data: { activityId, fromPmoId, toPmoId, effectiveOn, reason } }];
    }
    case 'CompleteActivity': {
      const activity = openActivity(state, command.activityId);
      return [{ type: 'ActivityCompleted', data: { activityId: activity.activityId, completedOn: context.today } }];
    }
    case 'CancelActivity': {
      const activity = openActivity(state, command.activityId);
      editablePlan(command.plan, activity);
      const reason = requiredText('reason', command.reason, TEXT_MAX);
      return [
        { type: 'ActivityCancelled', data: { activityId: activity.activityId, reason, cancelledOn: context.today } },
      ];
    }
    default:
      return assertNever(command);
  }
};
