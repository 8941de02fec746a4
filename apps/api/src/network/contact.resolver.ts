import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { LocalDate } from '@throughline/domain';
import { NETWORK_GROUP_KIND, PMO_KIND } from '@throughline/runtime';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { contactAt, pmoAt } from '../auth/scopes';
import { CONTACT, NETWORK_GROUP, PMO, type ViewOf } from '../common/aggregates';
import { AFTER, BEFORE, FIRST, LAST, type Connection } from '../common/connections';
import type { Decided } from '../common/decide.command';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { Stance } from '../graphql/enums';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import { ContactCommands } from './contact.commands';
import { AddContactInput, AssessContactInput, EndRelationshipInput, UpdateContactInput } from './contact.inputs';
import { Contact, ContactConnection, StanceAssessment } from './contact.types';
import { NetworkGroup } from './network-group.types';
import { NetworkLoaders } from './network.loaders';
import { NetworkReader } from './network.reader';
import { PersonalText } from './personal-text';
import { loadedAll, NetworkViews } from './network.views';

type Input<I> = { readonly input: I };

interface ContactsArgs {
  readonly pmoId: string;
  readonly groupId?: string | null;
}

@Resolver(() => Contact)
export class ContactResolver {
  constructor(
    private readonly commands: ContactCommands,
    private readonly reader: NetworkReader,
    private readonly views: NetworkViews,
    private readonly network: NetworkLoaders,
    private readonly text: PersonalText,
  ) {}

  @Query(() => Contact, { nullable: true })
  @Requires('network.read', contactAt((a: { id: string }) => a.id, 'id'))
  @ExistingIds(idOf(CONTACT, (a: { id: string }) => a.id, 'id'))
  contact(
    @Args('id', { type: () => ID }) id: string,
    @RequestLoaders() loaders: Loaders,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Contact | null> {
    return this.reader.contact(loaders, id, asOf ?? null);
  }

  @Query(() => [Contact], {
    description: "a PMO's contacts, oldest first; those in one group, or of one stance (their latest assessment's); RESULT_TOO_LARGE beyond the list cap",
    deprecationReason: 'use contactsConnection',
  })
  @Requires('network.read', pmoAt((a: ContactsArgs) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: ContactsArgs) => a.pmoId, 'pmoId'), idOf(NETWORK_GROUP, (a: ContactsArgs) => a.groupId, 'groupId'))
  contacts(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('groupId', { type: () => ID, nullable: true }) groupId?: string | null,
    @Args('stance', { type: () => Stance, nullable: true }) stance?: Stance | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Contact[]> {
    return this.reader.contacts({ pmoId, groupId, stance }, asOf ?? null);
  }

  @Query(() => ContactConnection, {
    description: "a PMO's contacts, oldest first; those in one group, or of one stance (their latest assessment's); a page at a time",
  })
  @Requires('network.read', pmoAt((a: ContactsArgs) => a.pmoId, 'pmoId'))
  @ExistingIds(idOf(PMO, (a: ContactsArgs) => a.pmoId, 'pmoId'), idOf(NETWORK_GROUP, (a: ContactsArgs) => a.groupId, 'groupId'))
  contactsConnection(
    @Args('pmoId', { type: () => ID }) pmoId: string,
    @Args('groupId', { type: () => ID, nullable: true }) groupId?: string | null,
    @Args('stance', { type: () => Stance, nullable: true }) stance?: Stance | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
    @Args('last', LAST) last?: number | null,
    @Args('before', BEFORE) before?: string | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<Connection<Contact>> {
    return this.reader.contactPage({ pmoId, groupId, stance }, asOf ?? null, { first, after, last, before });
  }

  @Mutation(() => Contact, { description: 'adds a person to the PMO’s network, and to each group named' })
  @Requires('network.manage', pmoAt((a: Input<AddContactInput>) => a.input.pmoId, 'pmoId'))
  async addContact(@Args('input') input: AddContactInput, @Caller() caller: RequestContext): Promise<Contact> {
    return this.shown(await this.commands.add(input, caller));
  }

  @Mutation(() => Contact)
  @Requires('network.manage', contactAt((a: Input<UpdateContactInput>) => a.input.contactId, 'contactId'))
  async updateContact(@Args('input') input: UpdateContactInput, @Caller() caller: RequestContext): Promise<Contact> {
    return this.shown(await this.commands.update(input, caller));
  }

  @Mutation(() => Contact, { description: 'where the person stood towards the PMO on a day, and how engaged they were and should be' })
  @Requires('network.manage', contactAt((a: Input<AssessContactInput>) => a.input.contactId, 'contactId'))
  async assessContact(@Args('input') input: AssessContactInput, @Caller() caller: RequestContext): Promise<Contact> {
    return this.shown(await this.commands.assess(input, caller));
  }

  @Mutation(() => Contact, { description: 'a STAKEHOLDER relationship ended with its project; INTERNAL ones outlast projects' })
  @Requires('network.manage', contactAt((a: Input<EndRelationshipInput>) => a.input.contactId, 'contactId'))
  async endRelationship(@Args('input') input: EndRelationshipInput, @Caller() caller: RequestContext): Promise<Contact> {
    return this.shown(await this.commands.endRelationship(input, caller));
  }

  @ResolveField(() => Pmo)
  async pmo(@Parent() contact: Contact, @RequestLoaders() loaders: Loaders): Promise<Pmo> {
    return found(toPmoView(await loaders.entity(PMO_KIND, contact.asOf).load(contact.pmoId), contact.asOf), 'PMO', contact.pmoId);
  }

  @ResolveField(() => [NetworkGroup], { description: 'the groups the contact is a member of, in the order joined' })
  async groups(@Parent() contact: Contact, @RequestLoaders() loaders: Loaders): Promise<NetworkGroup[]> {
    const groupIds = await this.network.groupsOfContact(loaders, contact.asOf).load(contact.id);
    const views = loadedAll(await loaders.entity(NETWORK_GROUP_KIND, contact.asOf).loadMany(groupIds));
    return views.map((view) => this.views.group(view, contact.asOf)).filter((g): g is NetworkGroup => g !== null);
  }

  @ResolveField(() => String, { nullable: true, description: "null once the person's data is erased" })
  name(@Parent() contact: Contact): Promise<string | null> {
    return this.text.open(contact.sealed.name);
  }

  @ResolveField(() => String, { nullable: true })
  organisation(@Parent() contact: Contact): Promise<string | null> {
    return this.text.open(contact.sealed.organisation);
  }

  @ResolveField(() => String, { nullable: true })
  role(@Parent() contact: Contact): Promise<string | null> {
    return this.text.open(contact.sealed.role);
  }

  @ResolveField(() => LocalDateScalar, { nullable: true, description: 'the day of the latest touchpoint the contact took part in' })
  lastTouchpointOn(@Parent() contact: Contact, @RequestLoaders() loaders: Loaders): Promise<LocalDate | null> {
    return this.network.lastTouchpointOfContact(loaders, contact.asOf).load(contact.id);
  }

  /** A mutation answers the contact as its own command folded it. */
  private shown({ id, view }: Decided<ViewOf<typeof CONTACT>>): Contact {
    return found(this.views.contact(view, null), 'contact', id, 'contactId');
  }
}

/** An assessment's reason is the person's data: opened only when asked for. */
@Resolver(() => StanceAssessment)
export class StanceAssessmentResolver {
  constructor(private readonly text: PersonalText) {}

  @ResolveField(() => String, { nullable: true })
  reason(@Parent() assessment: StanceAssessment): Promise<string | null> {
    return this.text.open(assessment.sealedReason);
  }
}
