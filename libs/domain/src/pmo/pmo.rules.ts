import { DomainError } from '../shared/domain-error';
import type { LocalDate } from '../shared/local-date';
import type { PmoKind } from './pmo.events';
import type { EstablishedPmo, PmoState } from './pmo.state';

/** A PMO may sit under, or merge into, a PMO of the same or a higher rank, never a lower one. */
export const PMO_RANK: Record<PmoKind, number> = { PORTFOLIO: 3, PROGRAMME: 2, PROJECT: 1 };

export const establishedPmo = (state: PmoState, pmoId: string): EstablishedPmo => {
  if (state.status === 'NONE') throw new DomainError('PMO_NOT_FOUND', `PMO ${pmoId} does not exist`);
  return state;
};

/** A merged PMO's record is closed: what it did stays, nothing new is added to it. */
export const activePmo = (state: PmoState, pmoId: string, field = 'pmoId'): EstablishedPmo => {
  const pmo = establishedPmo(state, pmoId);
  if (pmo.merged) {
    throw new DomainError('PMO_MERGED', `PMO ${pmoId} was merged into ${pmo.merged.successorId} on ${pmo.merged.effectiveOn}`, field);
  }
  return pmo;
};

/** Days a PMO's facts are about have happened: the record holds what was, not what is planned. */
export const notInFuture = (field: string, day: LocalDate, today: LocalDate): LocalDate => {
  if (day > today) throw new DomainError('DAY_IN_FUTURE', `${field} ${day} is after today (${today})`, field);
  return day;
};

/** Nothing happens in a PMO before it existed. */
export const notBeforeEstablishment = (field: string, day: LocalDate, establishedOn: LocalDate, whose = 'the PMO'): LocalDate => {
  if (day < establishedOn) {
    throw new DomainError('DAY_BEFORE_ESTABLISHMENT', `${field} ${day} is before ${whose} was established (${establishedOn})`, field);
  }
  return day;
};
