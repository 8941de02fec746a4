import type { Decider } from '../shared/decider';
import type { PlanCommand } from './plan.commands';
import { decidePlan } from './plan.decide';
import type { PlanEvent } from './plan.events';
import { evolvePlan, initialPlanState, type PlanState } from './plan.state';

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};
