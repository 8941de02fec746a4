import type { WorkView } from '@throughline/domain';
import type { WorkEntry } from './work.types';

/** The GraphQL view of a folded work entry; null when nothing was logged. */
export const toWorkEntryView = (view: WorkView | null, asOf: string | null): WorkEntry | null => {
  if (!view || view.status === 'NONE') return null;
  return {
    id: view.workEntryId,
    person: view.person,
    workedOn: view.workedOn,
    hours: view.hours,
    description: view.description,
    retracted: view.status === 'RETRACTED',
    retractReason: view.status === 'RETRACTED' ? view.retractReason : null,
    loggedAt: view.createdAt,
    revision: view.revision,
    pmoId: view.pmoId,
    activityId: view.activityId,
    asOf,
  };
};
