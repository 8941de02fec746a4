import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { EventType as StoredType } from '@throughline/domain';
import { EventType } from '../graphql/enums';
import { RecordedEventNode } from './recorded-event.types';

/**
 * RecordedEvent.eventType: `type` as the enum, resolved from it rather than kept beside it, so the
 * audit export, which writes the node as it is, keeps its columns.
 */
@Resolver(() => RecordedEventNode)
export class RecordedEventTypeResolver {
  @ResolveField(() => EventType, { description: 'the same name as `type`, as an enum a client can list and check' })
  eventType(@Parent() event: RecordedEventNode): StoredType {
    // Every stored type is one the domain lists (event-types.spec.ts holds the lists to the unions).
    return event.type as StoredType;
  }
}
