import { Field, ID, ObjectType } from '@nestjs/graphql';

/**
 * A standard, as far as feedback names one: its id. The type the standards' own queries serve
 * carries the rest under the same name.
 */
@ObjectType()
export class Standard {
  @Field(() => ID) id!: string;
}
