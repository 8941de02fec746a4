import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionKind, NetworkGroupKind, TouchpointVehicle } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType({ description: 'A group a PMO manages part of its network in' })
export class NetworkGroup extends NodeFields {
  // pmo, members, lastTouchpointOn and nextDueOn: resolved by field resolvers (network-group.resolver.ts).
  @Field(() => NetworkGroupKind) kind!: NetworkGroupKind;
  @Field() name!: string;
  @Field(() => ConnectionKind) connection!: ConnectionKind;
  @Field(() => LocalDateScalar, { description: 'the day the group was formed' }) formedOn!: string;
  @Field(() => Int, { description: 'how often the PMO means to be in touch with the group, in days' }) cadenceDays!: number;
  @Field(() => [TouchpointVehicle]) vehicles!: TouchpointVehicle[];
  @Field(() => DateTimeScalar, { description: 'when the group was recorded' }) formedAt!: string;
  @Field(() => Int, { description: 'stream revision, for expectedRevision' }) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  pmoId!: string;
  memberIds!: readonly string[];
  asOf!: string | null;
}
