import type { WorkState } from '@throughline/domain';
import type { EntityRecord } from '@throughline/read-models';
import type { WorkEntry } from './work.types';

/** The GraphQL view of a folded work entry; null when nothing was logged. */
export const toWorkEntryView = (record: EntityRecord<WorkState> | null, asOf: string | null): WorkEntry | null => {
  if (!record || record.state.status === 'NONE') return null;
  const { state } = record;
  return {
    id: state.workEntryId,
    person: state.person,
    workedOn: state.workedOn,
    hours: state.hours,
    description: state.description,
    retracted: state.status === 'RETRACTED',
    retractReason: state.status === 'RETRACTED' ? state.retractReason : null,
    loggedAt: record.createdAt,
    revision: record.revision,
    pmoId: state.pmoId,
    activityId: state.activityId,
    asOf,
  };
};
