import { Inject, Injectable } from '@nestjs/common';
import { dayOf, workdayDecider, type WorkdayCommand, type WorkdayStep } from '@throughline/domain';
import { handleCommand, KeyedLock, loadFolded, NO_VIEW, StateCache, type EventStore, type GlobalPosition } from '@throughline/event-store';
import { Clock } from '../common/clock';
import type { RequestContext } from '../common/request-context';
import { EVENT_STORE } from '../common/tokens';
import { PERSON_DAY_ENTRIES, type PersonDayEntries } from './person-day-entries';
import { workdayStreamId } from './workday-id';

/**
 * Two instances counting on one day both read it, and one append fails at the revision it read:
 * each failed attempt means another count was recorded, so the loop ends well before this.
 */
const MAX_ATTEMPTS = 50;

const WORKDAY = { decider: workdayDecider, view: NO_VIEW };

/**
 * Records the steps a work command takes on its person's days (count, release) in the workday
 * streams. Each is decided on the day as the store has it and appended at the revision read, so
 * the 24-hour rule holds however many instances count on the same day at once.
 */
@Injectable()
export class WorkdayLedger {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly cache: StateCache,
    private readonly lock: KeyedLock,
    @Inject(PERSON_DAY_ENTRIES) private readonly entries: PersonDayEntries,
  ) {}

  /** Takes the steps in order; a count the day refuses throws WORK_DAY_OVER_24H. The last append's position, if any. */
  async take(steps: readonly WorkdayStep[], caller: RequestContext, reason?: string | null): Promise<GlobalPosition | null> {
    let position: GlobalPosition | null = null;
    for (const step of steps) position = (await this.takeOne(step, caller, reason)) ?? position;
    return position;
  }

  private async takeOne(step: WorkdayStep, caller: RequestContext, reason?: string | null): Promise<GlobalPosition | null> {
    const stream = workdayStreamId(step.person, step.day);
    const start = await loadFolded(this.store, WORKDAY, stream, this.cache);
    const command: WorkdayCommand =
      step.kind === 'release'
        ? { type: 'ReleaseWorkdayHours', workEntryId: step.workEntryId }
        : {
            type: 'CountWorkdayHours',
            workEntryId: step.workEntryId,
            person: step.person,
            day: step.day,
            hours: step.hours,
            // Read only for a day not opened yet: its entries all predate the workday streams
            // (any later one was counted here first), so this instance's read models hold them.
            opening: start.state.status === 'NONE' ? this.entries.personDayEntries(step.person, step.day) : [],
          };
    const now = this.clock.now().toISOString();
    const { principal, correlationId } = caller;
    const outcome = await handleCommand(
      this.store,
      workdayDecider,
      {
        streamId: stream,
        command,
        context: { now, today: dayOf(now), actor: principal.subject },
        // No commandId: that belongs to the work command, whose repeat must find its own stream.
        metadata: { actor: principal.subject, correlationId, ...(reason ? { reason } : {}) },
      },
      { cache: this.cache, lock: this.lock, start, maxAttempts: MAX_ATTEMPTS },
    );
    return outcome.position;
  }
}
