import fc from 'fast-check';
import { ShardedMap } from './sharded-map';

describe('ShardedMap', () => {
  it('given any sequence of sets, when read back, then it answers what a plain Map answers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.integer())), fc.integer({ min: 1, max: 64 }), (sets, shardCount) => {
        const sharded = new ShardedMap<number>(shardCount);
        const plain = new Map<string, number>();
        for (const [key, value] of sets) {
          sharded.set(key, value);
          plain.set(key, value);
        }
        expect(sharded.size).toBe(plain.size);
        for (const key of plain.keys()) expect(sharded.get(key)).toBe(plain.get(key));
        expect(new Map(sharded.entries())).toEqual(plain);
        expect(sharded.get('\u0000absent')).toBe(plain.get('\u0000absent'));
      }),
    );
  });

  it('given stream ids that differ only at the end, when stored, then they spread over the shards', () => {
    const map = new ShardedMap<number>(64);
    for (let i = 0; i < 6_400; i += 1) map.set(`objective-5b7d9f21-3c4e-4a68-8d02-${i.toString(16).padStart(12, '0')}`, i);
    const perShard = (map as unknown as { shards: Map<string, number>[] }).shards.map((shard) => shard.size);
    expect(Math.min(...perShard)).toBeGreaterThan(50);
    expect(Math.max(...perShard)).toBeLessThan(150);
  });

  it('refuses a shard count that is not a positive integer', () => {
    expect(() => new ShardedMap(0)).toThrow(RangeError);
    expect(() => new ShardedMap(1.5)).toThrow(RangeError);
  });
});
