import type { LocalDate } from '../shared/local-date';
import type { PmoInTree, StandardSnapshot } from '../standard/standard.snapshots';

/** Commands on the stream of one (standard, PMO) pair, whose id the application derives from the two. */
export interface AdoptStandard {
  readonly type: 'AdoptStandard';
  readonly adoptionId: string;
  readonly standard: StandardSnapshot;
  readonly pmo: PmoInTree;
  readonly version: number;
  readonly adoptedOn: LocalDate;
}

export interface KeepStandardVersion {
  readonly type: 'KeepStandardVersion';
  readonly adoptionId: string;
  readonly standard: StandardSnapshot;
  readonly pmo: PmoInTree;
  /** The PMO's parent, which grants the leeway; null for a top-level PMO. */
  readonly grantor: PmoInTree | null;
  readonly version: number;
  readonly until: LocalDate;
  readonly reason: string;
}

export type AdoptionCommand = AdoptStandard | KeepStandardVersion;
