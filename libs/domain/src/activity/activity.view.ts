import type { LinkPeriod } from '../alignment/crediting';
import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { ActivityEvent, ActivityPlanned } from './activity.events';

/** One period of contribution to an objective; the history keeps ended ones. */
export interface ActivityLink extends LinkPeriod {
  readonly rationale: string;
  readonly linkedAt: string;
  readonly endReason: string | null;
}

/** What the activity was planned with (responsible, dates and all, as later changed), and its links. */
interface ActivityShown extends Stamps, Readonly<ActivityPlanned['data']> {
  /**
   * In the order linked, ended periods included. Only link, unlink and reschedule events rewrite
   * it, and each period is a planning decision with a rationale (a few per activity), so the copy
   * they make keeps a fold linear in the stream; no other event touches it.
   */
  readonly links: readonly ActivityLink[];
}

export interface NoActivityView {
  readonly status: 'NONE';
}

export interface PlannedActivityView extends ActivityShown {
  readonly status: 'PLANNED';
}

export interface DoneActivityView extends ActivityShown {
  readonly status: 'DONE';
  readonly completedOn: LocalDate;
}

export interface CancelledActivityView extends ActivityShown {
  readonly status: 'CANCELLED';
  readonly cancelledOn: LocalDate;
  readonly cancelReason: string;
}

export type ExistingActivityView = PlannedActivityView | DoneActivityView | CancelledActivityView;
export type ActivityView = NoActivityView | ExistingActivityView;

export const initialActivityView: ActivityView = { status: 'NONE' };

/** The links in force now (not ended), whatever day they take effect. */
export const openLinks = (activity: ExistingActivityView): readonly ActivityLink[] =>
  activity.links.filter((link) => link.endedOn === null);

const isOpenLinkTo = (link: ActivityLink, objectiveId: string): boolean =>
  link.objectiveId === objectiveId && link.endedOn === null;

// Mirrors evolveActivity: an event the decider's fold would ignore changes nothing shown but the
// revision.
export const evolveActivityView = (view: ActivityView, event: ActivityEvent, facts: RecordedFacts): ActivityView => {
  if (event.type === 'ActivityPlanned') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    return { status: 'PLANNED', ...event.data, links: [], ...createdBy(facts) };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'ActivityLinkedToObjective': {
      const { objectiveId, rationale, weight, effectiveFrom, linkedAt } = event.data;
      const link: ActivityLink = { objectiveId, rationale, weight, effectiveFrom, linkedAt, endedOn: null, endReason: null };
      return { ...touched, links: [...view.links, link] };
    }
    case 'ActivityUnlinkedFromObjective': {
      const { objectiveId, endedOn, reason } = event.data;
      return {
        ...touched,
        links: view.links.map((link) => (isOpenLinkTo(link, objectiveId) ? { ...link, endedOn, endReason: reason } : link)),
      };
    }
    case 'ActivityRescheduled': {
      const { startsOn, endsOn, movedLinks } = event.data;
      const links = view.links.map((link) => {
        const moved = movedLinks.find((m) => isOpenLinkTo(link, m.objectiveId));
        return moved ? { ...link, effectiveFrom: moved.effectiveFrom } : link;
      });
      return { ...touched, startsOn, endsOn, links };
    }
    case 'ActivityTransferred':
      return { ...touched, pmoId: event.data.toPmoId };
    case 'ActivityReassigned':
      return { ...touched, responsible: event.data.responsible };
    case 'ActivityCompleted':
      if (view.status !== 'PLANNED') return touched;
      return { ...touched, status: 'DONE', completedOn: event.data.completedOn };
    case 'ActivityCancelled':
      if (view.status !== 'PLANNED') return touched;
      return { ...touched, status: 'CANCELLED', cancelledOn: event.data.cancelledOn, cancelReason: event.data.reason };
    default:
      return assertNever(event);
  }
};

export const activityView: ViewProjection<ActivityEvent, ActivityView> = {
  initialState: initialActivityView,
  evolve: evolveActivityView,
};
