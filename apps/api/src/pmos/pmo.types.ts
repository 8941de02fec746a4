import { Field, Int, ObjectType } from '@nestjs/graphql';
import { connectionType } from '../common/connections';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import type { CatalogueEntry } from '@throughline/domain';
import { MandatePurpose, PmoKind, PmoStatus } from '../graphql/enums';
import { NodeFields } from '../nodes/node.types';

@ObjectType()
export class Mandate {
  @Field(() => MandatePurpose) purpose!: MandatePurpose;
  @Field() statement!: string;
  @Field() sponsor!: string;
  @Field(() => LocalDateScalar) effectiveFrom!: string;
  @Field(() => Int, { description: '1 for the first mandate, +1 for each revision' }) version!: number;
  @Field(() => String, { nullable: true, description: 'why this version replaced the previous one' }) reason!: string | null;
}

@ObjectType()
export class Pmo extends NodeFields {
  @Field() name!: string;
  @Field(() => PmoKind) kind!: PmoKind;
  @Field(() => String, { nullable: true }) head!: string | null;
  @Field(() => Mandate, { nullable: true }) mandate!: Mandate | null;
  @Field(() => [Mandate], { description: 'mandates this PMO had before the current one, oldest first' })
  previousMandates!: Mandate[];
  @Field(() => DateTimeScalar) establishedAt!: string;
  @Field(() => Int, { description: 'stream revision, for expectedRevision' }) revision!: number;
  @Field(() => LocalDateScalar, {
    description: 'the day the PMO came into being: as given when it was established, else the day it was recorded',
  })
  establishedOn!: string;
  @Field(() => PmoStatus) status!: PmoStatus;
  @Field(() => LocalDateScalar, { nullable: true, description: 'the day it was merged into its successor' }) mergedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'why it was merged' }) mergerReason!: string | null;

  /** Not exposed: resolved by field resolvers. */
  parentId!: string | null;
  successorId!: string | null;
  /** Every period of every catalogue item, for the catalogue fields. */
  catalogue!: readonly CatalogueEntry[];
  /** The instant this view was taken as of (null: now); relations resolve as of the same instant. */
  asOf!: string | null;
}

export const PmoConnection = connectionType('Pmo', Pmo);
