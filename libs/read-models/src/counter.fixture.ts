import type { Decider } from '@throughline/domain';
import { entityKind } from './entity-state.projection';

/** A toy aggregate for projection specs: a counter that belongs to a PMO and may have a parent. */
export type CounterEvent =
  | { readonly type: 'CounterOpened'; readonly data: { readonly pmoId: string; readonly parentId: string | null } }
  | { readonly type: 'CounterIncremented'; readonly data: { readonly by: number } }
  | { readonly type: 'CounterClosed'; readonly data: Record<string, never> };

export type CounterState =
  | { readonly status: 'NONE' }
  | {
      readonly status: 'OPEN' | 'CLOSED';
      readonly pmoId: string;
      readonly parentId: string | null;
      readonly count: number;
    };

export const counterDecider: Pick<Decider<never, CounterEvent, CounterState>, 'initialState' | 'evolve'> = {
  initialState: { status: 'NONE' },
  evolve: (state, event) => {
    if (event.type === 'CounterOpened') {
      return { status: 'OPEN', pmoId: event.data.pmoId, parentId: event.data.parentId, count: 0 };
    }
    if (state.status === 'NONE') return state;
    switch (event.type) {
      case 'CounterIncremented':
        return { ...state, count: state.count + event.data.by };
      case 'CounterClosed':
        return { ...state, status: 'CLOSED' };
    }
  },
};

export const counterKind = entityKind({
  category: 'counter',
  decider: counterDecider,
  index: (state: CounterState) =>
    state.status === 'NONE' ? {} : { pmoId: state.pmoId, parentId: state.parentId, status: state.status },
});
