import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars';

@ObjectType({ description: "What an erasure of a contact's personal data did, by whom, when and why" })
export class ErasureReceipt {
  @Field(() => ID) contactId!: string;
  @Field(() => DateTimeScalar) erasedAt!: string;
  @Field() erasedBy!: string;
  @Field() reason!: string;
  @Field(() => Int, { description: 'stored events whose personal data can no longer be read' }) eventsAffected!: number;
}
