/** The p-th percentile (0–100) by nearest rank. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((x, y) => x - y);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
};

export const median = (values: readonly number[]): number => percentile(values, 50);

/** Rounds to `digits` significant figures, keeping whole numbers whole. */
export const round = (value: number, digits = 3): number => {
  if (!Number.isFinite(value) || value === 0) return value;
  if (Math.abs(value) >= 10 ** digits) return Math.round(value);
  return Number(value.toPrecision(digits));
};

export const elapsedMs = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e6;

/** Runs `step` back to back for `seconds` and answers how many steps per second completed. */
export async function ratePerSecond(seconds: number, step: () => Promise<number | void>): Promise<{ perSec: number; count: number; ms: number }> {
  const started = process.hrtime.bigint();
  const until = started + BigInt(Math.round(seconds * 1e9));
  let count = 0;
  while (process.hrtime.bigint() < until) {
    const done = (await step()) ?? 1;
    count += done;
  }
  const ms = elapsedMs(started);
  return { perSec: (count / ms) * 1000, count, ms };
}

/** Times `run` once, in milliseconds. */
export async function timeMs(run: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return elapsedMs(started);
}
