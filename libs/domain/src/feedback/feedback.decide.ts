import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { NAME_MAX, TEXT_MAX, oneOf, requiredText } from '../shared/input';
import type { FeedbackCommand, RaiseFeedback, ResolveFeedback, FeedbackStandard } from './feedback.commands';
import { FEEDBACK_OUTCOMES, type FeedbackEvent, type FeedbackOutcome } from './feedback.events';
import type { FeedbackState, OpenFeedback } from './feedback.state';

const raise = (command: RaiseFeedback, state: FeedbackState): FeedbackEvent[] => {
  if (state.status !== 'NONE') {
    throw new DomainError('FEEDBACK_ALREADY_EXISTS', `feedback ${command.feedbackId} already exists`);
  }
  const { from, toPmoId } = command;
  // Feedback travels up the hierarchy only: sideways and downwards there are other channels.
  if (!from.ancestorIds.includes(toPmoId)) {
    const above = from.ancestorIds.length === 0 ? 'no PMO is above it' : `the PMOs above it are ${from.ancestorIds.join(', ')}`;
    throw new DomainError('FEEDBACK_NOT_UPWARD', `feedback from PMO ${from.pmoId} goes to a PMO above it, and ${above}`, 'toPmoId');
  }
  const subject = requiredText('subject', command.subject, NAME_MAX);
  const body = requiredText('body', command.body, TEXT_MAX);
  return [
    {
      type: 'FeedbackRaised',
      data: {
        feedbackId: command.feedbackId,
        pmoId: toPmoId,
        fromPmoId: from.pmoId,
        standardId: command.standard?.standardId ?? null,
        subject,
        body,
      },
    },
  ];
};

const open = (state: FeedbackState, feedbackId: string): OpenFeedback => {
  if (state.status === 'NONE') throw new DomainError('FEEDBACK_NOT_FOUND', `feedback ${feedbackId} does not exist`);
  if (state.status === 'RESOLVED') {
    throw new DomainError('FEEDBACK_ALREADY_RESOLVED', `feedback ${feedbackId} was already resolved as ${state.outcome} and is resolved only once`);
  }
  return state;
};

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** Each outcome that names something requires it, and every other outcome refuses it. */
const referenceFor = (outcome: FeedbackOutcome, field: string, value: unknown, requiredBy: FeedbackOutcome): boolean => {
  if (outcome === requiredBy) {
    if (!given(value)) throw badInput(field, `${field} is required when the outcome is ${requiredBy}`);
    return true;
  }
  if (given(value)) throw badInput(field, `${field} is given only when the outcome is ${requiredBy}, not ${outcome}`);
  return false;
};

/** The revision that answered the feedback: one the standard the feedback names has had. */
const revisedVersion = (feedback: OpenFeedback, standard: FeedbackStandard | null, value: unknown): number => {
  if (feedback.standardId === null) {
    throw new DomainError('FEEDBACK_WITHOUT_STANDARD', 'feedback about no standard cannot be answered by revising one', 'outcome');
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2) {
    throw badInput('standardVersion', 'standardVersion must be a revision of the standard: a whole number of at least 2 (version 1 is its first publication)');
  }
  if (standard === null || standard.standardId !== feedback.standardId || value > standard.latestVersion) {
    const latest = standard?.standardId === feedback.standardId ? ` (its latest is ${standard.latestVersion})` : '';
    throw new DomainError(
      'STANDARD_VERSION_NOT_FOUND',
      `standard ${feedback.standardId} has no version ${value}${latest}: publish the revision before resolving with it`,
      'standardVersion',
    );
  }
  return value;
};

const resolve = (command: ResolveFeedback, state: FeedbackState): FeedbackEvent[] => {
  const feedback = open(state, command.feedbackId);
  const outcome = oneOf('outcome', command.outcome, FEEDBACK_OUTCOMES);
  const revises = referenceFor(outcome, 'standardVersion', command.standardVersion, 'STANDARD_REVISED');
  const grants = referenceFor(outcome, 'deviationId', command.deviationId, 'DEVIATION_GRANTED');
  const standardVersion = revises ? revisedVersion(feedback, command.standard, command.standardVersion) : null;
  const deviationId = grants ? requiredText('deviationId', command.deviationId, NAME_MAX) : null;
  const resolution = requiredText('resolution', command.resolution, TEXT_MAX);
  return [{ type: 'FeedbackResolved', data: { feedbackId: feedback.feedbackId, outcome, standardVersion, deviationId, resolution } }];
};

export const decideFeedback = (command: FeedbackCommand, state: FeedbackState, _context: CommandContext): FeedbackEvent[] => {
  switch (command.type) {
    case 'RaiseFeedback':
      return raise(command, state);
    case 'ResolveFeedback':
      return resolve(command, state);
    default:
      return assertNever(command);
  }
};
