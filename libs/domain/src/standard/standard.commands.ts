import type { LocalDate } from '../shared/local-date';
import type { PmoKind } from '../pmo/pmo.events';
import type { StandardKind } from './standard.events';
import type { PmoInTree } from './standard.snapshots';

export interface PublishStandard {
  readonly type: 'PublishStandard';
  readonly standardId: string;
  readonly publisher: PmoInTree;
  readonly kind: StandardKind;
  readonly title: string;
  readonly summary: string;
  readonly appliesTo: readonly PmoKind[];
  readonly effectiveFrom: LocalDate;
  readonly adoptionDueOn: LocalDate;
  readonly maxDeviationDays?: number | null;
}

export interface ReviseStandard {
  readonly type: 'ReviseStandard';
  readonly standardId: string;
  readonly summary: string;
  readonly effectiveFrom: LocalDate;
  readonly adoptionDueOn: LocalDate;
  readonly reason: string;
  /** Omitted keeps the cap of the version before; null lifts it. */
  readonly maxDeviationDays?: number | null;
}

export interface RetireStandard {
  readonly type: 'RetireStandard';
  readonly standardId: string;
  readonly reason: string;
}

export type StandardCommand = PublishStandard | ReviseStandard | RetireStandard;
