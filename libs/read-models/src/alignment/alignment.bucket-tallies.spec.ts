import fc from 'fast-check';
import { BucketTallies } from './alignment.bucket-tallies';
import { DAY_ACCOUNT, HoursTally } from './alignment.tally';

const period = { start: '2026-03-02', end: '2026-03-08' };

describe('BucketTallies', () => {
  it('given credits to two objectives in a bucket, when read, lists them most hours first and ties by id', () => {
    const tallies = new BucketTallies(1);
    tallies.add(0, DAY_ACCOUNT, 9_000_000, 6_000_000);
    tallies.add(0, 'b', 2_000_000, 0);
    tallies.add(0, 'a', 2_000_000, 0);
    tallies.add(0, 'c', 4_000_000, 0);

    expect(tallies.bucket(0, period)).toEqual({
      ...period,
      totalHours: 9,
      alignedHours: 6,
      alignedShare: 6 / 9,
      byObjective: [
        { objectiveId: 'c', hours: 4 },
        { objectiveId: 'a', hours: 2 },
        { objectiveId: 'b', hours: 2 },
      ],
    });
  });

  it('given an objective whose credits in a bucket cancel out, when read, leaves it out of that bucket only', () => {
    const tallies = new BucketTallies(2);
    tallies.add(0, 'a', 3_000_000, 0);
    tallies.add(0, 'a', -3_000_000, 0);
    tallies.add(1, 'a', 1_500_000, 0);

    expect(tallies.bucket(0, period).byObjective).toEqual([]);
    expect(tallies.bucket(1, period).byObjective).toEqual([{ objectiveId: 'a', hours: 1.5 }]);
    expect(tallies.window().byObjective).toEqual([{ objectiveId: 'a', hours: 1.5 }]);
  });

  it('given no accounts, when read, has nothing aligned and a share of zero', () => {
    expect(new BucketTallies(1).window()).toEqual({ totalHours: 0, alignedHours: 0, unalignedHours: 0, alignedShare: 0, byObjective: [] });
  });

  it('sums each bucket and the window as a tally per bucket and one for the window do', () => {
    const account = fc.record({
      bucket: fc.nat({ max: 5 }),
      account: fc.constantFrom(DAY_ACCOUNT, 'o1', 'o2', 'o3', 'o4'),
      micro: fc.integer({ min: -50_000_000, max: 200_000_000 }),
      aligned: fc.integer({ min: 0, max: 200_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(account, { maxLength: 60 }), (accounts) => {
        const tallies = new BucketTallies(6);
        const reference = Array.from({ length: 6 }, () => new HoursTally());
        const whole = new HoursTally();
        for (const { bucket, account: name, micro, aligned } of accounts) {
          const kept = name === DAY_ACCOUNT ? aligned : 0;
          tallies.add(bucket, name, micro, kept);
          (reference[bucket] as HoursTally).addAccount(name, micro, kept);
          whole.addAccount(name, micro, kept);
        }
        const expected = (tally: HoursTally) => ({
          totalHours: tally.total / 1_000_000,
          alignedHours: tally.aligned / 1_000_000,
          alignedShare: tally.alignedShare,
          byObjective: tally.objectiveHours(),
        });
        reference.forEach((tally, index) => expect(tallies.bucket(index, period)).toEqual({ ...period, ...expected(tally) }));
        expect(tallies.window()).toEqual({ ...expected(whole), unalignedHours: (whole.total - whole.aligned) / 1_000_000 });
      }),
    );
  });
});
