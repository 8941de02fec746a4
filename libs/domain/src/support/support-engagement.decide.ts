import { assertNever, type CommandContext } from '../shared/decider';
import { DomainError, badInput } from '../shared/domain-error';
import { NAME_MAX, TEXT_MAX, finiteNumber, localDate, oneOf, optionalText, requiredText } from '../shared/input';
import type { LocalDate } from '../shared/local-date';
import { holdsQualification } from './qualification';
import type { CloseSupportEngagement, OpenSupportEngagement, RecordSupportSession, RenegotiateEngagement, SupportEngagementCommand } from './support-engagement.commands';
import type { ExistingEngagement, SupportEngagementState } from './support-engagement.state';
import { ASSISTANCE_MODES, SUPPORT_OUTCOMES, type SupportEngagementEvent } from './support.events';

/** Goals of one engagement at most: an agreement, not a backlog. */
export const GOALS_MAX = 20;
/** A session lasts more than nothing and at most a day. */
export const SESSION_HOURS_MAX = 24;

const goalsOf = (value: unknown): string[] => {
  if (!Array.isArray(value) || value.length === 0) throw badInput('goals', 'goals must name at least one goal');
  if (value.length > GOALS_MAX) throw badInput('goals', `goals may name at most ${GOALS_MAX} goals`);
  return value.map((goal, index) => requiredText(`goals[${index}]`, goal, NAME_MAX));
};

const agreedUntilOf = (value: unknown, startedOn: LocalDate): LocalDate => {
  const day = localDate('agreedUntil', value);
  if (day < startedOn) {
    throw new DomainError('AGREED_UNTIL_BEFORE_START', `agreedUntil ${day} is before startedOn ${startedOn}: agree an end on or after the start`, 'agreedUntil');
  }
  return day;
};

const existing = (state: SupportEngagementState, engagementId: string): ExistingEngagement => {
  if (state.status === 'NONE') throw new DomainError('NOT_FOUND', `support engagement ${engagementId} does not exist`, 'engagementId');
  return state;
};

const open = (state: SupportEngagementState, engagementId: string): ExistingEngagement => {
  const engagement = existing(state, engagementId);
  if (engagement.status === 'CLOSED') {
    throw new DomainError('SUPPORT_ENGAGEMENT_CLOSED', `support engagement ${engagementId} is closed: open a new engagement to carry on`, 'engagementId');
  }
  return engagement;
};

const openEngagement = (command: OpenSupportEngagement, state: SupportEngagementState): SupportEngagementEvent[] => {
  if (state.status !== 'NONE') throw new DomainError('SUPPORT_ENGAGEMENT_ALREADY_EXISTS', `support engagement ${command.engagementId} already exists`, 'engagementId');
  const supporter = requiredText('supporter', command.supporter, NAME_MAX);
  const person = command.supportedPerson === null || command.supportedPerson === undefined ? null : requiredText('supportedPerson', command.supportedPerson, NAME_MAX);
  const supportedPmoId = command.supportedPmoId ?? null;
  if (person === null && supportedPmoId === null) {
    throw new DomainError('SUPPORTED_PARTY_REQUIRED', 'name whom the engagement supports: supportedPerson or supportedPmoId', 'supportedPerson');
  }
  if (person !== null && supportedPmoId !== null) {
    throw new DomainError('SUPPORTED_PARTY_AMBIGUOUS', 'an engagement supports a person or a PMO, not both: leave out supportedPmoId or supportedPerson', 'supportedPmoId');
  }
  if (supportedPmoId === command.pmoId) {
    throw new DomainError('PMO_SUPPORTING_ITSELF', 'a PMO cannot open a support engagement with itself: name another PMO or a person', 'supportedPmoId');
  }
  if (person !== null && command.supportedErased) {
    throw new DomainError('SUPPORTED_PERSON_ERASED', "the supported person's data was erased: nothing more is recorded about them", 'supportedPerson');
  }
  const topic = requiredText('topic', command.topic, NAME_MAX);
  const requestedAs = oneOf('requestedAs', command.requestedAs, ASSISTANCE_MODES);
  const goals = goalsOf(command.goals);
  if (typeof command.willingToChange !== 'boolean') throw badInput('willingToChange', 'willingToChange must be true or false');
  const startedOn = localDate('startedOn', command.startedOn);
  const agreedUntil = agreedUntilOf(command.agreedUntil, startedOn);
  return [
    {
      type: 'SupportEngagementOpened',
      data: {
        engagementId: command.engagementId,
        pmoId: command.pmoId,
        supporter,
        supportedPerson: person,
        supportedPmoId,
        subject: command.subject,
        topic,
        requestedAs,
        goals,
        willingToChange: command.willingToChange,
        startedOn,
        agreedUntil,
      },
    },
  ];
};

const renegotiate = (command: RenegotiateEngagement, state: SupportEngagementState): SupportEngagementEvent[] => {
  const engagement = open(state, command.engagementId);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;
  if (!given(command.goals) && !given(command.agreedUntil) && !given(command.willingToChange)) {
    throw new DomainError('NOTHING_TO_RENEGOTIATE', 'give new goals, agreedUntil or willingToChange', 'goals');
  }
  const goals = given(command.goals) ? goalsOf(command.goals) : engagement.goals;
  const agreedUntil = given(command.agreedUntil) ? agreedUntilOf(command.agreedUntil, engagement.startedOn) : engagement.agreedUntil;
  if (engagement.lastSessionOn !== null && agreedUntil < engagement.lastSessionOn) {
    throw new DomainError('SESSIONS_AFTER_AGREED_UNTIL', `a session was held on ${engagement.lastSessionOn}: agree until that day or later`, 'agreedUntil');
  }
  if (given(command.willingToChange) && typeof command.willingToChange !== 'boolean') throw badInput('willingToChange', 'willingToChange must be true or false');
  const willingToChange = given(command.willingToChange) ? command.willingToChange : engagement.willingToChange;
  return [{ type: 'SupportEngagementRenegotiated', data: { engagementId: engagement.engagementId, goals, agreedUntil, willingToChange, reason } }];
};

const session = (command: RecordSupportSession, state: SupportEngagementState, context: CommandContext): SupportEngagementEvent[] => {
  const engagement = open(state, command.engagementId);
  const heldOn = localDate('heldOn', command.heldOn);
  if (heldOn > context.today) throw new DomainError('SESSION_IN_FUTURE', `heldOn ${heldOn} is after today (${context.today}): record a session once it was held`, 'heldOn');
  if (heldOn < engagement.startedOn || heldOn > engagement.agreedUntil) {
    throw new DomainError(
      'SESSION_OUTSIDE_ENGAGEMENT',
      `heldOn ${heldOn} is outside the engagement's agreed days (${engagement.startedOn} to ${engagement.agreedUntil}): renegotiate agreedUntil first`,
      'heldOn',
    );
  }
  const hours = finiteNumber('hours', command.hours);
  if (hours <= 0 || hours > SESSION_HOURS_MAX) throw badInput('hours', `hours must be more than 0 and at most ${SESSION_HOURS_MAX}`);
  const mode = oneOf('mode', command.mode, ASSISTANCE_MODES);
  if (mode === 'COACH') {
    if (!holdsQualification(command.qualifications, 'COACH', heldOn)) {
      throw new DomainError('COACH_QUALIFICATION_REQUIRED', `${engagement.supporter} holds no COACH qualification valid on ${heldOn}: record one, or record the session as MENTOR`, 'mode');
    }
    if (!engagement.willingToChange) {
      throw new DomainError('COACHING_NEEDS_WILLINGNESS_TO_CHANGE', 'coaching needs someone who wants to change: renegotiate willingToChange, or record the session as MENTOR', 'mode');
    }
  }
  if (mode === 'COUNSELLOR') {
    if (!engagement.supportsPerson) throw new DomainError('COUNSELLING_NEEDS_A_PERSON', 'counselling is for a person, not a PMO: record the session as another mode', 'mode');
    if (!holdsQualification(command.qualifications, 'COUNSELLOR', heldOn)) {
      throw new DomainError('COUNSELLOR_QUALIFICATION_REQUIRED', `${engagement.supporter} holds no COUNSELLOR qualification valid on ${heldOn}: record one first`, 'mode');
    }
  }
  const notes = optionalText('notes', command.notes, TEXT_MAX);
  if (notes !== null && command.supportedErased) {
    throw new DomainError('SUPPORTED_PERSON_ERASED', "the supported person's data was erased: no notes about them are kept; leave notes out", 'notes');
  }
  const workEntryId = optionalText('workEntryId', command.workEntryId, NAME_MAX);
  return [
    {
      type: 'SupportSessionRecorded',
      data: { engagementId: engagement.engagementId, subject: engagement.subject, heldOn, hours, mode, supporter: engagement.supporter, notes, workEntryId },
    },
  ];
};

const close = (command: CloseSupportEngagement, state: SupportEngagementState, context: CommandContext): SupportEngagementEvent[] => {
  const engagement = open(state, command.engagementId);
  const outcome = oneOf('outcome', command.outcome, SUPPORT_OUTCOMES);
  const reason = requiredText('reason', command.reason, TEXT_MAX);
  return [{ type: 'SupportEngagementClosed', data: { engagementId: engagement.engagementId, outcome, closedOn: context.today, reason } }];
};

export const decideSupportEngagement = (command: SupportEngagementCommand, state: SupportEngagementState, context: CommandContext): SupportEngagementEvent[] => {
  switch (command.type) {
    case 'OpenSupportEngagement':
      return openEngagement(command, state);
    case 'RenegotiateEngagement':
      return renegotiate(command, state);
    case 'RecordSupportSession':
      return session(command, state, context);
    case 'CloseSupportEngagement':
      return close(command, state, context);
    default:
      return assertNever(command);
  }
};
