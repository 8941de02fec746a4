import { randomUUID } from 'node:crypto';
import { eventually, newEvent, newEvents, newStreamId } from '../conformance/conformance-fixtures';
import { CommandAlreadyRecordedError, StoreUnavailableError } from '../errors';
import { COMMAND_STREAM_PREFIX } from './eventstoredb-command-claims';
import { useTestDouble } from './test-double/use-test-double';

/**
 * How long a call may take on a store whose test drops a request or an answer. The dropped call
 * fails only by running out of this deadline, but every other call on that store (reading the
 * claim, the head, writing the claim) runs under it too, so it must cover a slow machine: each of
 * those is one round trip to the in-process double, a few milliseconds when idle.
 */
const DROPPING_DEADLINE_MS = 1_500;

/** The command claim and the marked events are two writes; each can be missing after a failure. */
describe('EventStoreDbEventStore', () => {
  const { double, open } = useTestDouble();
  const command = (hash = 'payload-hash') => ({ id: randomUUID(), hash });
  const claimStream = (commandId: string) => `${COMMAND_STREAM_PREFIX}${commandId}`;

  describe('command idempotency when one of its two writes is missing', () => {
    it('does not count a claim whose events never arrived, and lets the retry into the same stream run', async () => {
      const store = open({ deadlineMs: DROPPING_DEADLINE_MS, commandLeaseMs: 60_000 });
      const streamId = newStreamId();
      const cmd = command();
      double().setAppendFault((name) => (name === streamId ? 'drop-request' : undefined));

      await expect(store.append(streamId, newEvents(2), 'no_stream', { command: cmd })).rejects.toBeInstanceOf(StoreUnavailableError);
      double().setAppendFault(null);
      expect(double().streamNames()).toContain(claimStream(cmd.id));
      expect(await store.findCommand(cmd.id)).toBeNull();

      const retry = await store.append(streamId, newEvents(2), 'no_stream', { command: cmd });
      expect(await store.findCommand(cmd.id)).toEqual({
        commandId: cmd.id,
        commandHash: cmd.hash,
        streamId,
        fromRevision: 0,
        toRevision: 1,
        recordedAt: retry.recordedAt,
      });
      expect(await store.streamRevision(streamId)).toBe(1);
    });

    it('holds a retry into another stream back while the claim may still land, and lets it run once the claim is fenced off', async () => {
      const store = open({ deadlineMs: DROPPING_DEADLINE_MS, commandLeaseMs: 60_000 });
      const [claimed, other] = [newStreamId(), newStreamId()];
      const cmd = command();
      double().setAppendFault((name) => (name === claimed ? 'drop-request' : undefined));
      await expect(store.append(claimed, newEvents(2), 'no_stream', { command: cmd })).rejects.toBeInstanceOf(StoreUnavailableError);
      double().setAppendFault(null);

      await expect(store.append(other, [newEvent()], 'no_stream', { command: cmd })).rejects.toThrow(/still being carried out/);
      expect(await store.streamRevision(other)).toBe(-1);

      // Another event takes the claimed revision: the claimed append can never land any more.
      await store.append(claimed, [newEvent()], 'no_stream');
      await store.append(other, [newEvent()], 'no_stream', { command: cmd });
      expect(await store.findCommand(cmd.id)).toMatchObject({ streamId: other, fromRevision: 0, toRevision: 0 });
    });

    it('lets a retry into another stream, from another instance, run once the claim is older than the lease', async () => {
      // The retry waits out the lease under its own deadline: the default, far longer than the lease.
      const [store, instance] = [open({ deadlineMs: DROPPING_DEADLINE_MS }), open({ commandLeaseMs: 200 })];
      const [claimed, other] = [newStreamId(), newStreamId()];
      const cmd = command();
      double().setAppendFault((name) => (name === claimed ? 'drop-request' : undefined));
      const first = store.append(claimed, newEvents(2), 'no_stream', { command: cmd }).catch((failure: unknown) => failure);
      await eventually(() => double().streamNames().includes(claimStream(cmd.id)));

      const retry = await instance.append(other, [newEvent()], 'no_stream', { command: cmd });

      expect(await first).toBeInstanceOf(StoreUnavailableError);
      expect(await store.findCommand(cmd.id)).toMatchObject({ streamId: other, fromRevision: 0, recordedAt: retry.recordedAt });
      expect(await store.streamRevision(claimed)).toBe(-1);
      // The retry ran only once the first claim had outlived its lease.
      const [firstClaim] = double().events().filter((event) => event.streamName === claimStream(cmd.id));
      const { claimedAt } = JSON.parse(Buffer.from(firstClaim.data).toString('utf8')) as { claimedAt: string };
      expect(Date.parse(retry.recordedAt) - Date.parse(claimedAt)).toBeGreaterThanOrEqual(200);
    });

    it('counts events whose answer was lost, so the retry appends nothing', async () => {
      const store = open({ deadlineMs: DROPPING_DEADLINE_MS });
      const streamId = newStreamId();
      const cmd = command();
      double().setAppendFault((name) => (name === streamId ? 'drop-answer' : undefined));

      await expect(store.append(streamId, newEvents(2), 'no_stream', { command: cmd })).rejects.toBeInstanceOf(StoreUnavailableError);
      double().setAppendFault(null);

      const stored = await store.readStream(streamId);
      const record = await store.findCommand(cmd.id);
      expect(record).toEqual({
        commandId: cmd.id,
        commandHash: cmd.hash,
        streamId,
        fromRevision: 0,
        toRevision: 1,
        recordedAt: stored[0].metadata.recordedAt,
      });
      for (const target of [streamId, newStreamId()]) {
        const error = await store.append(target, newEvents(2), 'any', { command: cmd }).catch((failure: unknown) => failure);
        expect(error).toBeInstanceOf(CommandAlreadyRecordedError);
        expect((error as CommandAlreadyRecordedError).record).toEqual(record);
      }
      expect(await store.streamRevision(streamId)).toBe(1);
    });

    it('does not count a claim whose revision another writer took, so the command can run elsewhere at once', async () => {
      const store = open({ commandLeaseMs: 60_000 });
      const [refused, other] = [newStreamId(), newStreamId()];
      const cmd = command();
      double().setAppendFault((name) => (name === refused ? 'concurrent-writer' : undefined));

      await expect(store.append(refused, newEvents(2), 'no_stream', { command: cmd })).rejects.toMatchObject({
        currentRevision: 0,
      });
      double().setAppendFault(null);
      expect(await store.findCommand(cmd.id)).toBeNull();

      await store.append(other, newEvents(2), 'no_stream', { command: cmd });
      expect(await store.findCommand(cmd.id)).toMatchObject({ streamId: other, fromRevision: 0, toRevision: 1 });
    });

    it('releases the claim when the server refuses the events outright, so the command can run elsewhere at once', async () => {
      // A generous deadline: a megabyte through gRPC on a busy machine must fail by refusal, not by time.
      const store = open({ deadlineMs: 15_000, commandLeaseMs: 60_000 });
      const [refused, other] = [newStreamId(), newStreamId()];
      const cmd = command();
      const tooLarge = newEvent('Attached', { blob: 'x'.repeat(1_100_000) });

      await expect(store.append(refused, [tooLarge], 'no_stream', { command: cmd })).rejects.toThrow(
        /larger than EventStoreDB at .* accepts at once \(1048576 bytes\)/,
      );
      expect(await store.streamRevision(refused)).toBe(-1);
      expect(await store.findCommand(cmd.id)).toBeNull();

      await store.append(other, [newEvent()], 'no_stream', { command: cmd });
      expect(await store.findCommand(cmd.id)).toMatchObject({ streamId: other, fromRevision: 0, toRevision: 0 });
    });
  });

});
