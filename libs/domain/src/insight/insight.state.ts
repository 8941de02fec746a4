import type { LocalDate } from '../shared/local-date';
import type { InsightDecision, InsightEvent } from './insight.events';

/**
 * What `decide` compares: the day it was heard and its latest decision. Every decision, with who
 * made it, is the view's (insight.view.ts); `pmoId` is what permission checks read.
 */
export interface RecordedInsight {
  readonly status: 'OPEN' | 'DECIDED';
  readonly insightId: string;
  readonly pmoId: string;
  readonly heardOn: LocalDate;
  readonly lastDecision: InsightDecision | null;
  readonly lastDecidedOn: LocalDate | null;
}

export interface NoInsight {
  readonly status: 'NONE';
}

export type InsightState = NoInsight | RecordedInsight;

export const initialInsightState: InsightState = { status: 'NONE' };

// An event that cannot apply leaves the state unchanged, so a replay is never blocked by the fold.
export const evolveInsight = (state: InsightState, event: InsightEvent): InsightState => {
  switch (event.type) {
    case 'InsightRecorded': {
      if (state.status !== 'NONE') return state;
      const { insightId, pmoId, heardOn } = event.data;
      return { status: 'OPEN', insightId, pmoId, heardOn, lastDecision: null, lastDecidedOn: null };
    }
    case 'InsightDecided':
      if (state.status === 'NONE') return state;
      return { ...state, status: 'DECIDED', lastDecision: event.data.decision, lastDecidedOn: event.data.decidedOn };
  }
};
