import { activityChanges, type RecordedActivityEvent } from './activity-changes';

const recorded = (type: string, data: Record<string, unknown>, extra: Partial<RecordedActivityEvent> = {}): RecordedActivityEvent => ({
  type,
  data,
  revision: 3,
  actor: 'head@pmo',
  recordedAt: '2026-04-02T10:00:00.000Z',
  reason: null,
  ...extra,
});

describe('activityChanges', () => {
  it('given a reschedule, then the schedule change reads as two ISO intervals with who, when and why', () => {
    const changes = activityChanges([
      recorded('ActivityRescheduled', {
        activityId: 'a', startsOn: '2026-05-01', endsOn: '2026-06-30', previousStartsOn: '2026-04-01', previousEndsOn: '2026-05-31', reason: 'supplier late', movedLinks: [],
      }),
    ]);
    expect(changes).toEqual([
      {
        kind: 'RESCHEDULED', field: 'schedule', before: '2026-04-01/2026-05-31', after: '2026-05-01/2026-06-30', objectiveId: null,
        changedBy: 'head@pmo', changedAt: '2026-04-02T10:00:00.000Z', reason: 'supplier late', revision: 3,
      },
    ]);
  });

  it('given a reassignment without its own reason, then the reason given with the command is used', () => {
    const [change] = activityChanges([
      recorded('ActivityReassigned', { activityId: 'a', responsible: 'bo', previousResponsible: 'al', reason: null }, { reason: 'al moved team' }),
    ]);
    expect(change).toMatchObject({ kind: 'REASSIGNED', before: 'al', after: 'bo', reason: 'al moved team' });
  });

  it('given a link made and another ended, then both are listed in order with the objective they concern', () => {
    const changes = activityChanges([
      recorded('ActivityLinkedToObjective', { activityId: 'a', objectiveId: 'o1', rationale: 'feeds the KPI', weight: 2, effectiveFrom: '2026-04-01', linkedAt: 'x' }, { revision: 4 }),
      recorded('ActivityUnlinkedFromObjective', { activityId: 'a', objectiveId: 'o2', reason: 'scope cut', endedOn: '2026-04-03', unlinkedAt: 'y' }, { revision: 5 }),
    ]);
    expect(changes.map(({ kind, objectiveId, before, after, reason, revision }) => ({ kind, objectiveId, before, after, reason, revision }))).toEqual([
      { kind: 'LINK_ADDED', objectiveId: 'o1', before: null, after: 'from 2026-04-01, weight 2', reason: 'feeds the KPI', revision: 4 },
      { kind: 'LINK_REMOVED', objectiveId: 'o2', before: 'linked', after: 'ended 2026-04-03', reason: 'scope cut', revision: 5 },
    ]);
  });

  it('given completion, cancellation and the planning itself, then none is a change of plan', () => {
    expect(
      activityChanges([
        recorded('ActivityPlanned', { activityId: 'a' }),
        recorded('ActivityCompleted', { activityId: 'a', completedOn: '2026-04-02' }),
        recorded('ActivityCancelled', { activityId: 'a', reason: 'r', cancelledOn: '2026-04-02' }),
      ]),
    ).toEqual([]);
  });
});
