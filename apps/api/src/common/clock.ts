/** The application's only source of "now"; the domain receives time through command context. */
export abstract class Clock {
  abstract now(): Date;

  /** The current calendar day in UTC, the day the service judges dates against. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

const DAY_MS = 86_400_000;

export class SystemClock extends Clock {
  private day = '';
  private dayStartsAt = 0;
  private dayEndsAt = 0;

  now(): Date {
    return new Date();
  }

  /**
   * The day is read a few times in every request (health, windows, as-of defaults): it is worked
   * out again only when the time has left the UTC day it was worked out for, either way.
   */
  override today(): string {
    const ms = Date.now();
    if (ms < this.dayStartsAt || ms >= this.dayEndsAt) {
      this.dayStartsAt = Math.floor(ms / DAY_MS) * DAY_MS;
      this.dayEndsAt = this.dayStartsAt + DAY_MS;
      this.day = new Date(ms).toISOString().slice(0, 10);
    }
    return this.day;
  }
}
