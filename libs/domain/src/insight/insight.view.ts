import { append, emptyList, listItems, type AppendOnlyList } from '../shared/append-only-list';
import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import { isFinalDecision, type InsightDecided, type InsightEvent, type InsightRecorded } from './insight.events';

/** One decision as made, with who recorded it and when. */
export interface InsightDecisionRecord extends Readonly<Omit<InsightDecided['data'], 'insightId'>> {
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export interface NoInsightView {
  readonly status: 'NONE';
}

export interface RecordedInsightView extends Stamps, Readonly<InsightRecorded['data']> {
  readonly status: 'OPEN' | 'DECIDED';
  readonly recordedAt: string;
  readonly recordedBy: string;
  /** The latest decision, or null before any. */
  readonly latest: InsightDecisionRecord | null;
  /** The day of the first decision other than PARK (the one that closed the question); null before it. */
  readonly finallyDecidedOn: LocalDate | null;
  /** Every decision in the order made. */
  readonly decisions: AppendOnlyList<InsightDecisionRecord>;
}

export type InsightView = NoInsightView | RecordedInsightView;

export const initialInsightView: InsightView = { status: 'NONE' };

export const insightDecisions = (view: RecordedInsightView): InsightDecisionRecord[] => listItems(view.decisions);

// Mirrors evolveInsight: an event the decider's fold would ignore changes nothing shown but the revision.
export const evolveInsightView = (view: InsightView, event: InsightEvent, facts: RecordedFacts): InsightView => {
  if (event.type === 'InsightRecorded') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    return {
      status: 'OPEN',
      ...event.data,
      recordedAt: facts.recordedAt,
      recordedBy: facts.actor,
      latest: null,
      finallyDecidedOn: null,
      decisions: emptyList(),
      ...createdBy(facts),
    };
  }
  if (view.status === 'NONE') return view;
  const { insightId: _id, ...decided } = event.data;
  const record: InsightDecisionRecord = { ...decided, recordedAt: facts.recordedAt, recordedBy: facts.actor };
  return {
    ...touchedBy(view, facts),
    status: 'DECIDED',
    latest: record,
    finallyDecidedOn: view.finallyDecidedOn ?? (isFinalDecision(record.decision) ? record.decidedOn : null),
    decisions: append(view.decisions, record),
  };
};

export const insightView: ViewProjection<InsightEvent, InsightView> = {
  initialState: initialInsightView,
  evolve: evolveInsightView,
};
