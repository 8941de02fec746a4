import type { ViewProjection } from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';
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
      /** From the recorded facts, so specs see that the projection passes them. */
      readonly lastChangedBy: string;
    };

export const counterView: ViewProjection<CounterEvent, CounterState> = {
  initialState: { status: 'NONE' },
  evolve: (state, event, facts) => {
    if (event.type === 'CounterOpened') {
      return { status: 'OPEN', pmoId: event.data.pmoId, parentId: event.data.parentId, count: 0, lastChangedBy: facts.actor };
    }
    if (state.status === 'NONE') return state;
    switch (event.type) {
      case 'CounterIncremented':
        return { ...state, count: state.count + event.data.by, lastChangedBy: facts.actor };
      case 'CounterClosed':
        return { ...state, status: 'CLOSED', lastChangedBy: facts.actor };
    }
  },
};

export const counterKind = entityKind({
  category: 'counter',
  view: counterView,
  index: (state: CounterState) =>
    state.status === 'NONE' ? {} : { pmoId: state.pmoId, parentId: state.parentId, status: state.status },
});

/** A counter event as the store would have recorded it, at `position` and `recordedAt`. */
export const recordedCounterEvent = (
  streamId: string,
  revision: number,
  event: CounterEvent,
  position: bigint,
  recordedAt: string,
  actor = 'ada@pmo.example',
): RecordedEvent => ({
  id: `event-${position}`,
  streamId,
  revision,
  position,
  type: event.type,
  schemaVersion: 1,
  data: event.data,
  metadata: { actor, correlationId: 'spec', recordedAt },
  hash: '',
  prevHash: '',
});
