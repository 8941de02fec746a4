import type { LocalDate } from '../shared/local-date';
import type { ActivitySnapshot } from '../work/work.commands';
import type { CommunitySnapshot } from '../community/community.commands';
import type { InsightDecision } from './insight.events';

export interface RecordInsight {
  readonly type: 'RecordInsight';
  readonly insightId: string;
  /** The application checks that the PMO exists. */
  readonly pmoId: string;
  /** The community it was heard in, as read now; null when heard elsewhere. */
  readonly community: CommunitySnapshot | null;
  readonly title: string;
  readonly summary: string;
  readonly heardOn: LocalDate;
}

export interface DecideInsight {
  readonly type: 'DecideInsight';
  readonly insightId: string;
  readonly decision: InsightDecision;
  readonly reason: string;
  readonly decidedOn: LocalDate;
  /** The activity that puts it to work, as read now (the application finds it or answers NOT_FOUND). */
  readonly activity: ActivitySnapshot | null;
}

export type InsightCommand = RecordInsight | DecideInsight;
