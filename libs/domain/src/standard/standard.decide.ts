import { assertNever, type CommandContext } from '../shared/decider';
import { badInput, DomainError } from '../shared/domain-error';
import { localDate, NAME_MAX, oneOf, requiredText, TEXT_MAX } from '../shared/input';
import { PMO_KINDS } from '../pmo/pmo.events';
import type { PublishStandard, RetireStandard, ReviseStandard, StandardCommand } from './standard.commands';
import { STANDARD_KINDS, type StandardEvent } from './standard.events';
import type { PublishedStandard, StandardState } from './standard.state';

/** A cap longer than ten years is no cap a reader could act on. */
export const MAX_DEVIATION_DAYS_LIMIT = 3650;

const cap = (value: unknown): number | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DEVIATION_DAYS_LIMIT) {
    throw badInput('maxDeviationDays', `maxDeviationDays must be a whole number of days from 1 to ${MAX_DEVIATION_DAYS_LIMIT}`);
  }
  return value;
};

const days = (command: { effectiveFrom: unknown; adoptionDueOn: unknown }) => {
  const effectiveFrom = localDate('effectiveFrom', command.effectiveFrom);
  const adoptionDueOn = localDate('adoptionDueOn', command.adoptionDueOn);
  if (adoptionDueOn < effectiveFrom) throw badInput('adoptionDueOn', `adoptionDueOn must not be before effectiveFrom (${effectiveFrom})`);
  return { effectiveFrom, adoptionDueOn };
};

const inForce = (state: StandardState, standardId: string): PublishedStandard => {
  if (state.status === 'NONE') throw new DomainError('STANDARD_NOT_FOUND', `standard ${standardId} does not exist`, 'standardId');
  if (state.status === 'RETIRED') {
    throw new DomainError('STANDARD_RETIRED', `standard ${standardId} was retired on ${state.retiredOn} and takes no further change`, 'standardId');
  }
  return state;
};

const publish = (command: PublishStandard, state: StandardState, context: CommandContext): StandardEvent[] => {
  if (state.status !== 'NONE') throw new DomainError('STANDARD_ALREADY_EXISTS', `standard ${command.standardId} already exists`);
  const { publisher } = command;
  // Only the strategic PMO sets the rules the PMOs under it follow.
  if (publisher.kind !== 'PORTFOLIO') {
    throw new DomainError('PUBLISHER_NOT_PORTFOLIO', `only a PORTFOLIO PMO publishes standards; PMO ${publisher.pmoId} is ${publisher.kind}`, 'publisherPmoId');
  }
  const kind = oneOf('kind', command.kind, STANDARD_KINDS);
  const title = requiredText('title', command.title, NAME_MAX);
  const summary = requiredText('summary', command.summary, TEXT_MAX);
  if (!Array.isArray(command.appliesTo) || command.appliesTo.length === 0) throw badInput('appliesTo', 'appliesTo must name at least one PMO kind');
  const appliesTo = PMO_KINDS.filter((k) => command.appliesTo.map((a, i) => oneOf(`appliesTo[${i}]`, a, PMO_KINDS)).includes(k));
  const { effectiveFrom, adoptionDueOn } = days(command);
  return [
    {
      type: 'StandardPublished',
      data: {
        standardId: command.standardId,
        pmoId: publisher.pmoId,
        kind,
        title,
        appliesTo,
        version: 1,
        summary,
        effectiveFrom,
        adoptionDueOn,
        maxDeviationDays: cap(command.maxDeviationDays),
        publishedAt: context.now,
        publishedBy: context.actor,
      },
    },
  ];
};

const revise = (command: ReviseStandard, state: StandardState, context: CommandContext): StandardEvent[] => {
  const standard = inForce(state, command.standardId);
  const summary = requiredText('summary', command.summary, TEXT_MAX);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  const { effectiveFrom, adoptionDueOn } = days(command);
  const latest = standard.versions[standard.versions.length - 1]!;
  // Versions follow each other in time, so "the version in force on a day" is always one version.
  if (effectiveFrom <= latest.effectiveFrom) {
    throw badInput('effectiveFrom', `effectiveFrom must be after version ${latest.version}'s (${latest.effectiveFrom})`);
  }
  return [
    {
      type: 'StandardRevised',
      data: {
        standardId: standard.standardId,
        version: latest.version + 1,
        summary,
        effectiveFrom,
        adoptionDueOn,
        reason,
        maxDeviationDays: command.maxDeviationDays === undefined ? standard.maxDeviationDays : cap(command.maxDeviationDays),
        publishedAt: context.now,
        publishedBy: context.actor,
      },
    },
  ];
};

const retire = (command: RetireStandard, state: StandardState, context: CommandContext): StandardEvent[] => {
  const standard = inForce(state, command.standardId);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  return [
    {
      type: 'StandardRetired',
      data: { standardId: standard.standardId, reason, retiredOn: context.today, retiredAt: context.now, retiredBy: context.actor },
    },
  ];
};

export const decideStandard = (command: StandardCommand, state: StandardState, context: CommandContext): StandardEvent[] => {
  switch (command.type) {
    case 'PublishStandard':
      return publish(command, state, context);
    case 'ReviseStandard':
      return revise(command, state, context);
    case 'RetireStandard':
      return retire(command, state, context);
    default:
      return assertNever(command);
  }
};
