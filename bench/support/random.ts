/** Deterministic, so two runs (or two machines) generate and time the same workload. */
export const mulberry32 = (seed: number) => (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Shaped like the store's random v4 ids, whose scattered index inserts a rebuild must absorb. */
export const uuidFrom = (random: () => number) => (): string => {
  const hex8 = () => Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  const [a, b, c, d] = [hex8(), hex8(), hex8(), hex8()];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`;
};

/** A seeded source of the choices a generator makes. */
export class Random {
  readonly next: () => number;
  readonly uuid: () => string;

  constructor(seed: number) {
    this.next = mulberry32(seed);
    this.uuid = uuidFrom(this.next);
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
