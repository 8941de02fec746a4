import fc from 'fast-check';
import { addDays, daysBetween } from '../shared/local-date';
import type { TemplateActivity } from './template.events';
import { shiftIntoPeriod } from './template.shift';

const activity: fc.Arbitrary<TemplateActivity> = fc.record({
  title: fc.constantFrom('Kick-off', 'Gate reviews', 'Lessons learnt'),
  mode: fc.constantFrom('DIRECT' as const, 'SUPERVISED' as const),
  startOffsetDays: fc.integer({ min: 0, max: 400 }),
  durationDays: fc.integer({ min: 1, max: 200 }),
  rationale: fc.option(fc.constant('Why it matters'), { nil: null }),
});

describe('placing a template in a period (property)', () => {
  it('given any template and period, then every activity is kept, inside the period, and unchanged where the period allows', () => {
    fc.assert(
      fc.property(fc.array(activity, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 500 }), (activities, startShift, length) => {
        const periodStart = addDays('2026-01-01', startShift);
        const periodEnd = addDays(periodStart, length);
        const shifted = shiftIntoPeriod(activities, periodStart, periodEnd);
        expect(shifted).toHaveLength(activities.length);
        shifted.forEach((placed, i) => {
          const source = activities[i]!;
          expect(placed.startsOn >= periodStart && placed.startsOn <= placed.endsOn && placed.endsOn <= periodEnd).toBe(true);
          expect([placed.title, placed.mode, placed.description]).toEqual([source.title, source.mode, source.rationale]);
          const fits = source.startOffsetDays + source.durationDays - 1 <= length;
          if (fits) {
            expect(daysBetween(periodStart, placed.startsOn)).toBe(source.startOffsetDays);
            expect(daysBetween(placed.startsOn, placed.endsOn) + 1).toBe(source.durationDays);
          } else {
            expect(placed.endsOn).toBe(periodEnd);
          }
        });
      }),
    );
  });
});
