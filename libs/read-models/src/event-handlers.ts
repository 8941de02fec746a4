import type { ThroughlineEvent, ThroughlineEventOf, ThroughlineEventType } from '@throughline/domain';
import type { RecordedEvent } from '@throughline/event-store';

/**
 * A projection's handlers, one per domain event type it reads, each given that type's event:
 * a handler for `WorkLogged` sees `WorkLogged['data']`, and a misspelt type name does not compile.
 */
export type EventHandlers<C> = {
  readonly [T in ThroughlineEventType]?: (event: ThroughlineEventOf<T>, context: C) => void;
};

/**
 * The one place where a stored event becomes a typed domain event. The store keeps, under a
 * domain event's type name, the payload the domain wrote (lifted to the newest shape by the
 * upcasters), so the type name is what tells the payload's shape; an event no handler names is
 * never given to one.
 */
const isHandled = <C>(handlers: EventHandlers<C>, event: RecordedEvent): event is RecordedEvent & ThroughlineEvent =>
  Object.hasOwn(handlers, event.type);

const run = <T extends ThroughlineEventType, C>(
  handlers: EventHandlers<C>,
  event: ThroughlineEventOf<T> & { readonly type: T },
  context: C,
): void => {
  const handler: EventHandlers<C>[T] = handlers[event.type];
  handler?.(event, context);
};

/** Hands the event to the handler for its type, if the projection has one. */
export const dispatch = <C>(handlers: EventHandlers<C>, event: RecordedEvent, context: C): void => {
  if (isHandled(handlers, event)) run(handlers, event, context);
};
