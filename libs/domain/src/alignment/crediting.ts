import type { LocalDate } from '../shared/local-date';

/**
 * One period during which an activity contributed to an objective: from `effectiveFrom`
 * (inclusive) to `endedOn` (exclusive), open while `endedOn` is null.
 */
export interface LinkPeriod {
  readonly objectiveId: string;
  readonly weight: number;
  readonly effectiveFrom: LocalDate;
  readonly endedOn: LocalDate | null;
}

export interface ObjectiveCredit {
  readonly objectiveId: string;
  readonly hours: number;
}

export interface WorkCrediting {
  /** In the order of the links; hours sum to the entry's hours when any link covers the day. */
  readonly credits: readonly ObjectiveCredit[];
  /** Credited to at least one objective that was ACTIVE on the day the work was done. */
  readonly aligned: boolean;
}

// An objective unlinked on day D no longer receives D's work: the unlink takes effect that day.
export const linkCovers = (link: LinkPeriod, day: LocalDate): boolean =>
  link.effectiveFrom <= day && (link.endedOn === null || day < link.endedOn);

/** An objective closed on day D is still ACTIVE before D and no longer on D. */
export const objectiveActiveOn = (closedOn: LocalDate | null, day: LocalDate): boolean =>
  closedOn === null || day < closedOn;

/**
 * The crediting rule: a work entry is credited to the objectives that its activity's links
 * covered on the day the work was done (not the day it was logged or linked), split in
 * proportion to the links' weights. Work with no activity is passed an empty list of links.
 */
export const creditWork = (
  entry: { readonly workedOn: LocalDate; readonly hours: number },
  links: readonly LinkPeriod[],
  isObjectiveActiveOn: (objectiveId: string, day: LocalDate) => boolean,
): WorkCrediting => {
  // The activity decider keeps one objective's periods apart; should two still cover the same
  // day, the later one wins rather than the objective being credited twice.
  const covering = new Map<string, LinkPeriod>();
  for (const link of links) {
    if (!linkCovers(link, entry.workedOn)) continue;
    covering.delete(link.objectiveId);
    covering.set(link.objectiveId, link);
  }
  const chosen = [...covering.values()].filter((link) => link.weight > 0);
  const totalWeight = chosen.reduce((sum, link) => sum + link.weight, 0);
  const credits = chosen.map((link) => ({
    objectiveId: link.objectiveId,
    hours: (entry.hours * link.weight) / totalWeight,
  }));
  return {
    credits,
    aligned: credits.some((credit) => isObjectiveActiveOn(credit.objectiveId, entry.workedOn)),
  };
};
