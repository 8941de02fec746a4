// Shared givens for the insight specs: heard in the PMO's community in February 2026.
import type { ActivitySnapshot } from '../work/work.commands';
import { communityId, communitySnapshot, pmoId } from '../community/community.fixtures';
import type { DecideInsight, RecordInsight } from './insight.commands';
import type { InsightDecided, InsightRecorded } from './insight.events';

export const insightId = '15000000-0000-4000-8000-000000000001';
export const activityId = 'ac000000-0000-4000-8000-000000000001';
export const heardOn = '2026-02-03';

export const recordInsight = (overrides: Partial<RecordInsight> = {}): RecordInsight => ({
  type: 'RecordInsight',
  insightId,
  pmoId,
  community: communitySnapshot(),
  title: ' Stop gate reviews for small changes ',
  summary: ' Several PMOs dropped stage gates below a size threshold. ',
  heardOn,
  ...overrides,
});

export const insightRecorded = (data: Partial<InsightRecorded['data']> = {}): InsightRecorded => ({
  type: 'InsightRecorded',
  data: {
    insightId,
    pmoId,
    communityId,
    title: 'Stop gate reviews for small changes',
    summary: 'Several PMOs dropped stage gates below a size threshold.',
    heardOn,
    ...data,
  },
});

export const activitySnapshot = (overrides: Partial<ActivitySnapshot> = {}): ActivitySnapshot => ({ activityId, pmoId, status: 'PLANNED', ...overrides });

export const decideInsight = (overrides: Partial<DecideInsight> = {}): DecideInsight => ({
  type: 'DecideInsight',
  insightId,
  decision: 'ADAPT',
  reason: ' Fits, with a lower threshold ',
  decidedOn: '2026-02-20',
  activity: activitySnapshot(),
  ...overrides,
});

export const insightDecided = (data: Partial<InsightDecided['data']> = {}): InsightDecided => ({
  type: 'InsightDecided',
  data: { insightId, decision: 'ADAPT', reason: 'Fits, with a lower threshold', decidedOn: '2026-02-20', activityId, ...data },
});
