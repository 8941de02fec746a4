/** Deterministic, so two runs (or two machines) generate and time the same workload. */
export const mulberry32 = (seed: number) => (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Four 32-bit draws as hex: the random bits of one id, however it is shaped. */
const draws = (random: () => number): [string, string, string, string] => {
  const hex8 = () => Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return [hex8(), hex8(), hex8(), hex8()];
};

/** Shaped like random v4 ids: what clients that name their own entities send, scattered over every index. */
export const uuidFrom = (random: () => number) => (): string => {
  const [a, b, c, d] = draws(random);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`;
};

/**
 * Shaped like the ids the service gives the entities it creates (newEntityId, a UUID version 7):
 * the instant in milliseconds first, then random bits, so a year of them sorts in the order made.
 * It takes as many draws as a v4 id, so naming an entity either way leaves every later choice of
 * the seed as it was.
 */
export const timeOrderedIdFrom = (random: () => number) => (unixMs: number): string => {
  const time = Math.max(0, Math.floor(unixMs)).toString(16).padStart(12, '0');
  const [a, b, c, d] = draws(random);
  const variant = (8 + (parseInt(a.charAt(0), 16) & 3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
};

/** A seeded source of the choices a generator makes. */
export class Random {
  readonly next: () => number;
  readonly uuid: () => string;
  /** The id the service would give an entity created at `unixMs`. */
  readonly timeOrderedId: (unixMs: number) => string;

  constructor(seed: number) {
    this.next = mulberry32(seed);
    this.uuid = uuidFrom(this.next);
    this.timeOrderedId = timeOrderedIdFrom(this.next);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An integer from min to max inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** `count` distinct items (fewer when the list is shorter). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return chosen;
  }
}
