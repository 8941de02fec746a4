import { percentile, round } from './stats';

/** A period of a seeded year, as a report query takes it. */
export interface Window {
  readonly from: string;
  readonly to: string;
}

/** Eleven months of the year and, twelfth, the whole year: the periods a report is asked about in turn. */
export const yearWindows = (year: number): Window[] =>
  Array.from({ length: 12 }, (_, m) => {
    const month = String(m + 1).padStart(2, '0');
    return m === 11 ? { from: `${year}-01-01`, to: `${year}-12-31` } : { from: `${year}-${month}-01`, to: `${year}-${month}-28` };
  });

/**
 * p50 and p99 of `requests` sequential asks, after two warm-ups, each about the next window in
 * turn; and the answer about the whole year, to report what was measured over.
 */
export async function timedOverYear<T>(year: number, requests: number, ask: (window: Window) => Promise<T>): Promise<{ p50Ms: number; p99Ms: number; year: T }> {
  const windows = yearWindows(year);
  const at = (i: number) => windows[i % windows.length]!;
  for (let i = 0; i < 2; i += 1) await ask(at(i));
  const latencies: number[] = [];
  for (let i = 0; i < requests; i += 1) {
    const started = process.hrtime.bigint();
    await ask(at(i));
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), year: await ask(windows[11]!) };
}
