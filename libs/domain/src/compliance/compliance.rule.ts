import type { LocalDate } from '../shared/local-date';
import type { PmoKind } from '../pmo/pmo.events';
import type { DeviationSignificance } from '../deviation/deviation.events';
import type { VersionDays } from '../standard/standard.snapshots';

export const COMPLIANCE_STATUSES = ['ADOPTED', 'TRANSITION', 'DEVIATION_APPROVED', 'DEVIATION_REQUESTED', 'PENDING', 'NON_COMPLIANT'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

// The rule below is the README's "The compliance rule", word for word in code. Its inputs are
// facts already cut at the instant asked about (`asOf`): whatever was recorded later is absent,
// so a decision recorded after asOf leaves its deviation undecided here.

export interface ComplianceStandard {
  readonly standardId: string;
  readonly publisherPmoId: string;
  readonly appliesTo: readonly PmoKind[];
  /** Oldest first, effectiveFrom strictly rising. */
  readonly versions: readonly VersionDays[];
  /** Obligations end from this day; null while in force. */
  readonly retiredOn: LocalDate | null;
}

export interface CompliancePmo {
  readonly pmoId: string;
  readonly kind: PmoKind;
  /** The parent first. */
  readonly ancestorIds: readonly string[];
  /** The PMO's first day. */
  readonly existsFrom: LocalDate;
  /** The PMO's last day (the day before a merger); null while it carries on. */
  readonly existsUntil: LocalDate | null;
}

export interface AdoptionFact {
  readonly version: number;
  readonly adoptedOn: LocalDate;
}

export interface LeewayFact {
  readonly version: number;
  readonly until: LocalDate;
}

export interface DeviationFact {
  readonly deviationId: string;
  readonly significance: DeviationSignificance;
  readonly from: LocalDate;
  readonly until: LocalDate;
  readonly requestedOn: LocalDate;
  /** As known: REQUESTED when no decision was recorded yet. MINOR ones are APPROVED from the start. */
  readonly status: 'REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  /** The approval day (the request day for a MINOR one); null unless APPROVED. */
  readonly approvedOn: LocalDate | null;
  /** The day it was approved, rejected or withdrawn (the request day for a MINOR one); null while undecided. */
  readonly decidedOn: LocalDate | null;
}

/** One PMO's facts about one standard, each list in the order recorded. */
export interface PairFacts {
  readonly adoptions: readonly AdoptionFact[];
  readonly leeways: readonly LeewayFact[];
  readonly deviations: readonly DeviationFact[];
}

export const NO_FACTS: PairFacts = { adoptions: [], leeways: [], deviations: [] };

export interface ComplianceVerdict {
  readonly status: ComplianceStatus;
  /** The version followed (or kept); null when none. */
  readonly version: number | null;
  readonly currentVersion: number;
  readonly dueOn: LocalDate;
  /** The deviation that set the status (DEVIATION_APPROVED, DEVIATION_REQUESTED, or a late one behind NON_COMPLIANT); null otherwise. */
  readonly deviationId: string | null;
}

/** Whether the standard binds the PMO on the day. */
export const appliesOn = (standard: ComplianceStandard, pmo: CompliancePmo, day: LocalDate): boolean =>
  pmo.ancestorIds.includes(standard.publisherPmoId) &&
  standard.appliesTo.includes(pmo.kind) &&
  pmo.existsFrom <= day &&
  (pmo.existsUntil === null || day <= pmo.existsUntil) &&
  standard.versions.length > 0 &&
  standard.versions[0]!.effectiveFrom <= day &&
  (standard.retiredOn === null || day < standard.retiredOn);

/** The latest version with effectiveFrom on or before the day; the standard must apply on it. */
export const currentVersionOn = (versions: readonly VersionDays[], day: LocalDate): VersionDays => {
  let current = versions[0]!;
  for (const version of versions) if (version.effectiveFrom <= day) current = version;
  return current;
};

/** The latest adoption on or before the day; the later recorded wins a tie. */
export const followedOn = (adoptions: readonly AdoptionFact[], day: LocalDate): number | null => {
  let followed: AdoptionFact | null = null;
  for (const adoption of adoptions) if (adoption.adoptedOn <= day && (followed === null || adoption.adoptedOn >= followed.adoptedOn)) followed = adoption;
  return followed?.version ?? null;
};

/** The first day an approved deviation covers: `from` when asked in advance, else the day it was approved. */
export const coveredFrom = (deviation: DeviationFact): LocalDate | null => {
  if (deviation.status !== 'APPROVED' || deviation.approvedOn === null) return null;
  // Asked on or after `from`: the days before the approval were practised without one.
  return deviation.requestedOn < deviation.from ? deviation.from : deviation.approvedOn;
};

/**
 * A deviation asked for on or after its `from` was practised before anyone could approve it: its
 * days from `from` until it was decided (approved, rejected or withdrawn; for ever while it is
 * not) vary from the standard without approval.
 */
export const practisedWithoutApproval = (deviation: DeviationFact, day: LocalDate): boolean =>
  deviation.requestedOn >= deviation.from &&
  deviation.from <= day &&
  day <= deviation.until &&
  (deviation.decidedOn === null || day < deviation.decidedOn);

/** How the PMO stands against the standard on the day; call only where `appliesOn` holds. */
export const complianceOn = (standard: Pick<ComplianceStandard, 'versions'>, facts: PairFacts, day: LocalDate): ComplianceVerdict => {
  const current = currentVersionOn(standard.versions, day);
  const followed = followedOn(facts.adoptions, day);
  const verdict = (status: ComplianceStatus, deviationId: string | null = null): ComplianceVerdict => ({
    status,
    version: followed,
    currentVersion: current.version,
    dueOn: current.adoptionDueOn,
    deviationId,
  });
  if (followed === current.version) return verdict('ADOPTED');
  if (followed !== null && facts.leeways.some((l) => l.version === followed && day <= l.until)) return verdict('TRANSITION');
  const approved = facts.deviations.find((d) => {
    const start = coveredFrom(d);
    return start !== null && start <= day && day <= d.until;
  });
  if (approved) return verdict('DEVIATION_APPROVED', approved.deviationId);
  const requested = facts.deviations.find((d) => d.status === 'REQUESTED' && d.requestedOn < d.from && d.from <= day && day <= d.until);
  if (requested) return verdict('DEVIATION_REQUESTED', requested.deviationId);
  const unapproved = facts.deviations.find((d) => practisedWithoutApproval(d, day));
  if (unapproved) return verdict('NON_COMPLIANT', unapproved.deviationId);
  return verdict(day <= current.adoptionDueOn ? 'PENDING' : 'NON_COMPLIANT');
};
