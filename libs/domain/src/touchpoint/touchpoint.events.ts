import type { DomainEvent } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { TouchpointVehicle } from '../network-group/network-group.events';

// One contact between the PMO and people of its network. Its stream category is `touchpoint`
// (`touchpoint-<touchpointId>`). The summary is the personal data of every contact who took part
// (network/personal-fields.ts): erasing any one of them makes it unreadable.

/** Which way value went: the PMO GAVE it, RECEIVED it, or BOTH. */
export const VALUE_DIRECTIONS = ['GIVEN', 'RECEIVED', 'BOTH'] as const;
export type ValueDirection = (typeof VALUE_DIRECTIONS)[number];

export type TouchpointRecorded = DomainEvent<
  'TouchpointRecorded',
  {
    readonly touchpointId: string;
    readonly pmoId: string;
    readonly heldOn: LocalDate;
    readonly vehicle: TouchpointVehicle;
    /** The contacts who took part: at least one, each once. */
    readonly contactIds: readonly string[];
    /** The groups it was held with, each once; possibly none. */
    readonly groupIds: readonly string[];
    readonly summary: string;
    readonly value: ValueDirection | null;
    /** The work entry that records the time it took, when hours were given; null otherwise. */
    readonly workEntryId: string | null;
  }
>;

export type TouchpointEvent = TouchpointRecorded;

/** The persisted name of every touchpoint event; event-types.spec.ts checks it against TouchpointEvent. */
export const TOUCHPOINT_EVENT_TYPES = ['TouchpointRecorded'] as const satisfies readonly TouchpointEvent['type'][];
