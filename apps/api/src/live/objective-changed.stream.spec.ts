import { GraphQLError } from 'graphql';
import type { Objective } from '../objectives/objective.types';
import { InMemoryLiveLog, row } from './live-log.fixture';
import { ObjectiveChangedStream, type ObjectiveChangedOptions } from './objective-changed.stream';

const X = '0b7c6f0e-0000-4000-8000-00000000000a';
const Y = '0b7c6f0e-0000-4000-8000-00000000000b';
const Z = '0b7c6f0e-0000-4000-8000-00000000000c';

describe('an objectiveChanged stream', () => {
  let log: InMemoryLiveLog;
  /** What objective(id) shows now, by id. */
  let shown: Map<string, Objective>;
  let position: number;

  const set = (id: string, pmoId: string, revision: number) => shown.set(id, { id, pmoId, revision, currentValue: revision } as Objective);
  /** A batch of changes, each to an objective's stream. */
  const changes = (...ids: string[]) => log.apply(ids.map((id) => row((position += 1), null, `objective-${id}`)));
  const stream = (options: Partial<ObjectiveChangedOptions> = {}) =>
    new ObjectiveChangedStream(log, { pmoId: null, current: async (id) => shown.get(id) ?? null, mayRead: () => true, backlog: 100, ...options });
  const take = async (s: ObjectiveChangedStream) => {
    const next = await s.next();
    return next.done ? null : { id: next.value.id, revision: next.value.revision };
  };

  beforeEach(() => {
    log = new InMemoryLiveLog();
    shown = new Map();
    position = 0;
  });

  it('delivers each changed objective in its latest state, once however often it changed while waiting', async () => {
    const s = stream();
    set(X, 'pmo-a', 1);
    changes(X);
    set(Y, 'pmo-a', 1);
    changes(Y);
    set(X, 'pmo-a', 2);
    changes(X);

    expect([await take(s), await take(s)]).toEqual([
      { id: X, revision: 2 },
      { id: Y, revision: 1 },
    ]);
  });

  it("ignores the other streams' events, and never delivers a state it already delivered", async () => {
    const s = stream();
    set(X, 'pmo-a', 1);
    changes(X);
    expect(await take(s)).toEqual({ id: X, revision: 1 });

    const next = take(s);
    log.apply([row((position += 1), 'pmo-a', `pmo-${X}`)]);
    changes(X);
    set(Y, 'pmo-a', 4);
    changes(Y);

    expect(await next).toEqual({ id: Y, revision: 4 });
  });

  it("delivers only the PMO's objectives, and only those the caller may read", async () => {
    const s = stream({ pmoId: 'pmo-a', mayRead: (objective) => objective.id !== Z });
    set(X, 'pmo-b', 1);
    set(Y, 'pmo-a', 1);
    set(Z, 'pmo-a', 1);

    changes(X, Z, Y);

    expect(await take(s)).toEqual({ id: Y, revision: 1 });
  });

  it('ends with an error when more changed objectives wait than its backlog, and stops following', async () => {
    const s = stream({ backlog: 2 });
    for (const id of [X, Y, Z]) set(id, 'pmo-a', 1);

    changes(X, Y, Z);

    const failure = await s.next().catch((error: unknown) => error);
    expect((failure as GraphQLError).extensions).toEqual({ code: 'SUBSCRIPTION_BACKLOG_FULL' });
    expect(log.followers.size).toBe(0);
  });
});
