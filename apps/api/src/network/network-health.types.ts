import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { TouchpointVehicle } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';

@ObjectType()
export class VehicleShare {
  @Field(() => TouchpointVehicle) vehicle!: TouchpointVehicle;
  @Field(() => Int) touchpoints!: number;
  @Field(() => Float) share!: number;
}

@ObjectType({ description: 'How one group stands on the day judged' })
export class GroupHealth {
  // group: resolved by a field resolver (network-health.resolver.ts).
  @Field() overdue!: boolean;
  @Field(() => Int, { nullable: true }) daysSinceLastTouchpoint!: number | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'the latest touchpoint with the group held on or before the day judged' })
  lastTouchpointOn!: string | null;
  @Field(() => LocalDateScalar) nextDueOn!: string;
  @Field(() => Int, { description: 'touchpoints with the group in the 90 days up to the day judged' }) touchpoints!: number;
  @Field(() => [VehicleShare], { description: 'most used first' }) vehicles!: VehicleShare[];
  @Field(() => Float, { description: "share of those touchpoints through the group's most used vehicle" }) dominantVehicleShare!: number;
  @Field({ description: 'at least 5 touchpoints in the window and more than 60% of them through one vehicle' }) leaningOnOneVehicle!: boolean;

  /** Not exposed: resolved by field resolvers. */
  groupId!: string;
  asOf!: string | null;
}

@ObjectType({ description: "How healthy a PMO's network is on a day, as known at an instant" })
export class NetworkHealth {
  // pmo and neglected: resolved by field resolvers (network-health.resolver.ts).
  @Field(() => LocalDateScalar) on!: string;
  @Field(() => Int) contacts!: number;
  @Field(() => Int, { description: 'n(n+1)/2 for n contacts: the lines of contact that could exist between them and the PMO' }) potentialLines!: number;
  @Field(() => Int) newContactsLast90Days!: number;
  @Field({ description: 'no contact added in the 90 days up to the day judged' }) stale!: boolean;
  @Field(() => [GroupHealth]) groups!: GroupHealth[];
  @Field(() => Int) champions!: number;
  @Field(() => Int) critics!: number;
  @Field(() => Int, { description: 'touchpoints in the last 90 days that brought members of two or more groups together' }) crossGroupTouchpoints!: number;
  @Field(() => Int, { description: 'INTERNAL relationships, last 90 days: touchpoints where the PMO gave value, and where it received value' })
  valueGiven!: number;
  @Field(() => Int) valueReceived!: number;
  @Field(() => Int, { description: "assessments in the last 90 days that changed a contact's stance" }) stanceChanges!: number;

  /** Not exposed: resolved by field resolvers. */
  pmoId!: string;
  neglectedIds!: readonly string[];
  asOf!: string | null;
}

@ObjectType()
export class NetworkEdge {
  @Field(() => ID) from!: string;
  @Field(() => ID) to!: string;
  @Field(() => Int, { description: 'touchpoints the two took part in together' }) touchpoints!: number;
}

@ObjectType({ description: 'The network as a graph: contacts joined by the touchpoints they took part in together' })
export class NetworkMap {
  // nodes: resolved by a field resolver (network-health.resolver.ts).
  @Field(() => [NetworkEdge], { description: 'each pair once, the lesser id as from' }) edges!: NetworkEdge[];

  /** Not exposed: resolved by field resolvers. */
  nodeIds!: readonly string[];
  asOf!: string | null;
}
