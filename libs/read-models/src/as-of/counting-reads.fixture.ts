import type { EventStore, ReadStreamOptions } from '@throughline/event-store';

/** A stream reader over `store` that counts the events it hands out, for specs of how far a fold reads. */
export const countingReads = (store: Pick<EventStore, 'readStream'>) => {
  let eventsRead = 0;
  const counting: Pick<EventStore, 'readStream'> = {
    readStream: async (streamId: string, options?: ReadStreamOptions) => {
      const events = await store.readStream(streamId, options);
      eventsRead += events.length;
      return events;
    },
  };
  return { counting, eventsRead: () => eventsRead, resetReads: () => (eventsRead = 0) };
};
