/**
 * Folded states keyed by stream, so a command on a long stream reads only the events appended
 * since the last fold. Streams are append-only, so a cached (state, revision) never goes stale:
 * it is only ever behind. Derived data: dropping any entry at any time is safe.
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
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
