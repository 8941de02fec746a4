import { foldView } from '../shared/view';
import { activityView } from '../activity/activity.view';
import type { ActivityEvent } from '../activity/activity.events';
import { linked, planned } from '../activity/activity.fixtures';
import { creditWork, linkCovers, objectiveActiveOn, type LinkPeriod } from './crediting';

const onTime = 'objective-on-time';
const adoption = 'objective-adoption';
const alwaysActive = () => true;

const link = (objectiveId: string, weight: number, effectiveFrom: string, endedOn: string | null = null): LinkPeriod => ({
  objectiveId,
  weight,
  effectiveFrom,
  endedOn,
});

describe('crediting work to objectives', () => {
  it('splits hours by the weights of the links that cover the day: 8 h at 1:3 is 2 h + 6 h', () => {
    const result = creditWork(
      { workedOn: '2026-04-10', hours: 8 },
      [link(onTime, 1, '2026-04-01'), link(adoption, 3, '2026-04-01')],
      alwaysActive,
    );
    expect(result).toEqual({
      credits: [
        { objectiveId: onTime, hours: 2 },
        { objectiveId: adoption, hours: 6 },
      ],
      aligned: true,
    });
  });

  describe('a link made on 2026-05-10 and work done on 2026-04-15', () => {
    const work = { workedOn: '2026-04-15', hours: 4 };

    it('does not re-credit the earlier work', () => {
      expect(creditWork(work, [link(adoption, 1, '2026-05-10')], alwaysActive)).toEqual({ credits: [], aligned: false });
    });

    it('credits it when the link is backdated to 2026-04-01', () => {
      expect(creditWork(work, [link(adoption, 1, '2026-04-01')], alwaysActive)).toEqual({
        credits: [{ objectiveId: adoption, hours: 4 }],
        aligned: true,
      });
    });
  });

  it('stops crediting an objective on the day it is unlinked', () => {
    const links = [link(onTime, 1, '2026-04-01', '2026-04-20'), link(adoption, 1, '2026-04-01')];
    expect(creditWork({ workedOn: '2026-04-19', hours: 6 }, links, alwaysActive).credits).toEqual([
      { objectiveId: onTime, hours: 3 },
      { objectiveId: adoption, hours: 3 },
    ]);
    expect(creditWork({ workedOn: '2026-04-20', hours: 6 }, links, alwaysActive).credits).toEqual([
      { objectiveId: adoption, hours: 6 },
    ]);
  });

  it('leaves work with no activity, or an activity serving no objective, unaligned', () => {
    expect(creditWork({ workedOn: '2026-04-10', hours: 3 }, [], alwaysActive)).toEqual({ credits: [], aligned: false });
  });

  it('credits a closed objective but counts the work aligned only while an objective is ACTIVE', () => {
    const closedOn = '2026-04-10';
    const isActive = (objectiveId: string, day: string) => objectiveActiveOn(objectiveId === onTime ? closedOn : null, day);
    const links = [link(onTime, 1, '2026-04-01')];
    expect(creditWork({ workedOn: '2026-04-09', hours: 2 }, links, isActive).aligned).toBe(true);
    expect(creditWork({ workedOn: '2026-04-10', hours: 2 }, links, isActive)).toEqual({
      credits: [{ objectiveId: onTime, hours: 2 }],
      aligned: false,
    });
    expect(creditWork({ workedOn: '2026-04-10', hours: 2 }, [...links, link(adoption, 1, '2026-04-01')], isActive)).toEqual({
      credits: [
        { objectiveId: onTime, hours: 1 },
        { objectiveId: adoption, hours: 1 },
      ],
      aligned: true,
    });
  });

  it('credits an objective once even when two of its periods cover the day, at the later weight', () => {
    const links = [link(onTime, 1, '2026-04-01', '2026-04-20'), link(onTime, 3, '2026-04-15'), link(adoption, 1, '2026-04-01')];
    expect(creditWork({ workedOn: '2026-04-16', hours: 8 }, links, alwaysActive).credits).toEqual([
      { objectiveId: onTime, hours: 6 },
      { objectiveId: adoption, hours: 2 },
    ]);
  });

  it('reads link periods as from effectiveFrom inclusive to endedOn exclusive', () => {
    const period = link(onTime, 1, '2026-04-01', '2026-04-03');
    expect(['2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03'].map((d) => linkCovers(period, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(linkCovers(link(onTime, 1, '2026-04-01'), '2099-12-31')).toBe(true);
  });

  it('holds an objective ACTIVE until the day it is closed', () => {
    expect(objectiveActiveOn(null, '2026-04-10')).toBe(true);
    expect(objectiveActiveOn('2026-04-10', '2026-04-09')).toBe(true);
    expect(objectiveActiveOn('2026-04-10', '2026-04-10')).toBe(false);
  });

  describe("from an activity's recorded history", () => {
    const linksAfter = (events: ActivityEvent[]) => {
      const view = foldView(activityView, events, (revision) => ({ revision, recordedAt: '2026-03-01T09:00:00.000Z', actor: 'ada@pmo.example' }));
      return view.status === 'NONE' ? [] : view.links;
    };
    const workedOn = (day: string) => ({ workedOn: day, hours: 5 });

    it('credits planned contributions from the start of the activity, not before', () => {
      const links = linksAfter([planned, linked(onTime)]);
      expect(creditWork(workedOn('2026-03-31'), links, alwaysActive).aligned).toBe(false);
      expect(creditWork(workedOn('2026-04-01'), links, alwaysActive).credits).toEqual([{ objectiveId: onTime, hours: 5 }]);
    });

    it('credits work before the old start once the start is moved earlier', () => {
      const rescheduled: ActivityEvent = {
        type: 'ActivityRescheduled',
        data: {
          activityId: planned.data.activityId,
          startsOn: '2026-03-16',
          endsOn: '2026-06-30',
          previousStartsOn: '2026-04-01',
          previousEndsOn: '2026-06-30',
          reason: 'Kick-off brought forward',
          movedLinks: [{ objectiveId: onTime, effectiveFrom: '2026-03-16', previousEffectiveFrom: '2026-04-01' }],
        },
      };
      const links = linksAfter([planned, linked(onTime), rescheduled]);
      expect(creditWork(workedOn('2026-03-20'), links, alwaysActive).credits).toEqual([{ objectiveId: onTime, hours: 5 }]);
    });
  });
});
