import { Injectable } from '@nestjs/common';
import { dayOf, mandateInForce } from '@throughline/domain';
import { WHOLE_STORE_TURNS } from '@throughline/event-store';
import { AlignmentReader, type ObjectiveHours as HoursRow } from '@throughline/read-models';
import { ActivityViews } from '../activities/activity-views';
import { NotFoundError } from '../common/app-errors';
import { Clock } from '../common/clock';
import { requireWindow } from '../common/date-window';
import { ACTIVITY_KIND, PMO_KIND, WORK_KIND, isEntityId } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import type { Loaders } from '../common/loaders';
import { requireEntityId } from '../common/ids';
import type { Granularity } from '../graphql/enums';
import type { Objective } from '../objectives/objective.types';
import { toPmoView } from '../pmos/pmo.view';
import { toWorkEntryView } from '../work/work.view';
import type { AlignmentReport, ObjectiveHours, PurposeChain } from './alignment.types';
import { EntityViews } from './entity-views';

/** A year by week holds a row per week and objective: a loop, not an array per row as flatMap would make. */
const withObjectives = (rows: readonly HoursRow[], objectives: Map<string, Objective>): ObjectiveHours[] => {
  const named: ObjectiveHours[] = [];
  for (const row of rows) {
    const objective = objectives.get(row.objectiveId);
    if (objective) named.push({ objective, hours: row.hours });
  }
  return named;
};

/** Per activity list of the report: whether its activities are read with their hours logged. */
export interface ActivityListHours {
  readonly activitiesWithoutObjective: boolean;
  readonly idleActivities: boolean;
}

/** How work served purpose, from the alignment read model. */
@Injectable()
export class AlignmentReports {
  constructor(
    private readonly reader: EntityReader,
    private readonly alignment: AlignmentReader,
    private readonly views: EntityViews,
    private readonly activities: ActivityViews,
    private readonly clock: Clock,
  ) {}

  /**
   * How a PMO's work over a window served its objectives. `withHours` says which activity lists
   * are read with their hours logged (see ActivityViews.many); both unless the caller knows better.
   * The PMO is read through the request's loaders, which the existence check shares.
   */
  async report(
    loaders: Loaders,
    pmoId: string,
    from: string,
    to: string,
    granularity: Granularity | null,
    asOf: string | null,
    withHours: ActivityListHours = { activitiesWithoutObjective: true, idleActivities: true },
  ): Promise<AlignmentReport> {
    const id = requireEntityId(pmoId, 'pmoId');
    requireWindow(from, to);
    const pmo = toPmoView(await loaders.entity(PMO_KIND, asOf).load(id), asOf);
    if (!pmo) throw new NotFoundError('PMO', id, 'pmoId');
    const today = asOf ? dayOf(asOf) : this.clock.today();
    // A stretch of the window per turn, in the queue whole-store work takes turns in: a ten-year
    // window, or many reports in one request, never hold up the requests in between.
    const report = await this.alignment.alignmentInTurns({ pmoId: id, from, to, granularity, today }, asOf, (step) =>
      WHOLE_STORE_TURNS.take(async () => step()),
    );

    // Credits are never negative, so every objective a bucket names the window names too.
    const objectives = await this.views.objectives([...report.byObjective.map((o) => o.objectiveId), ...report.objectivesWithoutActivity], asOf);
    return {
      pmo,
      from,
      to,
      totalHours: report.totalHours,
      alignedHours: report.alignedHours,
      unalignedHours: report.unalignedHours,
      alignedShare: report.alignedShare,
      buckets: report.buckets.map((b) => ({ ...b, byObjective: withObjectives(b.byObjective, objectives) })),
      byObjective: withObjectives(report.byObjective, objectives),
      activitiesWithoutObjective: await this.views.activityList(report.activitiesWithoutObjective, asOf, withHours.activitiesWithoutObjective),
      objectivesWithoutActivity: report.objectivesWithoutActivity.flatMap((o) => objectives.get(o) ?? []),
      idleActivities: await this.views.activityList(report.idleActivities, asOf, withHours.idleActivities),
    };
  }

  /**
   * Work → activity → objectives served that day → the mandate in force that day. The entry is
   * read through the request's loaders, which the permission check shares.
   */
  async purposeChain(loaders: Loaders, workEntryId: string): Promise<PurposeChain | null> {
    if (!isEntityId(workEntryId)) return null;
    const id = workEntryId.toLowerCase();
    const workEntry = toWorkEntryView(await loaders.entity(WORK_KIND, null).load(id), null);
    const crediting = this.alignment.creditsOfWorkEntry(id);
    if (!workEntry || !crediting) return null;
    const activity = crediting.activityId ? this.activities.one(await this.reader.get(ACTIVITY_KIND, crediting.activityId), null) : null;
    const objectives = await this.views.objectives(crediting.credits.map((c) => c.objectiveId), null);
    const pmo = await this.reader.get(PMO_KIND, workEntry.pmoId);
    return {
      workEntry,
      activity,
      objectives: crediting.credits.flatMap((c) => objectives.get(c.objectiveId) ?? []),
      credits: withObjectives(crediting.credits, objectives),
      mandate: pmo ? mandateInForce(pmo, workEntry.workedOn) : null,
      aligned: crediting.aligned,
    };
  }
}
