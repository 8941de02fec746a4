import { dayText, healthMixText, hours, percent, shortDayText, words } from './format';

describe('the dashboard’s numbers in words', () => {
  it('lists the health counts that are not zero, in a fixed order', () => {
    expect(
      healthMixText([
        { health: 'OFF_TRACK', objectives: 1 },
        { health: 'ON_TRACK', objectives: 2 },
        { health: 'AT_RISK', objectives: 0 },
      ]),
    ).toBe('2 on track, 1 off track');
    expect(healthMixText([])).toBe('no objectives');
  });

  it('rounds shares to whole percents and hours to tenths', () => {
    expect(percent(0.4249)).toBe('42%');
    expect(percent(1.05)).toBe('105%');
    expect(hours(12.349)).toBe('12.3 h');
  });

  it('writes days and enum values for people', () => {
    expect(dayText('2026-03-01')).toBe('1 Mar 2026');
    expect(words('DEVIATION_APPROVED')).toBe('Deviation approved');
  });
});

describe('the days on a chart’s axis', () => {
  it('are day and month, in UTC', () => {
    expect(shortDayText('2026-03-01')).toBe('1 Mar');
    expect(shortDayText('2026-12-31')).toBe('31 Dec');
  });
});
