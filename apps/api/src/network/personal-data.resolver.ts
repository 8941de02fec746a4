import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { CONTACT } from '../common/aggregates';
import { contactAt } from '../auth/scopes';
import { Caller, type RequestContext } from '../common/request-context';
import { JSONScalar } from '../graphql/scalars';
import { ErasePersonalDataInput } from './contact.inputs';
import { Erasures } from './erasure';
import { ErasureReceipt } from './erasure.types';
import { PersonalData } from './personal-data';

/** A person's rights over what the network holds about them: to see it all, and to have it forgotten. */
@Resolver()
export class PersonalDataResolver {
  constructor(
    private readonly erasures: Erasures,
    private readonly data: PersonalData,
  ) {}

  @Query(() => JSONScalar, { description: 'everything held about one contact, for a subject access request' })
  @Requires('personal-data.read', contactAt((a: { contactId: string }) => a.contactId, 'contactId'))
  @ExistingIds(idOf(CONTACT, (a: { contactId: string }) => a.contactId, 'contactId'))
  personalData(@Args('contactId', { type: () => ID }) contactId: string): Promise<Record<string, unknown>> {
    return this.data.of(contactId);
  }

  @Mutation(() => ErasureReceipt, {
    description: "forgets a contact's personal data everywhere: events, read models, exports; the rest of the record stays. Erasing again answers the first erasure's receipt",
  })
  @Requires('personal-data.erase', contactAt((a: { input: ErasePersonalDataInput }) => a.input.contactId, 'contactId'))
  erasePersonalData(@Args('input') input: ErasePersonalDataInput, @Caller() caller: RequestContext): Promise<ErasureReceipt> {
    return this.erasures.erase(input, caller);
  }
}
