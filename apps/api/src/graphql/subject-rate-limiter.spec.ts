import { SubjectRateLimiter } from './subject-rate-limiter';

/** A clock the spec moves by hand. */
const manualClock = () => {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('SubjectRateLimiter', () => {
  it('lets a burst of the per-minute limit through, then asks the subject to wait', () => {
    const clock = manualClock();
    const limiter = new SubjectRateLimiter(3, 100, clock.now);

    const answers = [1, 2, 3, 4].map(() => limiter.take('ada'));

    // 3 per minute: one token back every 20 s.
    expect(answers).toEqual([0, 0, 0, 20]);
  });

  it('refills evenly over the minute, never above the burst', () => {
    const clock = manualClock();
    const limiter = new SubjectRateLimiter(60, 100, clock.now);
    for (let i = 0; i < 60; i++) limiter.take('ada');

    expect(limiter.take('ada')).toBe(1);
    clock.advance(1000);
    expect(limiter.take('ada')).toBe(0);
    expect(limiter.take('ada')).toBe(1);

    clock.advance(10 * 60_000);
    const afterLongPause = Array.from({ length: 61 }, () => limiter.take('ada'));
    expect(afterLongPause.filter((wait) => wait === 0)).toHaveLength(60);
  });

  it('keeps one bucket per subject', () => {
    const clock = manualClock();
    const limiter = new SubjectRateLimiter(1, 100, clock.now);

    expect(limiter.take('ada')).toBe(0);
    expect(limiter.take('ada')).toBe(60);
    expect(limiter.take('grace')).toBe(0);
  });

  it('remembers at most maxSubjects, forgetting the one seen longest ago', () => {
    const clock = manualClock();
    const limiter = new SubjectRateLimiter(1, 2, clock.now);
    limiter.take('ada');
    limiter.take('grace');
    limiter.take('ada'); // refused, and now the most recently seen
    limiter.take('lin'); // pushes out grace

    expect(limiter.size).toBe(2);
    expect(limiter.take('ada')).toBeGreaterThan(0);
    expect(limiter.take('grace')).toBe(0);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => new SubjectRateLimiter(0)).toThrow('perMinute');
    expect(() => new SubjectRateLimiter(1.5)).toThrow('perMinute');
  });
});
