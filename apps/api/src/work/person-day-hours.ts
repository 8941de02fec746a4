import { Injectable } from '@nestjs/common';
import type { LocalDate, WorkState } from '@throughline/domain';
import { EntityStateReader } from '@throughline/read-models';
import { WORK_KIND } from '../common/entity-kinds';

/** How many hours one person has logged on one day, across every PMO. */
export interface PersonDayHours {
  /** Non-retracted hours of `person` on `day`, leaving out `excludeWorkEntryId` (an entry being corrected). */
  personDayHours(person: string, day: LocalDate, excludeWorkEntryId?: string): number;
}

export const PERSON_DAY_HOURS = Symbol('PersonDayHours');

/**
 * Sums the logged entries kept in entity_state. It scans every logged entry, since that table
 * indexes neither person nor day: adequate while entries are few, not as they grow.
 */
@Injectable()
export class EntityStatePersonDayHours implements PersonDayHours {
  constructor(private readonly states: EntityStateReader) {}

  personDayHours(person: string, day: LocalDate, excludeWorkEntryId?: string): number {
    return this.states
      .list<WorkState>(WORK_KIND.category, { status: 'LOGGED' })
      .reduce((sum, { entityId, state }) => {
        if (state.status !== 'LOGGED' || entityId === excludeWorkEntryId) return sum;
        return state.person === person && state.workedOn === day ? sum + state.hours : sum;
      }, 0);
  }
}
