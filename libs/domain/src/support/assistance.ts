import type { LocalDate } from '../shared/local-date';
import { ASSISTANCE_MODES, type AssistanceMode } from './support.events';

/** What the rules read of one session. */
export interface SessionFacts {
  readonly heldOn: LocalDate;
  readonly hours: number;
  readonly mode: AssistanceMode;
}

export interface ModeHours {
  readonly mode: AssistanceMode;
  readonly sessions: number;
  readonly hours: number;
}

/** Hours are compared at a millionth of an hour, so 0.1 + 0.2 ties with 0.3. */
const rounded = (hours: number): number => Math.round(hours * 1e6) / 1e6;

/** Sessions and hours of every mode, in the enum's order, zeros included. */
export const hoursByMode = (sessions: readonly SessionFacts[]): ModeHours[] =>
  ASSISTANCE_MODES.map((mode) => {
    const of = sessions.filter((session) => session.mode === mode);
    return { mode, sessions: of.length, hours: rounded(of.reduce((sum, session) => sum + session.hours, 0)) };
  });

/**
 * The mode with the most hours; null before any session. Among modes tied on the most hours, the
 * mode it was requested as wins when it is one of them (a tie does not contradict the label);
 * otherwise the one listed first in the spectrum (TRAINER, MENTOR, COACH, COUNSELLOR).
 */
export const deliveredMostlyAs = (sessions: readonly SessionFacts[], requestedAs: AssistanceMode): AssistanceMode | null => {
  if (sessions.length === 0) return null;
  const byMode = hoursByMode(sessions).filter((row) => row.sessions > 0);
  const most = Math.max(...byMode.map((row) => row.hours));
  const tied = byMode.filter((row) => row.hours === most).map((row) => row.mode);
  return tied.includes(requestedAs) ? requestedAs : tied[0]!;
};

/** False when what it was called is not what was mostly delivered; true before any session. */
export const labelMatches = (sessions: readonly SessionFacts[], requestedAs: AssistanceMode): boolean => {
  const delivered = deliveredMostlyAs(sessions, requestedAs);
  return delivered === null || delivered === requestedAs;
};

export interface EngagementFacts {
  readonly engagementId: string;
  readonly requestedAs: AssistanceMode;
  readonly sessions: readonly SessionFacts[];
}

export interface AssistanceFigures {
  /** Over the sessions held from..to (inclusive). */
  readonly byMode: ModeHours[];
  /** Engagements with at least one session held from..to. */
  readonly engagements: number;
  /** Of those, the ones requested as COACH. */
  readonly requestedAsCoaching: number;
  /** Of those, the ones mostly delivered as COACH over their sessions held from..to. */
  readonly deliveredAsCoaching: number;
  /** Of those, the ids of the ones whose label does not match what their sessions held from..to mostly were, in the order given. */
  readonly mislabelled: string[];
}

/**
 * A PMO's assistance over a period. Only sessions held from..to (inclusive) count: an engagement
 * counts when it had one, and what it was mostly delivered as is judged on those sessions alone
 * (with deliveredMostlyAs's tie rule), so a period is never coloured by sessions outside it.
 */
export const assistanceFigures = (engagements: readonly EngagementFacts[], from: LocalDate, to: LocalDate): AssistanceFigures => {
  const held = engagements
    .map((engagement) => ({ engagement, sessions: engagement.sessions.filter((session) => session.heldOn >= from && session.heldOn <= to) }))
    .filter((entry) => entry.sessions.length > 0);
  return {
    byMode: hoursByMode(held.flatMap((entry) => entry.sessions)),
    engagements: held.length,
    requestedAsCoaching: held.filter((entry) => entry.engagement.requestedAs === 'COACH').length,
    deliveredAsCoaching: held.filter((entry) => deliveredMostlyAs(entry.sessions, entry.engagement.requestedAs) === 'COACH').length,
    mislabelled: held.filter((entry) => !labelMatches(entry.sessions, entry.engagement.requestedAs)).map((entry) => entry.engagement.engagementId),
  };
};
