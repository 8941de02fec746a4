import { addDays, fromLocalInputValue, toLocalInputValue, trendEnd, utcDay, weeksBefore } from './time';

describe('the dashboard’s days and instants', () => {
  it('counts days in UTC, across months and leap days', () => {
    expect(utcDay(new Date('2028-02-28T23:59:59.999Z'))).toBe('2028-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weeksBefore('2026-06-30', 12)).toBe('2026-04-08');
  });

  it('shows an instant in the control and reads it back to the second', () => {
    const instant = new Date(2026, 5, 15, 9, 30, 15);

    expect(toLocalInputValue(instant)).toBe('2026-06-15T09:30:15');
    expect(fromLocalInputValue('2026-06-15T09:30:15')?.getTime()).toBe(instant.getTime());
    expect(fromLocalInputValue('2026-06-15T09:30')?.getTime()).toBe(new Date(2026, 5, 15, 9, 30, 0).getTime());
  });

  it.each(['', '2026-03-29', '2026-04-31T10:00', '2026-13-01T10:00', 'yesterday'])('reads %p as no instant', (value) => {
    expect(fromLocalInputValue(value)).toBeNull();
  });

  it('ends a trend on the due day or the day shown, whichever comes first', () => {
    expect(trendEnd('2026-12-31', '2026-06-30')).toBe('2026-06-30');
    expect(trendEnd('2026-03-31', '2026-06-30')).toBe('2026-03-31');
  });
});
