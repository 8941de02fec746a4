import { WorkTurns } from './work-turns';

describe('WorkTurns', () => {
  it('runs one batch per turn of the event loop, whichever job it belongs to', async () => {
    const turns = new WorkTurns();
    const log: string[] = [];
    const job = async (name: string) => {
      for (let batch = 0; batch < 3; batch++) await turns.take(async () => log.push(`${name}${batch}`));
    };
    const jobs = Promise.all([job('a'), job('b'), job('c')]);
    // Queued once the first batch has run: it must not wait for the other eight.
    setImmediate(() => log.push('other'));
    await jobs;
    expect(log.indexOf('other')).toBeGreaterThan(0);
    expect(log.indexOf('other')).toBeLessThan(3);
    expect(log.filter((entry) => entry !== 'other')).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'c1', 'a2', 'b2', 'c2']);
  });

  it('keeps taking turns after a batch fails, and hands the failure to its job only', async () => {
    const turns = new WorkTurns();
    const failed = turns.take(async () => {
      throw new Error('unreadable batch');
    });
    const next = turns.take(async () => 'read');
    await expect(failed).rejects.toThrow('unreadable batch');
    await expect(next).resolves.toBe('read');
  });
});
