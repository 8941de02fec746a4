import type { Database, Statement } from 'better-sqlite3';
import { objectiveActiveOn } from '@throughline/domain';
import { PeriodLedger } from './alignment.periods';
import { DAY_ACCOUNT, type LinkRow, type MicroCrediting, creditMicro, toMicroHours } from './alignment.tally';
/** alignment_work_day's activity for work on no activity. */
const NO_ACTIVITY = '';

interface AccountRow {
  readonly micro: number;
  readonly aligned: number;
  readonly firstRecorded: string;
  readonly recordedFrom: string;
}

interface Account {
  readonly pmoId: string;
  readonly workedOn: string;
  readonly account: string;
  micro: number;
  aligned: number;
  readonly firstRecorded: string;
  recordedFrom: string;
}

interface Group {
  readonly activityId: string;
  readonly workedOn: string;
  readonly pmoId: string;
  micro: number;
}

interface Statements {
  readonly account: Statement<[string, string, string], AccountRow>;
  readonly upsertAccount: Statement<[Account]>;
  readonly upsertHistory: Statement<[Omit<Account, 'firstRecorded'>]>;
  readonly group: Statement<[string, string, string], { micro: number }>;
  readonly upsertGroup: Statement<[Group]>;
  readonly deleteGroup: Statement<[Group]>;
  readonly groupsOfActivity: Statement<[string], Group>;
  readonly activityHours: Statement<[string, string, string], { hours: number | null }>;
  readonly unassignedHours: Statement<[string, string], { hours: number | null }>;
  readonly links: Statement<[string], LinkRow>;
  readonly closedOn: Statement<[string], { closedOn: string | null }>;
  readonly activitiesOfObjective: Statement<[string], { activityId: string }>;
}

const prepare = (db: Database): Statements => ({
  account: db.prepare(
    `SELECT micro, aligned, first_recorded AS firstRecorded, recorded_from AS recordedFrom FROM alignment_account
     WHERE pmo_id = ? AND worked_on = ? AND account = ?`,
  ),
  upsertAccount: db.prepare(
    `INSERT INTO alignment_account (pmo_id, worked_on, account, micro, aligned, first_recorded, recorded_from)
     VALUES (@pmoId, @workedOn, @account, @micro, @aligned, @firstRecorded, @recordedFrom)
     ON CONFLICT (pmo_id, worked_on, account)
     DO UPDATE SET micro = excluded.micro, aligned = excluded.aligned, recorded_from = excluded.recorded_from`,
  ),
  upsertHistory: db.prepare(
    `INSERT INTO alignment_account_history (pmo_id, worked_on, account, recorded_from, micro, aligned)
     VALUES (@pmoId, @workedOn, @account, @recordedFrom, @micro, @aligned)
     ON CONFLICT (pmo_id, worked_on, account, recorded_from)
     DO UPDATE SET micro = excluded.micro, aligned = excluded.aligned`,
  ),
  group: db.prepare('SELECT micro FROM alignment_work_day WHERE activity_id = ? AND worked_on = ? AND pmo_id = ?'),
  upsertGroup: db.prepare(
    `INSERT INTO alignment_work_day (activity_id, worked_on, pmo_id, micro) VALUES (@activityId, @workedOn, @pmoId, @micro)
     ON CONFLICT (activity_id, worked_on, pmo_id) DO UPDATE SET micro = excluded.micro`,
  ),
  deleteGroup: db.prepare(
    'DELETE FROM alignment_work_day WHERE activity_id = @activityId AND worked_on = @workedOn AND pmo_id = @pmoId',
  ),
  groupsOfActivity: db.prepare(
    `SELECT activity_id AS activityId, worked_on AS workedOn, pmo_id AS pmoId, micro
     FROM alignment_work_day WHERE activity_id = ?`,
  ),
  // Summed as the entry-by-entry crediting sums them (the same index, so the same order), then
  // rounded once: a group's hours are what that crediting would give the rule.
  activityHours: db.prepare(
    `SELECT SUM(hours) AS hours FROM work_version
     WHERE pmo_id = ? AND worked_on = ? AND activity_id = ? AND retracted = 0 AND recorded_to IS NULL`,
  ),
  unassignedHours: db.prepare(
    `SELECT SUM(hours) AS hours FROM work_version
     WHERE pmo_id = ? AND worked_on = ? AND activity_id IS NULL AND retracted = 0 AND recorded_to IS NULL`,
  ),
  links: db.prepare(
    `SELECT activity_id AS activityId, objective_id AS objectiveId, weight, effective_from AS effectiveFrom,
       ended_on AS endedOn
     FROM link_version WHERE activity_id = ? AND recorded_to IS NULL ORDER BY link_no`,
  ),
  closedOn: db.prepare('SELECT closed_on AS closedOn FROM objective_version WHERE objective_id = ? AND recorded_to IS NULL'),
  activitiesOfObjective: db.prepare(
    'SELECT DISTINCT activity_id AS activityId FROM link_version WHERE objective_id = ? AND recorded_to IS NULL',
  ),
});

/** One activity's links and the closing days of their objectives, as they stood when taken. */
class ActivityCrediting {
  constructor(
    private readonly links: readonly LinkRow[],
    private readonly closedOn: ReadonlyMap<string, string | null | undefined>,
  ) {}

  private readonly isActiveOn = (objectiveId: string, day: string): boolean => {
    const closedOn = this.closedOn.get(objectiveId);
    return closedOn !== undefined && objectiveActiveOn(closedOn, day);
  };

  credit(workedOn: string, micro: number): MicroCrediting {
    return creditMicro(this.links, workedOn, micro, this.isActiveOn);
  }
}

const NOTHING = new ActivityCrediting([], new Map());

/**
 * Keeps alignment_work_day and the accounts (alignment.schema.ts) in step with the versioned facts
 * the projection writes. The projection tells it what changed after writing the facts; it reads
 * the facts back, so it applies the same crediting rule as the reader's entry-by-entry path.
 *
 * State lives for one batch (flush writes it, clear drops it): accounts and groups touched many
 * times in a batch are read once and written once.
 */
export class CreditLedger {
  private readonly accounts = new Map<string, Account>();
  private readonly history = new Map<string, Omit<Account, 'firstRecorded'>>();
  private readonly groups = new Map<string, Group & { dirty: boolean }>();
  private readonly creditings = new Map<string, ActivityCrediting>();

  constructor(
    private readonly s: Statements,
    private readonly periods: PeriodLedger,
  ) {}

  static for(db: Database): CreditLedger {
    return new CreditLedger(prepare(db), new PeriodLedger(db));
  }

  /**
   * After a work entry of (pmo, activity, day) was logged, corrected or retracted: credits the
   * group's hours now in place of what was credited for it before.
   */
  regroup(pmoId: string, activityId: string | null, workedOn: string, at: string): void {
    const group = this.group(pmoId, activityId ?? NO_ACTIVITY, workedOn);
    const row = activityId === null ? this.s.unassignedHours.get(pmoId, workedOn) : this.s.activityHours.get(pmoId, workedOn, activityId);
    const micro = toMicroHours(row?.hours ?? 0);
    if (micro === group.micro) return;
    const crediting = activityId === null ? NOTHING : this.crediting(activityId);
    this.post(pmoId, workedOn, at, group.micro, crediting.credit(workedOn, group.micro), micro, crediting.credit(workedOn, micro));
    group.micro = micro;
    group.dirty = true;
  }

  /**
   * Runs `change` (new link versions, an objective defined or closed) and re-credits every day of
   * work on the activities it affects: what they were credited before, taken out, and what they
   * are credited now, put in.
   */
  recredit(activityIds: readonly string[], at: string, change: () => void): void {
    if (activityIds.length === 0) {
      change();
      this.creditings.clear();
      return;
    }
    this.writeGroups();
    const before = activityIds.map((id) => this.crediting(id));
    change();
    this.creditings.clear();
    activityIds.forEach((activityId, index) => {
      const was = before[index] as ActivityCrediting;
      const is = this.crediting(activityId);
      for (const { pmoId, workedOn, micro } of this.s.groupsOfActivity.all(activityId)) {
        this.post(pmoId, workedOn, at, micro, was.credit(workedOn, micro), micro, is.credit(workedOn, micro));
      }
    });
  }

  /** The activities whose crediting an objective's status takes part in: those linked to it now. */
  activitiesServing(objectiveId: string): string[] {
    return this.s.activitiesOfObjective.all(objectiveId).map((row) => row.activityId);
  }

  /** Writes what the batch changed; runs inside the batch transaction, before its checkpoint. */
  flush(): void {
    this.writeGroups();
    for (const account of this.accounts.values()) this.s.upsertAccount.run(account);
    for (const value of this.history.values()) this.s.upsertHistory.run(value);
    this.periods.flush();
    this.accounts.clear();
    this.history.clear();
  }

  /** Drops the batch's state, written or rolled back. */
  clear(): void {
    this.accounts.clear();
    this.history.clear();
    this.groups.clear();
    this.creditings.clear();
    this.periods.clear();
  }

  private group(pmoId: string, activityId: string, workedOn: string): Group & { dirty: boolean } {
    const key = `${activityId}\u0000${workedOn}\u0000${pmoId}`;
    let group = this.groups.get(key);
    if (!group) {
      const micro = this.s.group.get(activityId, workedOn, pmoId)?.micro ?? 0;
      group = { activityId, workedOn, pmoId, micro, dirty: false };
      this.groups.set(key, group);
    }
    return group;
  }

  private writeGroups(): void {
    for (const group of this.groups.values()) {
      if (!group.dirty) continue;
      if (group.micro === 0) this.s.deleteGroup.run(group);
      else this.s.upsertGroup.run(group);
      group.dirty = false;
    }
  }

  private crediting(activityId: string): ActivityCrediting {
    let crediting = this.creditings.get(activityId);
    if (!crediting) {
      const links = this.s.links.all(activityId);
      const closedOn = new Map(links.map((link) => [link.objectiveId, this.s.closedOn.get(link.objectiveId)?.closedOn]));
      crediting = new ActivityCrediting(links, closedOn);
      this.creditings.set(activityId, crediting);
    }
    return crediting;
  }

  /** Moves a day's accounts from one crediting of some hours to another. */
  private post(
    pmoId: string,
    workedOn: string,
    at: string,
    wasMicro: number,
    was: MicroCrediting,
    isMicro: number,
    is: MicroCrediting,
  ): void {
    const aligned = (is.aligned ? isMicro : 0) - (was.aligned ? wasMicro : 0);
    if (isMicro !== wasMicro || aligned !== 0) this.change(pmoId, workedOn, DAY_ACCOUNT, isMicro - wasMicro, aligned, at);
    const deltas = new Map<string, number>();
    for (const credit of was.credits) deltas.set(credit.objectiveId, (deltas.get(credit.objectiveId) ?? 0) - credit.micro);
    for (const credit of is.credits) deltas.set(credit.objectiveId, (deltas.get(credit.objectiveId) ?? 0) + credit.micro);
    for (const [objectiveId, delta] of deltas) if (delta !== 0) this.change(pmoId, workedOn, objectiveId, delta, 0, at);
  }

  private change(pmoId: string, workedOn: string, account: string, micro: number, aligned: number, at: string): void {
    const key = `${pmoId}\u0000${workedOn}\u0000${account}`;
    let current = this.accounts.get(key);
    if (!current) {
      const row = this.s.account.get(pmoId, workedOn, account);
      current = {
        pmoId,
        workedOn,
        account,
        micro: row?.micro ?? 0,
        aligned: row?.aligned ?? 0,
        firstRecorded: row?.firstRecorded ?? at,
        recordedFrom: row?.recordedFrom ?? at,
      };
      this.accounts.set(key, current);
    }
    if (at < current.recordedFrom) {
      // A value would then hold before the one it was computed from.
      throw new Error(`alignment_account: event recorded at ${at} precedes the account's value recorded at ${current.recordedFrom}`);
    }
    current.micro += micro;
    current.aligned += aligned;
    current.recordedFrom = at;
    this.periods.change(pmoId, workedOn, account, micro, aligned);
    const { firstRecorded: _, ...value } = current;
    this.history.set(`${key}\u0000${at}`, value);
  }
}
