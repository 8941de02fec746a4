import type { GlobalPosition } from '@throughline/event-store';
import { ProjectorTimeoutError } from './projector-errors';

interface Waiter {
  readonly position: GlobalPosition;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer?: NodeJS.Timeout;
}

/** Callers waiting for the read models to reach a position (read your writes). */
export class PositionWaiters {
  private waiting: Waiter[] = [];

  /** `reached` tells a timed-out waiter how far the read models got. */
  constructor(private readonly reached: () => GlobalPosition | null) {}

  /** Resolves on the first release() at or past `position`; rejects after `timeoutMs` if given. */
  add(position: GlobalPosition, timeoutMs?: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.waiting = this.waiting.filter((w) => w !== waiter);
              reject(new ProjectorTimeoutError(position, this.reached(), timeoutMs));
            }, timeoutMs);
      const waiter: Waiter = { position, resolve, reject, timer };
      this.waiting.push(waiter);
    });
  }

  /** Resolves every waiter the read models now include. */
  release(position: GlobalPosition): void {
    this.waiting = this.waiting.filter((waiter) => {
      if (waiter.position > position) return true;
      clearTimeout(waiter.timer);
      waiter.resolve();
      return false;
    });
  }

  rejectAll(error: Error): void {
    const rejected = this.waiting;
    this.waiting = [];
    for (const waiter of rejected) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }
}
