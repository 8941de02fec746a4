import { append, emptyList, listItems, listOf, type AppendOnlyList } from '../shared/append-only-list';
import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { AssistanceMode, SupportEngagementEvent, SupportEngagementOpened, SupportOutcome } from './support.events';

/** One version of the agreement: the first is the opening's, each later one a renegotiation's. */
export interface AgreementVersion {
  readonly goals: readonly string[];
  readonly agreedUntil: LocalDate;
  readonly willingToChange: boolean;
  /** Null for the opening agreement. */
  readonly reason: string | null;
  readonly agreedAt: string;
  readonly agreedBy: string;
}

export interface SessionView {
  readonly heldOn: LocalDate;
  readonly hours: number;
  readonly mode: AssistanceMode;
  readonly supporter: string;
  /** Sealed, as the event holds it. */
  readonly notes: string | null;
  readonly workEntryId: string | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface ExistingEngagementView extends Stamps, Readonly<Omit<SupportEngagementOpened['data'], 'goals' | 'agreedUntil' | 'willingToChange'>> {
  readonly status: 'OPEN' | 'CLOSED';
  readonly goals: readonly string[];
  readonly agreedUntil: LocalDate;
  readonly willingToChange: boolean;
  /** Every version of the agreement, in order; read them with engagementAgreements. */
  readonly agreements: AppendOnlyList<AgreementVersion>;
  /** Every session in the order recorded; read them with engagementSessions. */
  readonly sessions: AppendOnlyList<SessionView>;
  readonly outcome: SupportOutcome | null;
  readonly closedOn: LocalDate | null;
  readonly closeReason: string | null;
  readonly openedBy: string;
}

export type SupportEngagementView = { readonly status: 'NONE' } | ExistingEngagementView;

export const initialSupportEngagementView: SupportEngagementView = { status: 'NONE' };

export const evolveSupportEngagementView = (view: SupportEngagementView, event: SupportEngagementEvent, facts: RecordedFacts): SupportEngagementView => {
  if (event.type === 'SupportEngagementOpened') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    const d = event.data;
    return {
      ...d,
      status: 'OPEN',
      agreements: listOf<AgreementVersion>([{ goals: d.goals, agreedUntil: d.agreedUntil, willingToChange: d.willingToChange, reason: null, agreedAt: facts.recordedAt, agreedBy: facts.actor }]),
      sessions: emptyList<SessionView>(),
      outcome: null,
      closedOn: null,
      closeReason: null,
      openedBy: facts.actor,
      ...createdBy(facts),
    };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'SupportEngagementRenegotiated': {
      const { goals, agreedUntil, willingToChange, reason } = event.data;
      return { ...touched, goals, agreedUntil, willingToChange, agreements: append(view.agreements, { goals, agreedUntil, willingToChange, reason, agreedAt: facts.recordedAt, agreedBy: facts.actor }) };
    }
    case 'SupportSessionRecorded': {
      const { heldOn, hours, mode, supporter, notes, workEntryId } = event.data;
      return { ...touched, sessions: append(view.sessions, { heldOn, hours, mode, supporter, notes, workEntryId, recordedAt: facts.recordedAt, recordedBy: facts.actor }) };
    }
    case 'SupportEngagementClosed':
      return { ...touched, status: 'CLOSED', outcome: event.data.outcome, closedOn: event.data.closedOn, closeReason: event.data.reason };
  }
};

export const supportEngagementView: ViewProjection<SupportEngagementEvent, SupportEngagementView> = {
  initialState: initialSupportEngagementView,
  evolve: evolveSupportEngagementView,
};

export const engagementSessions = (view: ExistingEngagementView): SessionView[] => listItems(view.sessions);
export const engagementAgreements = (view: ExistingEngagementView): AgreementVersion[] => listItems(view.agreements);
