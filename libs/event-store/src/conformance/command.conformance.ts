import { randomUUID } from 'node:crypto';
import { CommandAlreadyRecordedError } from '../errors';
import { newEvent, newEvents, newStreamId, type StoreUnderTest } from './conformance-fixtures';

export function describeCommandConformance(store: StoreUnderTest): void {
  describe('commands', () => {
    const command = () => ({ id: randomUUID(), hash: randomUUID() });

    it('finds nothing for a command id never used', async () => {
      expect(await store().findCommand(randomUUID())).toBeNull();
    });

    it('records a command with the revisions it appended, in the same write', async () => {
      const streamId = newStreamId();
      const cmd = command();
      await store().append(streamId, [newEvent()], 'no_stream');
      const result = await store().append(streamId, newEvents(2), 0, { command: cmd });

      expect(await store().findCommand(cmd.id)).toEqual({
        commandId: cmd.id,
        commandHash: cmd.hash,
        streamId,
        fromRevision: 1,
        toRevision: 2,
        recordedAt: result.recordedAt,
      });
    });

    it('refuses a second append with the same command id and appends nothing', async () => {
      const streamId = newStreamId();
      const cmd = command();
      await store().append(streamId, newEvents(2), 'no_stream', { command: cmd });
      const record = await store().findCommand(cmd.id);
      const headBefore = await store().headPosition();

      // A retry carries the revision it read before the first attempt; it must still learn that
      // the command already ran, and the same holds for another stream or another payload hash.
      const retries = [
        store().append(streamId, newEvents(2), 'no_stream', { command: cmd }),
        store().append(streamId, [newEvent()], 'any', { command: cmd }),
        store().append(newStreamId(), [newEvent()], 'no_stream', { command: { id: cmd.id, hash: 'other' } }),
      ];
      for (const retry of retries) {
        const error = await retry.catch((failure: unknown) => failure);
        expect(error).toBeInstanceOf(CommandAlreadyRecordedError);
        expect((error as CommandAlreadyRecordedError).record).toEqual(record);
      }

      expect(await store().streamRevision(streamId)).toBe(1);
      expect(await store().headPosition()).toBe(headBefore);
    });

    it('lets exactly one of two concurrent appends with the same command id win', async () => {
      const cmd = command();
      const streams = [newStreamId(), newStreamId()];

      const outcomes = await Promise.allSettled(
        streams.map((streamId) => store().append(streamId, newEvents(2), 'no_stream', { command: cmd })),
      );

      const winners = outcomes.filter((o) => o.status === 'fulfilled');
      const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0].reason).toBeInstanceOf(CommandAlreadyRecordedError);

      const winner = streams[outcomes.indexOf(winners[0])];
      const loser = streams.find((s) => s !== winner) as string;
      expect(await store().findCommand(cmd.id)).toMatchObject({ streamId: winner, fromRevision: 0, toRevision: 1 });
      expect(await store().streamRevision(winner)).toBe(1);
      expect(await store().streamRevision(loser)).toBe(-1);
    });
  });
}
