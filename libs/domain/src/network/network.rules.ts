import { DomainError, badInput } from '../shared/domain-error';
import type { LocalDate } from '../shared/local-date';

// Rules on days that contacts, groups and touchpoints share: the network records what happened,
// and nothing happens with a person before the relationship began.

/** The same code as the PMO's own days (DAY_IN_FUTURE), so clients handle one refusal. */
export const notInFuture = (field: string, day: LocalDate, today: LocalDate): LocalDate => {
  if (day > today) throw new DomainError('DAY_IN_FUTURE', `${field} ${day} is after today (${today})`, field);
  return day;
};

export const notBeforeKnownSince = (field: string, day: LocalDate, knownSince: LocalDate, contactId: string): LocalDate => {
  if (day < knownSince) {
    throw new DomainError('DAY_BEFORE_KNOWN_SINCE', `${field} ${day} is before contact ${contactId} was known (${knownSince})`, field);
  }
  return day;
};

/** Each id once: naming a contact or group twice is a client's mistake, not a second person. */
export const distinctIds = (field: string, ids: readonly string[]): readonly string[] => {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw badInput(field, `${field} names ${id} more than once`);
    seen.add(id);
  }
  return ids;
};
