/**
 * A Map split over many small Maps. A JavaScript Map that grows past a power of two rehashes
 * every entry at once: at half a million streams one `set` holds the event loop for hundreds of
 * milliseconds. Spread over 1,024 shards, the same growth happens a thousandth at a time.
 */
export class ShardedMap<V> {
  private readonly shards: Map<string, V>[];

  constructor(shardCount = 1024) {
    if (!Number.isInteger(shardCount) || shardCount < 1) throw new RangeError(`shardCount must be a positive integer, got ${shardCount}`);
    this.shards = Array.from({ length: shardCount }, () => new Map<string, V>());
  }

  get size(): number {
    let size = 0;
    for (const shard of this.shards) size += shard.size;
    return size;
  }

  get(key: string): V | undefined {
    return this.shardOf(key).get(key);
  }

  set(key: string, value: V): this {
    this.shardOf(key).set(key, value);
    return this;
  }

  /** Every entry, shard by shard: in no particular order. */
  *entries(): IterableIterator<[string, V]> {
    for (const shard of this.shards) yield* shard.entries();
  }

  private shardOf(key: string): Map<string, V> {
    // FNV-1a over the UTF-16 code units: cheap, and spreads ids that share a long prefix.
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    return this.shards[(hash >>> 0) % this.shards.length] as Map<string, V>;
  }
}
