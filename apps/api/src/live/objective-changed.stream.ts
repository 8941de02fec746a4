import { GraphQLError } from 'graphql';
import type { AuditRow } from '@throughline/read-models';
import { CATEGORY, entityIdOf } from '@throughline/runtime';
import type { Objective } from '../objectives/objective.types';
import { LiveStream, type LiveLog } from './live-stream';

const OBJECTIVE_STREAM = `${CATEGORY.objective}-`;

export interface ObjectiveChangedOptions {
  /** Only objectives of this PMO; null: of any PMO. */
  readonly pmoId: string | null;
  /** The objective as objective(id) shows it now; null when there is none. */
  readonly current: (objectiveId: string) => Promise<Objective | null>;
  /** Whether the caller may read the objective (the permission objective(id) declares). */
  readonly mayRead: (objective: Objective) => boolean;
  /** Changed objectives that may wait for the client before the subscription ends. */
  readonly backlog: number;
  /** The error the client is sent for whatever the stream fails with. */
  readonly toClient?: (error: unknown) => Error;
}

/**
 * Each objective after it changes, as objective(id) would show it then. The ids of objectives
 * changed by a batch wait in the order they first changed; an objective that changes again while
 * waiting is delivered once, in its latest state (so what waits is bounded by the number of
 * objectives, and a client never sees a state older than the read model's). The state is read
 * when delivered, so it is never older than the change that announced it; a state already
 * delivered is not delivered again.
 */
export class ObjectiveChangedStream extends LiveStream<Objective> {
  private readonly changed = new Set<string>();
  private readonly shownRevision = new Map<string, number>();

  constructor(
    feed: LiveLog,
    private readonly options: ObjectiveChangedOptions,
  ) {
    super(options.toClient);
    this.whenEnded(feed.follow(this));
  }

  accept(rows: readonly AuditRow[]): void {
    if (this.isClosed) return;
    for (const row of rows) if (row.streamId.startsWith(OBJECTIVE_STREAM)) this.changed.add(entityIdOf(row.streamId));
    if (this.changed.size > this.options.backlog) {
      this.fail(
        new GraphQLError(`more than ${this.options.backlog} changed objectives waited for this client; read them again and subscribe anew`, {
          extensions: { code: 'SUBSCRIPTION_BACKLOG_FULL' },
        }),
      );
      return;
    }
    this.notify();
  }

  protected async take(): Promise<Objective | undefined> {
    for (const id of this.changed) {
      this.changed.delete(id);
      const objective = await this.options.current(id);
      if (!objective || !this.wanted(objective)) continue;
      if (this.shownRevision.get(id) === objective.revision) continue;
      this.shownRevision.set(id, objective.revision);
      return objective;
    }
    return undefined;
  }

  private wanted(objective: Objective): boolean {
    return (this.options.pmoId === null || objective.pmoId === this.options.pmoId) && this.options.mayRead(objective);
  }
}
