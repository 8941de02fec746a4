/** The application's only source of "now"; the domain receives time through command context. */
export abstract class Clock {
  abstract now(): Date;

  /** The current calendar day in UTC, the day the service judges dates against. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
