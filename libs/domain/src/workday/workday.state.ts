import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import type { CountedEntry, WorkdayEvent } from './workday.events';

/**
 * Hours are decimals (0.1 + 0.2 ...): sums are kept in whole millionths of an hour, so counting
 * and releasing the same entries any number of times comes back to exactly the same total.
 */
export const toMicroHours = (hours: number): number => Math.round(hours * 1_000_000);
export const fromMicroHours = (micro: number): number => micro / 1_000_000;

export interface NoWorkday {
  readonly status: 'NONE';
}

/** What `decide` compares: the total and each counted entry's share of it. */
export interface OpenWorkday {
  readonly status: 'OPEN';
  readonly person: string;
  readonly day: LocalDate;
  /** Micro-hours per counted work entry. */
  readonly counted: Readonly<Record<string, number>>;
  readonly totalMicroHours: number;
}

export type WorkdayState = NoWorkday | OpenWorkday;

export const initialWorkdayState: WorkdayState = { status: 'NONE' };

const withEntry = (day: OpenWorkday, entry: CountedEntry): OpenWorkday => {
  const micro = toMicroHours(entry.hours);
  const before = day.counted[entry.workEntryId] ?? 0;
  return { ...day, counted: { ...day.counted, [entry.workEntryId]: micro }, totalMicroHours: day.totalMicroHours - before + micro };
};

const opened = (person: string, day: LocalDate): OpenWorkday => ({ status: 'OPEN', person, day, counted: {}, totalMicroHours: 0 });

// An event that cannot apply leaves the state unchanged rather than throwing, so a replay of a
// stream is never blocked by the fold itself.
export const evolveWorkday = (state: WorkdayState, event: WorkdayEvent): WorkdayState => {
  switch (event.type) {
    case 'WorkdayOpened':
      if (state.status !== 'NONE') return state;
      return event.data.entries.reduce(withEntry, opened(event.data.person, event.data.day));
    case 'WorkdayHoursCounted':
      return withEntry(state.status === 'NONE' ? opened(event.data.person, event.data.day) : state, event.data);
    case 'WorkdayHoursReleased': {
      if (state.status === 'NONE') return state;
      const micro = state.counted[event.data.workEntryId];
      if (micro === undefined) return state;
      const { [event.data.workEntryId]: _released, ...counted } = state.counted;
      return { ...state, counted, totalMicroHours: state.totalMicroHours - micro };
    }
    default:
      return assertNever(event);
  }
};
