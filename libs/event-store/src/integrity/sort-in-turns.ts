import type { WorkTurns } from './work-turns';

/** Items sorted or merged per turn: a few milliseconds of work. */
const DEFAULT_SLICE = 20_000;

/**
 * The items sorted by `compare`, a slice per turn of `turns`, so sorting the heads of a million
 * streams never holds the event loop for the second or two one `Array.prototype.sort` takes:
 * runs of `slice` items are sorted on a turn each, then merged pairwise, `slice` items per turn.
 * Stable, like `Array.prototype.sort`.
 */
export async function sortInTurns<T>(items: Iterable<T>, compare: (a: T, b: T) => number, turns: WorkTurns, slice = DEFAULT_SLICE): Promise<T[]> {
  if (!Number.isInteger(slice) || slice < 1) throw new RangeError(`slice must be a positive integer, got ${slice}`);
  const source = items[Symbol.iterator]();
  let runs: T[][] = [];
  for (;;) {
    // Each run is taken from the source on its own turn too: the source may compute its items.
    const run = await turns.take(async () => nextRun(source, slice).sort(compare));
    if (run.length === 0) break;
    runs.push(run);
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let i = 0; i < runs.length; i += 2) merged.push(i + 1 < runs.length ? await merge(runs[i], runs[i + 1], compare, turns, slice) : runs[i]);
    runs = merged;
  }
  return runs[0] ?? [];
}

function nextRun<T>(source: Iterator<T>, slice: number): T[] {
  const run: T[] = [];
  for (let next = source.next(); !next.done; next = source.next()) {
    run.push(next.value);
    if (run.length === slice) break;
  }
  return run;
}

/** Two sorted runs as one, `slice` items per turn; on a tie the left run's item comes first. */
async function merge<T>(left: readonly T[], right: readonly T[], compare: (a: T, b: T) => number, turns: WorkTurns, slice: number): Promise<T[]> {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    await turns.take(async () => {
      for (let taken = 0; taken < slice && (i < left.length || j < right.length); taken += 1) {
        if (j >= right.length || (i < left.length && compare(left[i], right[j]) <= 0)) out.push(left[i++]);
        else out.push(right[j++]);
      }
    });
  }
  return out;
}
