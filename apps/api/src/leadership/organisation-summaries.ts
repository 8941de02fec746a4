import { Injectable } from '@nestjs/common';
import {
  addDays,
  assessObjectiveOn,
  deviationAwaitsDecisionOn,
  feedbackOpenOn,
  feedbackWaitedOn,
  organisationOrder,
  summariseObjectives,
  type ComplianceStatus,
  type LocalDate,
  type ObjectiveOnDay,
} from '@throughline/domain';
import { AlignmentReader, ComplianceFactsReader, NetworkCadenceReader, ObjectiveMeasurementReader } from '@throughline/read-models';
import { DEVIATION_KIND, FEEDBACK_KIND, OBJECTIVE_KIND, PMO_KIND, type Principal } from '@throughline/runtime';
import { can } from '../auth/authorize';
import { EntityReader } from '../common/entity-reader';
import { toPmoView } from '../pmos/pmo.view';
import type { ComplianceCounts } from '../standards/standard.types';
import type { OrganisationSummary, PmoSummary } from './leadership.types';

/** The work a summary weighs: the 28 days up to and including the day judged. */
export const WORK_WINDOW_DAYS = 28;

const COUNTED: Record<ComplianceStatus, keyof ComplianceCounts> = {
  ADOPTED: 'adopted',
  TRANSITION: 'transition',
  DEVIATION_APPROVED: 'deviationApproved',
  DEVIATION_REQUESTED: 'deviationRequested',
  PENDING: 'pending',
  NON_COMPLIANT: 'nonCompliant',
};

const noCompliance = (): ComplianceCounts => ({ adopted: 0, transition: 0, deviationApproved: 0, deviationRequested: 0, pending: 0, nonCompliant: 0 });

const grouped = <T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
};

/**
 * The organisation on a day as known at an instant: each capability's own read model asked once
 * for every PMO (never once per PMO or per objective), and each figure judged by the domain's rule
 * for it, so a row says what that capability's own query says about the PMO.
 */
@Injectable()
export class OrganisationSummaries {
  constructor(
    private readonly entities: EntityReader,
    private readonly measurements: ObjectiveMeasurementReader,
    private readonly alignment: AlignmentReader,
    private readonly compliance: ComplianceFactsReader,
    private readonly network: NetworkCadenceReader,
  ) {}

  async summary(principal: Principal, on: LocalDate, asOf: string | null): Promise<OrganisationSummary> {
    const pmos = organisationOrder(
      (await this.entities.list(PMO_KIND, {}, asOf)).map((view) => ({ pmoId: view.pmoId, parentId: view.parentId, name: view.name, view })),
    ).filter(({ pmoId }) => can(principal, 'organisation.summary', { pmoId }));
    if (pmos.length === 0) return { on, asOf, pmos: [] };
    const pmoIds = pmos.map((pmo) => pmo.pmoId);

    const [objectives, deviations, feedback] = await Promise.all([
      this.objectivesOn(on, asOf),
      this.entities.list(DEVIATION_KIND, {}, asOf),
      this.entities.list(FEEDBACK_KIND, {}, asOf),
    ]);
    const work = this.alignment.windowTotals(pmoIds, addDays(on, -(WORK_WINDOW_DAYS - 1)), on, asOf);
    const groups = this.network.groupsDue(pmoIds, on, asOf);
    const compliance = new Map<string, ComplianceCounts>();
    for (const row of this.compliance.report(null, on, asOf)) {
      const counts = compliance.get(row.pmoId) ?? noCompliance();
      counts[COUNTED[row.status]] += 1;
      compliance.set(row.pmoId, counts);
    }
    const awaiting = grouped(deviations.filter((d) => deviationAwaitsDecisionOn(d, on)), (d) => d.pmoId);
    const open = grouped(feedback.filter((f) => feedbackOpenOn(f, on)), (f) => f.pmoId);

    return {
      on,
      asOf,
      pmos: pmos.map(({ pmoId, view }, index): PmoSummary => {
        const { objectives: count, byHealth, meanProgress, meanExpectedProgress } = summariseObjectives(objectives.get(pmoId) ?? []);
        const { totalHours, alignedHours, alignedShare } = work[index]!;
        const waiting = (open.get(pmoId) ?? []).map((f) => feedbackWaitedOn(f, on));
        return {
          pmo: toPmoView(view, asOf)!,
          objectives: count,
          byHealth: [...byHealth],
          meanProgress,
          meanExpectedProgress,
          hoursLast28Days: totalHours,
          alignedHoursLast28Days: alignedHours,
          alignedShareLast28Days: alignedShare,
          compliance: compliance.get(pmoId) ?? noCompliance(),
          networkGroups: groups[index]!.groups,
          overdueNetworkGroups: groups[index]!.overdue,
          openDeviations: awaiting.get(pmoId)?.length ?? 0,
          openFeedback: waiting.length,
          oldestOpenFeedbackDays: waiting.length === 0 ? null : Math.max(...waiting),
        };
      }),
    };
  }

  /**
   * Every objective known at the instant, judged on the day, by PMO. The measurement that held on
   * the day is the view's current one unless that one is about a later day; only those objectives
   * are looked up again, all in one read.
   */
  private async objectivesOn(on: LocalDate, asOf: string | null): Promise<Map<string, ObjectiveOnDay[]>> {
    const views = await this.entities.list(OBJECTIVE_KIND, {}, asOf);
    const later = new Set(views.filter((view) => view.currentMeasurement !== null && view.currentMeasurement.measuredOn > on).map((view) => view.objectiveId));
    const earlier = this.measurements.currentOn([...later], on, asOf);
    const judged = views.map((view) => {
      const current = later.has(view.objectiveId) ? (earlier.get(view.objectiveId) ?? null) : view.currentMeasurement;
      return { pmoId: view.pmoId, judged: assessObjectiveOn(view, current, on) };
    });
    return new Map([...grouped(judged, (j) => j.pmoId)].map(([pmoId, list]) => [pmoId, list.map((j) => j.judged)]));
  }
}
