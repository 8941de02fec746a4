import { GraphQLError } from 'graphql';
import { EventRecordedStream, type EventRecordedOptions } from './event-recorded.stream';
import { InMemoryLiveLog, row, rows } from './live-log.fixture';

const positions = (values: readonly bigint[]) => values.map(Number);

describe('an eventRecorded stream', () => {
  let log: InMemoryLiveLog;

  const stream = (options: Partial<EventRecordedOptions<bigint>> = {}) =>
    new EventRecordedStream(log, { filter: {}, after: null, mayRead: () => true, show: async (r) => r.position, backlog: 1000, ...options });

  /** The next `count` deliveries. */
  const pull = async (s: EventRecordedStream<bigint>, count: number): Promise<bigint[]> => {
    const values: bigint[] = [];
    for (let i = 0; i < count; i++) {
      const next = await s.next();
      if (next.done) throw new Error(`ended after ${values.length}`);
      values.push(next.value);
    }
    return values;
  };

  beforeEach(() => {
    log = new InMemoryLiveLog();
  });

  it('delivers what was recorded after the position, page after page, then what is applied later: each once, in order', async () => {
    log.apply(rows(1, 250));
    const s = stream({ after: 10n });

    const first = await pull(s, 5);
    // Applied while it is still reading pages: these are in the log when the pages reach them.
    log.apply(rows(251, 253));
    const rest = await pull(s, 243 - 5);
    log.apply(rows(254, 255));
    const live = await pull(s, 2);

    expect(positions([...first, ...rest, ...live])).toEqual(Array.from({ length: 245 }, (_, i) => i + 11));
    expect(log.pagesRead).toBe(3);
  });

  it('without a position, starts from now: nothing already recorded, everything applied later', async () => {
    log.apply(rows(1, 5));
    const s = stream();

    log.apply(rows(6, 7));

    expect(positions(await pull(s, 2))).toEqual([6, 7]);
    expect(log.pagesRead).toBe(0);
  });

  it('holds every row to the filter and to what the caller may read, caught up and live alike', async () => {
    const pmoOf = (p: number) => (p % 3 === 0 ? 'pmo-a' : p % 3 === 1 ? 'pmo-b' : null);
    log.apply(rows(1, 9, pmoOf));
    const s = stream({ after: 0n, filter: { types: ['ProgressRecorded'] }, mayRead: (r) => r.pmoId === 'pmo-a' });

    const caughtUp = await pull(s, 3);
    log.apply(rows(10, 15, pmoOf));

    expect(positions([...caughtUp, ...(await pull(s, 2))])).toEqual([3, 6, 9, 12, 15]);
  });

  it('delivers nothing twice when a batch is applied again (a rebuild replays the log)', async () => {
    log.apply(rows(1, 5));
    const s = stream({ after: 3n });
    expect(positions(await pull(s, 2))).toEqual([4, 5]);

    const next = s.next();
    log.apply(rows(2, 5));
    log.apply([row(6)]);

    expect(await next).toEqual({ value: 6n, done: false });
  });

  it('when more than its backlog waits for the client, ends with an error naming where to resume, and stops following', async () => {
    const s = stream({ backlog: 3 });
    log.apply(rows(1, 2));
    expect(positions(await pull(s, 1))).toEqual([1]);

    log.apply(rows(3, 5));

    const failure = await s.next().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphQLError);
    expect((failure as GraphQLError).extensions).toEqual({ code: 'SUBSCRIPTION_BACKLOG_FULL', after: '1' });
    expect((failure as GraphQLError).message).toContain('subscribe again with after: 1');
    expect(await s.next()).toEqual({ value: undefined, done: true });
    expect(log.followers.size).toBe(0);
  });

  it('ends a pull that is waiting when the client leaves, and stops following', async () => {
    const s = stream();
    const ended: string[] = [];
    s.whenEnded(() => ended.push('ended'));
    const waiting = s.next();

    await s.return();

    expect(await waiting).toEqual({ value: undefined, done: true });
    expect(log.followers.size).toBe(0);
    expect(ended).toEqual(['ended']);
  });

  it('ends with the error its client is sent when showing a row fails, and stops following', async () => {
    log.apply(rows(1, 3));
    const sent = new GraphQLError('Internal error; quote correlation id c-1 when reporting it', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const failures: unknown[] = [];
    const s = stream({
      after: 0n,
      show: async (r) => {
        if (r.position === 2n) throw new Error('the key store did not answer');
        return r.position;
      },
      toClient: (error) => {
        failures.push(error);
        return sent;
      },
    });

    expect(positions(await pull(s, 1))).toEqual([1]);
    await expect(s.next()).rejects.toBe(sent);

    expect(failures).toEqual([new Error('the key store did not answer')]);
    expect(await s.next()).toEqual({ value: undefined, done: true });
    expect(log.followers.size).toBe(0);
  });
});
