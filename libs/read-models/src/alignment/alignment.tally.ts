import { type LinkPeriod, creditWork, objectiveActiveOn } from '@throughline/domain';

/** A link as the reader returns it: the crediting rule's period plus the activity it belongs to. */
export interface LinkRow extends LinkPeriod {
  readonly activityId: string;
}

export interface ObjectiveHours {
  readonly objectiveId: string;
  readonly hours: number;
}

// Totals are kept in whole micro-hours: integer sums are exact, so buckets add up to the window
// and credits to their entry, where float sums would drift by 1e-15 here and there.
const MICRO = 1_000_000;
export const toMicroHours = (hours: number): number => Math.round(hours * MICRO);
export const fromMicroHours = (micro: number): number => micro / MICRO;

/** The account of a PMO's day holding its hours and, of them, the aligned ones; other accounts are objective ids. */
export const DAY_ACCOUNT = '';

export interface MicroCrediting {
  readonly credits: readonly { readonly objectiveId: string; readonly micro: number }[];
  readonly aligned: boolean;
}

/**
 * Applies the crediting rule to hours done on one day for one activity (one entry, or the sum of
 * several: the rule is proportional, so crediting the sum equals summing the credits).
 */
export class Crediting {
  private readonly linksByActivity = new Map<string, LinkPeriod[]>();
  private readonly closedOn: ReadonlyMap<string, string | null>;

  /**
   * @param objectives closedOn (null while active) of every objective the links name; an objective
   *   missing here is unknown to the read model and never counts as active
   */
  constructor(links: readonly LinkRow[], objectives: ReadonlyMap<string, string | null>) {
    for (const link of links) {
      const list = this.linksByActivity.get(link.activityId) ?? [];
      list.push(link);
      this.linksByActivity.set(link.activityId, list);
    }
    this.closedOn = objectives;
  }

  readonly isActiveOn = (objectiveId: string, day: string): boolean => {
    const closedOn = this.closedOn.get(objectiveId);
    return closedOn !== undefined && objectiveActiveOn(closedOn, day);
  };

  /** Work with no activity has no links, so it is credited to nothing and unaligned. */
  credit(activityId: string | null, workedOn: string, micro: number): MicroCrediting {
    const links = activityId === null ? [] : (this.linksByActivity.get(activityId) ?? []);
    return creditMicro(links, workedOn, micro, this.isActiveOn);
  }
}

/** The crediting rule over micro-hours: the credits add up to `micro` exactly when any link covers the day. */
export const creditMicro = (
  links: readonly LinkPeriod[],
  workedOn: string,
  micro: number,
  isActiveOn: (objectiveId: string, day: string) => boolean,
): MicroCrediting => {
  const { credits, aligned } = creditWork({ workedOn, hours: fromMicroHours(micro) }, links, isActiveOn);
  // Rounding each share alone could lose or gain a micro-hour; the last share takes the rest.
  let remaining = micro;
  const split = credits.map((credit, index) => {
    const share = index === credits.length - 1 ? remaining : toMicroHours(credit.hours);
    remaining -= share;
    return { objectiveId: credit.objectiveId, micro: share };
  });
  return { credits: split, aligned };
};

/** Of [objective id, micro-hours] pairs, most hours first; ties by objective id, so the order is stable. */
export const byMostHours = ([a, x]: readonly [string, number], [b, y]: readonly [string, number]): number =>
  y - x || (a < b ? -1 : a > b ? 1 : 0);

/** Hours of one bucket or window, in micro-hours until reported. */
export class HoursTally {
  total = 0;
  aligned = 0;
  readonly byObjective = new Map<string, number>();

  add(micro: number, crediting: MicroCrediting): void {
    this.total += micro;
    if (crediting.aligned) this.aligned += micro;
    for (const { objectiveId, micro: share } of crediting.credits) {
      this.byObjective.set(objectiveId, (this.byObjective.get(objectiveId) ?? 0) + share);
    }
  }

  /** Adds a day's account (see alignment.schema.ts): the day's hours, or an objective's credit. */
  addAccount(account: string, micro: number, aligned: number): void {
    if (account === DAY_ACCOUNT) {
      this.total += micro;
      this.aligned += aligned;
    } else {
      this.byObjective.set(account, (this.byObjective.get(account) ?? 0) + micro);
    }
  }

  get alignedShare(): number {
    return this.total === 0 ? 0 : this.aligned / this.total;
  }

  /** Most hours first; ties by objective id, so the order is stable. */
  objectiveHours(): ObjectiveHours[] {
    return [...this.byObjective]
      .filter(([, micro]) => micro !== 0)
      .sort(byMostHours)
      .map(([objectiveId, micro]) => ({ objectiveId, hours: fromMicroHours(micro) }));
  }
}
