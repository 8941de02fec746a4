import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { PmoKind } from '../pmo/pmo.events';
import type { StandardEvent } from './standard.events';
import type { VersionDays } from './standard.snapshots';

export interface NoStandard {
  readonly status: 'NONE';
}

/**
 * The decider's state: the version days a revision is compared with and adoptions and
 * deviations are judged against (a handful in a standard's life), the scope, the cap, and
 * `pmoId` (the publisher) for permission checks. Summaries, reasons and who published are the
 * view's (standard.view.ts).
 */
export interface PublishedStandard {
  readonly status: 'IN_FORCE' | 'RETIRED';
  readonly standardId: string;
  readonly pmoId: string;
  readonly appliesTo: readonly PmoKind[];
  readonly versions: readonly VersionDays[];
  readonly maxDeviationDays: number | null;
  readonly retiredOn: LocalDate | null;
}

export type StandardState = NoStandard | PublishedStandard;

export const initialStandardState: StandardState = { status: 'NONE' };

const daysOf = ({ version, effectiveFrom, adoptionDueOn }: VersionDays): VersionDays => ({ version, effectiveFrom, adoptionDueOn });

export const evolveStandard = (state: StandardState, event: StandardEvent): StandardState => {
  if (event.type === 'StandardPublished') {
    if (state.status !== 'NONE') return state;
    const { standardId, pmoId, appliesTo, maxDeviationDays } = event.data;
    return { status: 'IN_FORCE', standardId, pmoId, appliesTo, versions: [daysOf(event.data)], maxDeviationDays, retiredOn: null };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'StandardRevised':
      return { ...state, versions: [...state.versions, daysOf(event.data)], maxDeviationDays: event.data.maxDeviationDays };
    case 'StandardRetired':
      return state.status === 'RETIRED' ? state : { ...state, status: 'RETIRED', retiredOn: event.data.retiredOn };
    default:
      return assertNever(event);
  }
};
