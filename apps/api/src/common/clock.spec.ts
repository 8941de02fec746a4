import { SystemClock } from './clock';

describe('the system clock', () => {
  afterEach(() => jest.useRealTimers());

  it('given the time crosses UTC midnight, when today is asked, then it is the new day at once', () => {
    jest.useFakeTimers({ now: new Date('2026-12-31T23:59:59.999Z') });
    const clock = new SystemClock();
    expect(clock.today()).toBe('2026-12-31');

    jest.setSystemTime(new Date('2027-01-01T00:00:00.000Z'));
    expect(clock.today()).toBe('2027-01-01');
  });

  it('given the system time is set back a day, when today is asked, then it is that earlier day', () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T00:00:00.000Z') });
    const clock = new SystemClock();
    expect(clock.today()).toBe('2026-03-02');

    jest.setSystemTime(new Date('2026-03-01T23:59:59.999Z'));
    expect(clock.today()).toBe('2026-03-01');
  });

  it('given many asks within one day, answers the day of its own now each time', () => {
    jest.useFakeTimers({ now: new Date('2026-07-15T10:00:00.000Z') });
    const clock = new SystemClock();
    for (const instant of ['2026-07-15T10:00:00.001Z', '2026-07-15T18:30:00.000Z', '2026-07-15T23:59:59.999Z']) {
      jest.setSystemTime(new Date(instant));
      expect(clock.today()).toBe(clock.now().toISOString().slice(0, 10));
    }
  });
});
