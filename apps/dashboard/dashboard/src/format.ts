export const HEALTHS = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'NO_DATA', 'CLOSED'] as const;
export type Health = (typeof HEALTHS)[number];

export const HEALTH_LABELS: Readonly<Record<Health, string>> = {
  ON_TRACK: 'On track',
  AT_RISK: 'At risk',
  OFF_TRACK: 'Off track',
  NO_DATA: 'No data',
  CLOSED: 'Closed',
};

export const percent = (share: number): string => `${Math.round(share * 100)}%`;

export const hours = (value: number): string => `${Math.round(value * 10) / 10} h`;

/** "2 on track, 1 at risk": the counts that are not zero, in the order of HEALTHS. */
export const healthMixText = (counts: readonly { health: string; objectives: number }[]): string => {
  const parts = HEALTHS.map((health) => ({ health, count: counts.find((c) => c.health === health)?.objectives ?? 0 }))
    .filter(({ count }) => count > 0)
    .map(({ health, count }) => `${count} ${HEALTH_LABELS[health].toLowerCase()}`);
  return parts.length > 0 ? parts.join(', ') : 'no objectives';
};

/** An instant as a person reads it, in their time zone, with the zone named. */
export const instantText = (instant: Date): string =>
  new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).format(instant);

export const dayText = (day: string): string =>
  new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** A day on a chart's axis: "13 Sep". */
export const shortDayText = (day: string): string =>
  new Intl.DateTimeFormat('en-GB', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** An enum value as words: DEVIATION_APPROVED → "Deviation approved". */
export const words = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
