import type { EventStore } from '@throughline/event-store';
import type { ServiceMetrics } from './service-metrics';

/**
 * Times every append to the store, whoever makes it. The instance's own method is replaced rather
 * than the store wrapped: the projector and the command path hold this very object, and a wrapper
 * would hide what else an adapter offers (EventStoreDB's subscription to $all).
 */
export function timeAppends(store: EventStore, metrics: ServiceMetrics): void {
  const append = store.append.bind(store);
  store.append = async (...args) => {
    const end = metrics.appends.startTimer();
    try {
      const result = await append(...args);
      end({ outcome: 'ok' });
      return result;
    } catch (error) {
      end({ outcome: 'failed' });
      throw error;
    }
  };
}
