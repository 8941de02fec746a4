import { spec } from '@throughline/testing';
import type { CountWorkdayHours } from './workday.commands';
import { workdayDecider } from './workday.decider';
import type { WorkdayEvent, WorkdayHoursCounted } from './workday.events';

const person = 'lin@pmo.example';
const day = '2026-03-12';
const entry = (n: number) => `5b7d9f21-3c4e-4a68-8d02-${n.toString(16).padStart(12, '0')}`;

const counted = (n: number, hours: number): WorkdayHoursCounted => ({ type: 'WorkdayHoursCounted', data: { workEntryId: entry(n), person, day, hours } });
const released = (n: number): WorkdayEvent => ({ type: 'WorkdayHoursReleased', data: { workEntryId: entry(n) } });
const countHours = (n: number, hours: number, overrides: Partial<CountWorkdayHours> = {}): CountWorkdayHours => ({
  type: 'CountWorkdayHours',
  workEntryId: entry(n),
  person,
  day,
  hours,
  opening: [],
  ...overrides,
});
const release = (n: number) => ({ type: 'ReleaseWorkdayHours' as const, workEntryId: entry(n) });

describe('Workday', () => {
  describe('counting', () => {
    it('given a day never counted, when an entry is counted, then its hours count', () => {
      spec(workdayDecider).given([]).when(countHours(1, 6)).then([counted(1, 6)]);
    });

    it('given 23.9 hours, when 0.1 more are counted, then the day holds exactly 24', () => {
      spec(workdayDecider)
        .given([counted(1, 8), counted(2, 15.9)])
        .when(countHours(3, 0.1))
        .then([counted(3, 0.1)]);
    });

    it("given 18.5 hours, when 6 more are counted, then it is refused as taking the person's day over 24", () => {
      spec(workdayDecider).given([counted(1, 18.5)]).when(countHours(2, 6)).thenThrows('WORK_DAY_OVER_24H', 'hours');
    });

    it('given the refusal, then its message says what the day holds and what was asked', () => {
      expect(() => workdayDecider.decide(countHours(2, 6), workdayDecider.evolve(workdayDecider.initialState, counted(1, 18.5)), { now: '', today: day, actor: person })).toThrow(
        `${person} already has 18.5 h on ${day}: 6 h more would exceed 24 h`,
      );
    });

    it('given an entry already counted, when it is counted again with the same hours, then nothing changes', () => {
      spec(workdayDecider).given([counted(1, 20)]).when(countHours(1, 20)).then([]);
    });

    it("given an entry already counted, when it is counted with other hours, then the new hours replace it (judged without the entry's old hours)", () => {
      spec(workdayDecider).given([counted(1, 20)]).when(countHours(1, 24)).then([counted(1, 24)]);
      spec(workdayDecider).given([counted(1, 20), counted(2, 4)]).when(countHours(1, 20.5)).thenThrows('WORK_DAY_OVER_24H', 'hours');
    });

    it('given a released entry, when more hours are counted, then the released hours no longer count', () => {
      spec(workdayDecider).given([counted(1, 20), released(1)]).when(countHours(2, 24)).then([counted(2, 24)]);
    });

    it.each([[0], [-1], [24.5], [Number.NaN]])('refuses %p hours', (hours) => {
      spec(workdayDecider).given([]).when(countHours(1, hours)).thenThrows('BAD_USER_INPUT', 'hours');
    });

    it('fails loudly when asked to count on the workday of another person or day', () => {
      expect(() =>
        workdayDecider.decide(countHours(2, 1, { day: '2026-03-13' }), workdayDecider.evolve(workdayDecider.initialState, counted(1, 1)), { now: '', today: day, actor: person }),
      ).toThrow('cannot count hours');
    });
  });

  describe('opening balance', () => {
    const opening = [
      { workEntryId: entry(7), hours: 10 },
      { workEntryId: entry(8), hours: 8 },
    ];

    it('given a day never counted and entries from before, when an entry is counted, then the day opens with them first', () => {
      spec(workdayDecider)
        .given([])
        .when(countHours(1, 6, { opening }))
        .then([{ type: 'WorkdayOpened', data: { person, day, entries: opening } }, counted(1, 6)]);
    });

    it('given a day never counted and entries from before, when the entry would pass 24 hours with them, then it is refused', () => {
      spec(workdayDecider).given([]).when(countHours(1, 6.5, { opening })).thenThrows('WORK_DAY_OVER_24H', 'hours');
    });

    it('given an opened day, when counting again, then the opening offered is ignored', () => {
      spec(workdayDecider)
        .given([{ type: 'WorkdayOpened', data: { person, day, entries: opening } }])
        .when(countHours(1, 6, { opening: [{ workEntryId: entry(9), hours: 20 }] }))
        .then([counted(1, 6)]);
    });

    it('given an entry of the opening balance, when it is released or recounted, then its opening hours go', () => {
      const open: WorkdayEvent = { type: 'WorkdayOpened', data: { person, day, entries: opening } };
      spec(workdayDecider).given([open]).when(release(7)).then([released(7)]);
      spec(workdayDecider).given([open, released(7)]).when(countHours(1, 16)).then([counted(1, 16)]);
      spec(workdayDecider).given([open]).when(countHours(7, 16)).then([counted(7, 16)]);
    });

    it('given an opening balance over 24 hours, when an entry of it is lowered, then that is accepted; raised, refused', () => {
      const over: WorkdayEvent = { type: 'WorkdayOpened', data: { person, day, entries: [{ workEntryId: entry(7), hours: 20 }, { workEntryId: entry(8), hours: 10 }] } };
      spec(workdayDecider).given([over]).when(countHours(7, 12)).then([counted(7, 12)]);
      spec(workdayDecider).given([over]).when(countHours(7, 21)).thenThrows('WORK_DAY_OVER_24H', 'hours');
    });
  });

  describe('releasing', () => {
    it('given a counted entry, when it is released, then it is recorded', () => {
      spec(workdayDecider).given([counted(1, 6)]).when(release(1)).then([released(1)]);
    });

    it('given an entry the day does not count (never, or released already), when it is released, then nothing changes', () => {
      spec(workdayDecider).given([]).when(release(1)).then([]);
      spec(workdayDecider).given([counted(2, 6)]).when(release(1)).then([]);
      spec(workdayDecider).given([counted(1, 6), released(1)]).when(release(1)).then([]);
    });
  });
});
