import { addDays } from '@throughline/domain';

/** Days relative to the real current UTC day: the service judges dates against its own clock. */
export const today = (): string => new Date().toISOString().slice(0, 10);
export const daysFromToday = (days: number): string => addDays(today(), days);
