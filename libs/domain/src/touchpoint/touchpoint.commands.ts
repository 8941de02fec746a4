import type { LocalDate } from '../shared/local-date';
import type { ContactSnapshot } from '../contact/contact.commands';
import type { NetworkGroupSnapshot } from '../network-group/network-group.commands';
import type { TouchpointVehicle } from '../network-group/network-group.events';
import type { ValueDirection } from './touchpoint.events';

export interface RecordTouchpoint {
  readonly type: 'RecordTouchpoint';
  readonly touchpointId: string;
  /** The application checks that the PMO exists. */
  readonly pmoId: string;
  readonly heldOn: LocalDate;
  readonly vehicle: TouchpointVehicle;
  /** Every contact who took part, as read now, in the order the client named them. */
  readonly contacts: readonly ContactSnapshot[];
  /** Every group it was held with, as read now, in the order the client named them. */
  readonly groups: readonly NetworkGroupSnapshot[];
  readonly summary: string;
  readonly value: ValueDirection | null;
  /** The work entry the application logs for the time it took, when hours were given. */
  readonly workEntryId: string | null;
}

export type TouchpointCommand = RecordTouchpoint;
