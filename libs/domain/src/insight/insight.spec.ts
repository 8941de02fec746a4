import { spec } from '@throughline/testing';
import { foldView } from '../shared/view';
import { communitySnapshot, otherPmoId, today } from '../community/community.fixtures';
import { insightDecider } from './insight.decider';
import type { InsightEvent } from './insight.events';
import { activitySnapshot, decideInsight, heardOn, insightDecided, insightRecorded, recordInsight } from './insight.fixtures';
import { insightDecisions, insightView, type RecordedInsightView } from './insight.view';

const parked = insightDecided({ decision: 'PARK', reason: 'Not before the new financial year', decidedOn: '2026-02-10', activityId: null });

describe('Insight', () => {
  describe('recording', () => {
    it('records what was heard, where and when', () => {
      spec(insightDecider).given([]).when(recordInsight()).then([insightRecorded()]);
    });

    it('records one heard elsewhere than a community, today', () => {
      spec(insightDecider).given([]).when(recordInsight({ community: null, heardOn: today })).then([insightRecorded({ communityId: null, heardOn: today })]);
    });

    it('records one heard on the day the PMO joined the community', () => {
      spec(insightDecider).given([]).when(recordInsight({ heardOn: '2026-01-10' })).then([insightRecorded({ heardOn: '2026-01-10' })]);
    });

    it('refuses an insight that already exists', () => {
      spec(insightDecider).given([insightRecorded()]).when(recordInsight()).thenThrows('INSIGHT_ALREADY_EXISTS', 'insightId');
    });

    it('refuses one heard after today', () => {
      spec(insightDecider).given([]).when(recordInsight({ heardOn: '2026-03-16' })).thenThrows('DAY_IN_FUTURE', 'heardOn');
    });

    it('refuses a community of another PMO', () => {
      spec(insightDecider).given([]).when(recordInsight({ community: communitySnapshot({ pmoId: otherPmoId }) })).thenThrows('COMMUNITY_OF_ANOTHER_PMO', 'communityId');
    });

    it('refuses one heard in a community before the PMO joined it', () => {
      spec(insightDecider).given([]).when(recordInsight({ heardOn: '2026-01-09' })).thenThrows('HEARD_BEFORE_JOINED', 'heardOn');
    });

    it.each([
      ['title', { title: ' ' }],
      ['title', { title: 'x'.repeat(201) }],
      ['summary', { summary: '' }],
      ['summary', { summary: 'x'.repeat(2001) }],
      ['heardOn', { heardOn: '2026-13-01' }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(insightDecider).given([]).when(recordInsight(overrides)).thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('deciding', () => {
    it('records the decision, its reason, its day and the activity that puts it to work', () => {
      spec(insightDecider).given([insightRecorded()]).when(decideInsight()).then([insightDecided()]);
    });

    it('records a rejection, or a park, without an activity, on the day heard or today', () => {
      spec(insightDecider)
        .given([insightRecorded()])
        .when(decideInsight({ decision: 'REJECT', activity: null, decidedOn: heardOn }))
        .then([insightDecided({ decision: 'REJECT', activityId: null, decidedOn: heardOn })]);
      spec(insightDecider)
        .given([insightRecorded()])
        .when(decideInsight({ decision: 'PARK', activity: null, decidedOn: today }))
        .then([insightDecided({ decision: 'PARK', activityId: null, decidedOn: today })]);
    });

    it('decides a parked insight again, on or after the day it was parked', () => {
      spec(insightDecider).given([insightRecorded(), parked]).when(decideInsight({ decidedOn: '2026-02-10' })).then([insightDecided({ decidedOn: '2026-02-10' })]);
      spec(insightDecider)
        .given([insightRecorded(), parked])
        .when(decideInsight({ decision: 'PARK', activity: null }))
        .then([insightDecided({ decision: 'PARK', activityId: null })]);
    });

    it.each(['ADOPT', 'ADAPT', 'REJECT'] as const)('refuses deciding again an insight decided %s', (decision) => {
      spec(insightDecider)
        .given([insightRecorded(), insightDecided({ decision, activityId: null })])
        .when(decideInsight({ decision: 'PARK', activity: null }))
        .thenThrows('INSIGHT_ALREADY_DECIDED', 'insightId');
    });

    it('refuses a decision before the insight was heard', () => {
      spec(insightDecider).given([insightRecorded()]).when(decideInsight({ decidedOn: '2026-02-02' })).thenThrows('DECIDED_BEFORE_HEARD', 'decidedOn');
    });

    it('refuses a decision before the park it follows', () => {
      spec(insightDecider).given([insightRecorded(), parked]).when(decideInsight({ decidedOn: '2026-02-09' })).thenThrows('DECIDED_BEFORE_PARKED', 'decidedOn');
    });

    it('refuses a decision after today', () => {
      spec(insightDecider).given([insightRecorded()]).when(decideInsight({ decidedOn: '2026-03-16' })).thenThrows('DAY_IN_FUTURE', 'decidedOn');
    });

    it.each(['PARK', 'REJECT'] as const)('refuses an activity for an insight decided %s', (decision) => {
      spec(insightDecider).given([insightRecorded()]).when(decideInsight({ decision })).thenThrows('ACTIVITY_ONLY_WHEN_USED', 'activityId');
    });

    it('refuses an activity of another PMO, or a cancelled one', () => {
      spec(insightDecider).given([insightRecorded()]).when(decideInsight({ activity: activitySnapshot({ pmoId: otherPmoId }) })).thenThrows('ACTIVITY_OF_ANOTHER_PMO', 'activityId');
      spec(insightDecider).given([insightRecorded()]).when(decideInsight({ activity: activitySnapshot({ status: 'CANCELLED' }) })).thenThrows('ACTIVITY_CANCELLED', 'activityId');
    });

    it('refuses deciding an insight that does not exist', () => {
      spec(insightDecider).given([]).when(decideInsight()).thenThrows('INSIGHT_NOT_FOUND', 'insightId');
    });

    it.each([
      ['decision', { decision: 'MAYBE' as never }],
      ['reason', { reason: ' ' }],
      ['reason', { reason: 'x'.repeat(2001) }],
      ['decidedOn', { decidedOn: 'soon' }],
    ])('refuses a bad %s', (field, overrides) => {
      spec(insightDecider).given([insightRecorded()]).when(decideInsight(overrides)).thenThrows('BAD_USER_INPUT', field);
    });
  });

  describe('the view', () => {
    const facts = (revision: number) => ({ revision, recordedAt: `2026-03-1${revision}T09:00:00.000Z`, actor: `user${revision}@pmo.example` });
    const fold = (events: readonly InsightEvent[]) => foldView(insightView, events, facts) as RecordedInsightView;

    it('shows every decision in order, the latest, and the day of the first final one', () => {
      const view = fold([insightRecorded(), parked, insightDecided()]);
      expect(view).toMatchObject({ status: 'DECIDED', revision: 2, recordedBy: 'user0@pmo.example', finallyDecidedOn: '2026-02-20' });
      expect(view.latest).toMatchObject({ decision: 'ADAPT', reason: 'Fits, with a lower threshold', recordedBy: 'user2@pmo.example' });
      expect(insightDecisions(view).map((d) => [d.decision, d.decidedOn])).toEqual([
        ['PARK', '2026-02-10'],
        ['ADAPT', '2026-02-20'],
      ]);
    });

    it('is open before any decision, and a parked one has no final day', () => {
      expect(fold([insightRecorded()])).toMatchObject({ status: 'OPEN', latest: null, finallyDecidedOn: null });
      expect(fold([insightRecorded(), parked]).finallyDecidedOn).toBeNull();
      expect(foldView(insightView, [parked], facts)).toEqual({ status: 'NONE' });
    });
  });
});
