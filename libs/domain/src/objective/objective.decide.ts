import { movesToSuccessor } from '../shared/transfer';
import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { finiteNumber, localDate, oneOf, optionalText, requiredText } from '../shared/input';
import type { CloseObjective, DefineObjective, ObjectiveCommand, RecordProgress, ReviseObjective } from './objective.commands';
import { OBJECTIVE_OUTCOMES, type MetricDirection, type ObjectiveEvent } from './objective.events';
import type { ActiveObjective, ObjectiveState } from './objective.state';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const METRIC_NAME_MAX = 200;
export const METRIC_UNIT_MAX = 50;
export const OWNER_MAX = 200;
export const REASON_MAX = 2000;
export const NOTE_MAX = 2000;

const notMeasurable = (field: string, message: string): DomainError =>
  new DomainError('OBJECTIVE_NOT_MEASURABLE', message, field);

const directionOf = (baseline: number, target: number): MetricDirection => (target > baseline ? 'INCREASE' : 'DECREASE');

/** A target equal to the baseline leaves nothing to progress towards. */
const measurableTarget = (field: string, value: unknown, baseline: number): number => {
  const target = finiteNumber(field, value);
  if (target === baseline) throw notMeasurable(field, 'the target must differ from the baseline');
  return target;
};

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

const active = (state: ObjectiveState, objectiveId: string): ActiveObjective => {
  if (state.status === 'NONE') throw new DomainError('OBJECTIVE_NOT_FOUND', `objective ${objectiveId} does not exist`);
  if (state.status !== 'ACTIVE') {
    throw new DomainError(
      'OBJECTIVE_CLOSED',
      `objective ${objectiveId} was closed as ${state.status} on ${state.closedOn} and takes no further change`,
    );
  }
  return state;
};

const define = (command: DefineObjective, state: ObjectiveState, context: CommandContext): ObjectiveEvent[] => {
  if (state.status !== 'NONE') {
    throw new DomainError('OBJECTIVE_ALREADY_EXISTS', `objective ${command.objectiveId} already exists`);
  }
  const title = requiredText('title', command.title, TITLE_MAX);
  const description = optionalText('description', command.description, DESCRIPTION_MAX);
  const metricName = requiredText('metric.name', command.metric.name, METRIC_NAME_MAX);
  if (typeof command.metric.unit === 'string' && command.metric.unit.trim() === '') {
    throw notMeasurable('metric.unit', 'a metric needs a unit');
  }
  const unit = requiredText('metric.unit', command.metric.unit, METRIC_UNIT_MAX);
  const baseline = finiteNumber('metric.baseline', command.metric.baseline);
  const target = measurableTarget('metric.target', command.metric.target, baseline);
  const startsOn = given(command.startsOn) ? localDate('startsOn', command.startsOn) : context.today;
  const dueOn = localDate('dueOn', command.dueOn);
  if (dueOn <= startsOn) throw badInput('dueOn', `dueOn must be after startsOn (${startsOn})`);
  const owner = requiredText('owner', command.owner, OWNER_MAX);
  return [
    {
      type: 'ObjectiveDefined',
      data: {
        objectiveId: command.objectiveId,
        pmoId: command.pmoId,
        title,
        description,
        metric: { name: metricName, unit, baseline, target, direction: directionOf(baseline, target) },
        startsOn,
        dueOn,
        owner,
      },
    },
  ];
};

// Every given field is validated before any event is produced, so a revision is all or nothing.
// A given field equal to its current value is not a change; when nothing changes the command is
// refused on the general field 'input' rather than silently accepted.
const revise = (command: ReviseObjective, state: ObjectiveState, context: CommandContext): ObjectiveEvent[] => {
  const objective = active(state, command.objectiveId);
  const reason = requiredText('reason', command.reason, REASON_MAX);
  const revision = { objectiveId: objective.objectiveId, reason, revisedAt: context.now, revisedBy: context.actor };
  const events: ObjectiveEvent[] = [];
  if (given(command.title)) {
    const title = requiredText('title', command.title, TITLE_MAX);
    if (title !== objective.title) {
      events.push({ type: 'ObjectiveRetitled', data: { ...revision, title, previousTitle: objective.title } });
    }
  }
  if (given(command.target)) {
    const { baseline, target: previousTarget } = objective.metric;
    const target = measurableTarget('target', command.target, baseline);
    if (target !== previousTarget) {
      events.push({
        type: 'ObjectiveTargetRevised',
        data: { ...revision, target, previousTarget, direction: directionOf(baseline, target) },
      });
    }
  }
  if (given(command.dueOn)) {
    const dueOn = localDate('dueOn', command.dueOn);
    if (dueOn <= objective.startsOn) throw badInput('dueOn', `dueOn must be after startsOn (${objective.startsOn})`);
    if (dueOn !== objective.dueOn) {
      events.push({ type: 'ObjectiveDueDateMoved', data: { ...revision, dueOn, previousDueOn: objective.dueOn } });
    }
  }
  if (events.length === 0) throw badInput('input', 'nothing to change: give a new title, target or dueOn');
  return events;
};

const recordProgress = (command: RecordProgress, state: ObjectiveState, context: CommandContext): ObjectiveEvent[] => {
  const objective = active(state, command.objectiveId);
  const value = finiteNumber('value', command.value);
  const measuredOn = localDate('measuredOn', command.measuredOn);
  if (measuredOn < objective.startsOn) {
    throw badInput('measuredOn', `measuredOn must not be before the objective starts (${objective.startsOn})`);
  }
  if (measuredOn > context.today) throw badInput('measuredOn', `measuredOn must not be after today (${context.today})`);
  const note = optionalText('note', command.note, NOTE_MAX);
  return [
    {
      type: 'ProgressRecorded',
      data: {
        objectiveId: objective.objectiveId,
        value,
        measuredOn,
        note,
        recordedAt: context.now,
        recordedBy: context.actor,
      },
    },
  ];
};

const close = (command: CloseObjective, state: ObjectiveState, context: CommandContext): ObjectiveEvent[] => {
  const objective = active(state, command.objectiveId);
  const outcome = oneOf('outcome', command.outcome, OBJECTIVE_OUTCOMES);
  const reason = requiredText('reason', command.reason, REASON_MAX);
  return [
    {
      type: 'ObjectiveClosed',
      data: { objectiveId: objective.objectiveId, outcome, reason, closedOn: context.today, closedAt: context.now },
    },
  ];
};

export const decideObjective = (
  command: ObjectiveCommand,
  state: ObjectiveState,
  context: CommandContext,
): ObjectiveEvent[] => {
  switch (command.type) {
    case 'DefineObjective':
      return define(command, state, context);
    case 'ReviseObjective':
      return revise(command, state, context);
    case 'RecordProgress':
      return recordProgress(command, state, context);
    case 'TransferObjective': {
      // Only ACTIVE objectives carry on; a closed one stays the merged PMO's record.
      const objective = active(state, command.objectiveId);
      if (!movesToSuccessor(objective.pmoId, command, 'objective')) return [];
      const { objectiveId, fromPmoId, toPmoId, effectiveOn, reason } = command;
      return [{ type: 'ObjectiveTransferred', data: { objectiveId, fromPmoId, toPmoId, effectiveOn, reason } }];
    }
    case 'CloseObjective':
      return close(command, state, context);
    default:
      return assertNever(command);
  }
};
