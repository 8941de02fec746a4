import type { TouchpointEvent } from './touchpoint.events';

/**
 * A touchpoint is recorded once and never changed, so `decide` reads only whether it exists; its
 * `pmoId` is what permission checks read. What it says is the view's (touchpoint.view.ts).
 */
export interface RecordedTouchpoint {
  readonly status: 'RECORDED';
  readonly touchpointId: string;
  readonly pmoId: string;
}

export interface NoTouchpoint {
  readonly status: 'NONE';
}

export type TouchpointState = NoTouchpoint | RecordedTouchpoint;

export const initialTouchpointState: TouchpointState = { status: 'NONE' };

// A second recording cannot apply and leaves the state unchanged, so that a replay of a stream is
// never blocked by the fold itself.
export const evolveTouchpoint = (state: TouchpointState, event: TouchpointEvent): TouchpointState => {
  if (state.status !== 'NONE') return state;
  const { touchpointId, pmoId } = event.data;
  return { status: 'RECORDED', touchpointId, pmoId };
};
