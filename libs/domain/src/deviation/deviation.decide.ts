import { assertNever, type CommandContext } from '../shared/decider';
import { badInput, DomainError } from '../shared/domain-error';
import { daysBetween, type LocalDate } from '../shared/local-date';
import { localDate, oneOf, optionalText, requiredText, TEXT_MAX } from '../shared/input';
import { bindingStandard } from '../adoption/adoption.decide';
import type { DecideDeviation, DeviationCommand, RequestDeviation } from './deviation.commands';
import { DEVIATION_SIGNIFICANCES, type DeviationEvent } from './deviation.events';
import type { DeviationState, RecordedDeviation } from './deviation.state';

const overlaps = (a: { from: LocalDate; until: LocalDate }, b: { from: LocalDate; until: LocalDate }): boolean => a.from <= b.until && b.from <= a.until;

const request = (command: RequestDeviation, state: DeviationState, context: CommandContext): DeviationEvent[] => {
  // Another request took this slot first: the application judges again on the slots as they are.
  if (state.status !== 'NONE') throw new DomainError('DEVIATION_SLOT_TAKEN', `deviation slot ${command.slot} is taken`);
  const { standard, pmo } = command;
  bindingStandard(standard, pmo);
  const description = requiredText('description', command.description, TEXT_MAX);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  const significance = oneOf('significance', command.significance, DEVIATION_SIGNIFICANCES);
  const compensatingMeasures = optionalText('compensatingMeasures', command.compensatingMeasures, TEXT_MAX);
  const from = localDate('from', command.from);
  const until = localDate('until', command.until);
  if (until < from) throw badInput('until', `until must not be before from (${from})`);
  const length = daysBetween(from, until) + 1;
  if (standard.maxDeviationDays !== null && length > standard.maxDeviationDays) {
    throw new DomainError(
      'DEVIATION_TOO_LONG',
      `standard ${standard.standardId} allows deviations of at most ${standard.maxDeviationDays} days; this one lasts ${length}`,
      'until',
    );
  }
  // Rejected and withdrawn requests vary from nothing; an expired one still covered its days.
  const clash = command.earlier.find((d) => (d.status === 'REQUESTED' || d.status === 'APPROVED') && overlaps(d, { from, until }));
  if (clash) {
    throw new DomainError('DEVIATION_OVERLAPS', `deviation ${clash.deviationId} (${clash.from} to ${clash.until}) already covers some of these days`, 'from');
  }
  return [
    {
      type: 'DeviationRequested',
      data: {
        deviationId: command.deviationId,
        standardId: standard.standardId,
        pmoId: pmo.pmoId,
        publisherPmoId: standard.publisherPmoId,
        slot: command.slot,
        description,
        reason,
        significance,
        compensatingMeasures,
        from,
        until,
        inAdvance: context.today < from,
        requestedOn: context.today,
        requestedAt: context.now,
        requestedBy: context.actor,
      },
    },
  ];
};

const undecided = (state: DeviationState, deviationId: string): RecordedDeviation => {
  if (state.status === 'NONE') throw new DomainError('DEVIATION_NOT_FOUND', `deviation ${deviationId} does not exist`, 'deviationId');
  if (state.status !== 'REQUESTED') {
    throw new DomainError('DEVIATION_ALREADY_DECIDED', `deviation ${deviationId} is ${state.status} and takes no further decision`, 'deviationId');
  }
  return state;
};

const TYPES = { ApproveDeviation: 'DeviationApproved', RejectDeviation: 'DeviationRejected', WithdrawDeviation: 'DeviationWithdrawn' } as const;

const decideOne = (command: DecideDeviation, state: DeviationState, context: CommandContext): DeviationEvent[] => {
  const deviation = undecided(state, command.deviationId);
  // Whoever asked never judges their own request, whatever their roles (ADMIN included).
  if (command.type !== 'WithdrawDeviation' && context.actor === deviation.requestedBy) {
    throw new DomainError('SELF_APPROVAL_FORBIDDEN', `${context.actor} asked for deviation ${deviation.deviationId} and may not decide it`, 'deviationId');
  }
  if (command.type === 'ApproveDeviation' && context.today > deviation.until) {
    throw new DomainError('DEVIATION_EXPIRED', `deviation ${deviation.deviationId} ended on ${deviation.until}; there is nothing left to approve`, 'deviationId');
  }
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  const decision = { deviationId: deviation.deviationId, reason, decidedOn: context.today, decidedAt: context.now, decidedBy: context.actor };
  return [{ type: TYPES[command.type], data: decision }];
};

export const decideDeviation = (command: DeviationCommand, state: DeviationState, context: CommandContext): DeviationEvent[] => {
  switch (command.type) {
    case 'RequestDeviation':
      return request(command, state, context);
    case 'ApproveDeviation':
    case 'RejectDeviation':
    case 'WithdrawDeviation':
      return decideOne(command, state, context);
    default:
      return assertNever(command);
  }
};
