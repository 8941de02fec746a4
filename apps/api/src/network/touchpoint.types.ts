import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TouchpointVehicle, ValueDirection } from '../graphql/enums';
import { connectionType } from '../common/connections';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { NodeFields } from '../nodes/node.types';

@ObjectType({ description: 'One contact between the PMO and people of its network' })
export class Touchpoint extends NodeFields {
  // pmo, groups, contacts, summary and workEntry: resolved by field resolvers (touchpoint.resolver.ts).
  @Field(() => LocalDateScalar) heldOn!: string;
  @Field(() => TouchpointVehicle) vehicle!: TouchpointVehicle;
  @Field(() => ValueDirection, { nullable: true }) value!: ValueDirection | null;
  @Field() recordedBy!: string;
  @Field(() => DateTimeScalar) recordedAt!: string;
  @Field(() => Int, { description: 'stream revision' }) revision!: number;

  /** Not exposed: resolved by field resolvers. */
  pmoId!: string;
  contactIds!: readonly string[];
  groupIds!: readonly string[];
  workEntryId!: string | null;
  /** As the view holds it: opened only once every contact who took part is known not to be erased. */
  heldSummary!: string;
  asOf!: string | null;
}

export const TouchpointConnection = connectionType('Touchpoint', Touchpoint);
