import { StateCache } from './state-cache';

describe('StateCache', () => {
  it('given a full cache, when one more stream is folded, then the least recently used tenth is dropped and recent ones stay', () => {
    const cache = new StateCache(20);
    for (let n = 0; n < 20; n++) cache.set(`s-${n}`, n, 0);
    cache.get('s-0'); // used again: now the most recent

    cache.set('s-20', 20, 0);

    expect(cache.size).toBe(18);
    expect(cache.get('s-0')).toEqual({ state: 0, revision: 0 });
    expect(cache.get('s-20')).toEqual({ state: 20, revision: 0 });
    expect(cache.get('s-1')).toBeUndefined();
    expect(cache.get('s-3')).toBeUndefined();
    expect(cache.get('s-4')).toEqual({ state: 4, revision: 0 });
  });

  it('never goes back to an older revision of a stream', () => {
    const cache = new StateCache();
    cache.set('s', 'newer', 5);
    cache.set('s', 'older', 3);

    expect(cache.get('s')).toEqual({ state: 'newer', revision: 5 });
  });
});
