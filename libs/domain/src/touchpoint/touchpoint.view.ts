import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { TouchpointEvent, TouchpointRecorded } from './touchpoint.events';

export interface NoTouchpointView {
  readonly status: 'NONE';
}

/**
 * The touchpoint as recorded, by whom and when. The summary is copied as the event holds it,
 * sealed under the keys of everyone who took part: once any of them is erased, no reader can
 * open it, which this stream cannot know.
 */
export interface RecordedTouchpointView extends Stamps, Readonly<TouchpointRecorded['data']> {
  readonly status: 'RECORDED';
  readonly recordedAt: string;
  readonly recordedBy: string;
}

export type TouchpointView = NoTouchpointView | RecordedTouchpointView;

export const initialTouchpointView: TouchpointView = { status: 'NONE' };

// Mirrors evolveTouchpoint: a second recording changes nothing shown but the revision.
export const evolveTouchpointView = (view: TouchpointView, event: TouchpointEvent, facts: RecordedFacts): TouchpointView => {
  if (view.status !== 'NONE') return touchedBy(view, facts);
  return { status: 'RECORDED', ...event.data, recordedAt: facts.recordedAt, recordedBy: facts.actor, ...createdBy(facts) };
};

export const touchpointView: ViewProjection<TouchpointEvent, TouchpointView> = {
  initialState: initialTouchpointView,
  evolve: evolveTouchpointView,
};
