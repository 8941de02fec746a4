import { KeyedLock } from './keyed-lock';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedLock', () => {
  it('runs work on one key one at a time, in the order it came, and work on other keys alongside', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const work = (name: string) => async () => {
      log.push(`${name} starts`);
      await tick();
      log.push(`${name} ends`);
      return name;
    };
    const results = await Promise.all([lock.run('a', work('a1')), lock.run('a', work('a2')), lock.run('b', work('b1'))]);

    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('a2 starts')).toBeGreaterThan(log.indexOf('a1 ends'));
    expect(log.indexOf('b1 starts')).toBeLessThan(log.indexOf('a1 ends'));
  });

  it('goes on after work that failed, and hands each caller its own outcome', async () => {
    const lock = new KeyedLock();
    const failing = lock.run('a', async () => {
      throw new Error('refused');
    });
    const throwingAtOnce = lock.run('a', () => {
      throw new Error('thrown');
    });
    const next = lock.run('a', async () => 'done');

    await expect(failing).rejects.toThrow('refused');
    await expect(throwingAtOnce).rejects.toThrow('thrown');
    await expect(next).resolves.toBe('done');
  });

  it('forgets a key once nothing is queued on it', async () => {
    const lock = new KeyedLock();
    await Promise.all([lock.run('a', async () => 1), lock.run('b', async () => 2), lock.run('a', async () => 3)]);
    await tick();
    expect(lock.size).toBe(0);
    await expect(lock.run('c', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(lock.size).toBe(0);
  });
});
