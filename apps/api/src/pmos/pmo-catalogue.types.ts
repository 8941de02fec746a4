import { ComplianceRow } from '../standards/standard.types';
import { Field, ObjectType } from '@nestjs/graphql';
import { CatalogueKind } from '../graphql/enums';
import { LocalDateScalar } from '../graphql/scalars';
import { Pmo } from './pmo.types';

@ObjectType()
export class PmoCatalogueItem {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => LocalDateScalar) since!: string;
}

@ObjectType({ description: 'One period during which a PMO offered a service or used a tool' })
export class PmoCatalogueChange {
  @Field(() => CatalogueKind) kind!: CatalogueKind;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => LocalDateScalar, { description: 'the day it started' }) since!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'the day it stopped (the first day without it); null while current' })
  until!: string | null;
  @Field(() => String, { nullable: true }) declaredReason!: string | null;
  @Field(() => String, { nullable: true }) retiredReason!: string | null;
}

@ObjectType()
export class PmoDifference {
  @Field(() => Pmo) pmo!: Pmo;
  @Field(() => [String]) services!: string[];
  @Field(() => [String]) tools!: string[];
}

@ObjectType()
export class PmoComparison {
  @Field(() => [Pmo]) pmos!: Pmo[];
  @Field(() => LocalDateScalar, { description: 'the day compared' }) on!: string;
  @Field(() => [String]) commonServices!: string[];
  @Field(() => [String]) commonTools!: string[];
  @Field(() => [PmoDifference], { description: 'per PMO, what it has that the others lack' }) only!: PmoDifference[];
  @Field(() => [ComplianceRow], { description: "standards the compared PMOs follow at different versions, or not at all: each compared PMO's row of them" })
  standardGaps!: ComplianceRow[];
}
