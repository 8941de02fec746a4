import type { LocalDate } from '../shared/local-date';
import type { SupportEngagementEvent } from './support.events';

/** What decide reads of an engagement; what it shows is the view's (support-engagement.view.ts). */
export interface ExistingEngagement {
  readonly status: 'OPEN' | 'CLOSED';
  readonly engagementId: string;
  readonly pmoId: string;
  /** Whom a MEMBER may record sessions as: the supporter alone. */
  readonly supporter: string;
  readonly subject: string;
  readonly supportsPerson: boolean;
  readonly startedOn: LocalDate;
  readonly agreedUntil: LocalDate;
  readonly goals: readonly string[];
  readonly willingToChange: boolean;
  /** The latest day a session was held; null before any. */
  readonly lastSessionOn: LocalDate | null;
}

export type SupportEngagementState = { readonly status: 'NONE' } | ExistingEngagement;

export const initialSupportEngagementState: SupportEngagementState = { status: 'NONE' };

export const evolveSupportEngagement = (state: SupportEngagementState, event: SupportEngagementEvent): SupportEngagementState => {
  if (event.type === 'SupportEngagementOpened') {
    if (state.status !== 'NONE') return state;
    const d = event.data;
    return {
      status: 'OPEN',
      engagementId: d.engagementId,
      pmoId: d.pmoId,
      supporter: d.supporter,
      subject: d.subject,
      supportsPerson: d.supportedPmoId === null,
      startedOn: d.startedOn,
      agreedUntil: d.agreedUntil,
      goals: d.goals,
      willingToChange: d.willingToChange,
      lastSessionOn: null,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'SupportEngagementRenegotiated':
      return { ...state, goals: event.data.goals, agreedUntil: event.data.agreedUntil, willingToChange: event.data.willingToChange };
    case 'SupportSessionRecorded':
      return { ...state, lastSessionOn: state.lastSessionOn === null || event.data.heldOn > state.lastSessionOn ? event.data.heldOn : state.lastSessionOn };
    case 'SupportEngagementClosed':
      return { ...state, status: 'CLOSED' };
  }
};
