import type { Decider } from '../shared/decider';
import type { InsightCommand } from './insight.commands';
import { decideInsight } from './insight.decide';
import type { InsightEvent } from './insight.events';
import { evolveInsight, initialInsightState, type InsightState } from './insight.state';

export const insightDecider: Decider<InsightCommand, InsightEvent, InsightState> = {
  initialState: initialInsightState,
  evolve: evolveInsight,
  decide: decideInsight,
};
