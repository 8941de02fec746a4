import { assertNever, type CommandContext, type Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { NAME_MAX, localDate, oneOf, requiredText } from '../shared/input';
import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import { QUALIFICATION_KINDS, type QualificationEvent, type QualificationKind } from './support.events';

/** One qualification a person holds, as the application reads it for a session. */
export interface QualificationSnapshot {
  readonly kind: QualificationKind;
  readonly validFrom: LocalDate;
  readonly validUntil: LocalDate | null;
}

export interface RecordQualification {
  readonly type: 'RecordQualification';
  /** The id of the person's qualifications stream, derived from the person by the application. */
  readonly holderId: string;
  readonly person: string;
  readonly kind: QualificationKind;
  readonly issuer: string;
  readonly validFrom: LocalDate;
  readonly validUntil: LocalDate | null;
}

export type QualificationCommand = RecordQualification;

export type QualificationState =
  | { readonly status: 'NONE' }
  | { readonly status: 'HELD'; readonly holderId: string; readonly person: string };

export const initialQualificationState: QualificationState = { status: 'NONE' };

export const evolveQualification = (state: QualificationState, event: QualificationEvent): QualificationState =>
  state.status === 'NONE' ? { status: 'HELD', holderId: event.data.holderId, person: event.data.person } : state;

const record = (command: RecordQualification, state: QualificationState): QualificationEvent[] => {
  const person = requiredText('person', command.person, NAME_MAX);
  if (state.status === 'HELD' && state.person !== person) throw new DomainError('QUALIFICATION_HOLDER_MISMATCH', `these qualifications are ${state.person}'s`, 'person');
  const kind = oneOf('kind', command.kind, QUALIFICATION_KINDS);
  const issuer = requiredText('issuer', command.issuer, NAME_MAX);
  const validFrom = localDate('validFrom', command.validFrom);
  const validUntil = command.validUntil === null || command.validUntil === undefined ? null : localDate('validUntil', command.validUntil);
  if (validUntil !== null && validUntil < validFrom) {
    throw new DomainError('QUALIFICATION_ENDS_BEFORE_IT_STARTS', `validUntil ${validUntil} is before validFrom ${validFrom}: give a validUntil on or after it`, 'validUntil');
  }
  return [{ type: 'QualificationRecorded', data: { holderId: command.holderId, person, kind, issuer, validFrom, validUntil } }];
};

export const decideQualification = (command: QualificationCommand, state: QualificationState, _context: CommandContext): QualificationEvent[] => {
  switch (command.type) {
    case 'RecordQualification':
      return record(command, state);
    default:
      return assertNever(command.type);
  }
};

export const qualificationDecider: Decider<QualificationCommand, QualificationEvent, QualificationState> = {
  initialState: initialQualificationState,
  evolve: evolveQualification,
  decide: decideQualification,
};

export interface QualificationEntry extends QualificationSnapshot {
  readonly issuer: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** A person's qualifications, in the order recorded. */
export type QualificationsView =
  | { readonly status: 'NONE' }
  | (Stamps & { readonly status: 'HELD'; readonly holderId: string; readonly person: string; readonly qualifications: readonly QualificationEntry[] });

export const initialQualificationsView: QualificationsView = { status: 'NONE' };

export const evolveQualificationsView = (view: QualificationsView, event: QualificationEvent, facts: RecordedFacts): QualificationsView => {
  const { holderId, person, kind, issuer, validFrom, validUntil } = event.data;
  const entry: QualificationEntry = { kind, issuer, validFrom, validUntil, recordedAt: facts.recordedAt, recordedBy: facts.actor };
  if (view.status === 'NONE') return { status: 'HELD', holderId, person, qualifications: [entry], ...createdBy(facts) };
  // Qualifications of one person stay few: the copy is of a short list.
  return { ...touchedBy(view, facts), qualifications: [...view.qualifications, entry] };
};

export const qualificationsView: ViewProjection<QualificationEvent, QualificationsView> = {
  initialState: initialQualificationsView,
  evolve: evolveQualificationsView,
};

/** Whether one of the qualifications is of the kind and valid on the day (validUntil inclusive). */
export const holdsQualification = (qualifications: readonly QualificationSnapshot[], kind: QualificationKind, day: LocalDate): boolean =>
  qualifications.some((q) => q.kind === kind && q.validFrom <= day && (q.validUntil === null || day <= q.validUntil));
