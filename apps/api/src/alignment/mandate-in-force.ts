import { mandateInForce, type LocalDate, type PmoState } from '@throughline/domain';
import type { MandatePurpose } from '../graphql/enums';
import type { Mandate } from '../pmos/pmo.types';

/** The domain's mandate in force on `day`, as the API shows it. */
export const mandateInForceOn = (pmo: PmoState, day: LocalDate): Mandate | null => {
  const inForce = mandateInForce(pmo, day);
  return inForce ? { ...inForce, purpose: inForce.purpose as MandatePurpose } : null;
};
