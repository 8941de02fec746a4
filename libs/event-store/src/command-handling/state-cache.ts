/**
 * Folded states keyed by stream, so a command on a long stream reads only the events appended
 * since the last fold. Streams are append-only, so a cached (state, revision) never goes stale:
 * it is only ever behind. Derived data: dropping any entry at any time is safe.
 *
 * It does not hide a slow fold (decider states are minimal and fold in linear time): it saves
 * reading a stream of thousands of events from the store on every command, which costs far more
 * than evolving it.
 */
export class StateCache {
  private readonly entries = new Map<string, { state: unknown; revision: number }>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(streamId: string): { state: S; revision: number } | undefined {
    const entry = this.entries.get(streamId);
    if (!entry) return undefined;
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return entry as { state: S; revision: number };
  }

  set<S>(streamId: string, state: S, revision: number): void {
    const existing = this.entries.get(streamId);
    if (existing && existing.revision > revision) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, { state, revision });
    if (this.entries.size > this.capacity) this.evictOldest();
  }

  /**
   * Drops the least recently used tenth at once. Evicting one entry per insert made every insert
   * at capacity walk past the slots deleted before it (a Map keeps them until it rehashes), which
   * cost a noticeable share of the command path once the cache was full.
   */
  private evictOldest(): void {
    let excess = this.entries.size - Math.floor(this.capacity * 0.9);
    for (const streamId of this.entries.keys()) {
      if (excess-- <= 0) break;
      this.entries.delete(streamId);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
