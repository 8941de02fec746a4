import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ContactView } from '@throughline/domain';
import { CONTACT, NETWORK_GROUP } from '../common/aggregates';
import { Clock } from '../common/clock';
import { DecideCommand, NEW_ENTITY, type Decided } from '../common/decide.command';
import type { RequestContext } from '../common/request-context';
import type { AddContactInput, AssessContactInput, EndRelationshipInput, UpdateContactInput } from './contact.inputs';
import { derivedCommandId } from './derived-ids';
import { NetworkSnapshots } from './network.snapshots';
import { requiredReason } from './reason';

/**
 * Contact commands. A new contact named with groups joins each of them on the group's own stream
 * after it is added, each step under a key derived from the client's: a retried addContact
 * answers the contact first added and completes any membership a stopped attempt left undone,
 * never adding one twice.
 */
@Injectable()
export class ContactCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly snapshots: NetworkSnapshots,
    private readonly clock: Clock,
  ) {}

  async add(input: AddContactInput, caller: RequestContext): Promise<Decided<ContactView>> {
    const { folds } = caller;
    const pmoId = await this.snapshots.pmo(input.pmoId, 'pmoId', folds);
    const groups = await this.snapshots.groups(input.groupIds, 'groupIds', folds);
    const knownSince = input.knownSince ?? this.clock.today();
    const added = await this.commands.execute(
      new DecideCommand(CONTACT, NEW_ENTITY, input, caller, (contactId) => ({
        type: 'AddContact',
        contactId,
        pmoId,
        name: input.name,
        organisation: input.organisation ?? null,
        role: input.role ?? null,
        source: input.source,
        relationship: input.relationship,
        knownSince,
        groups,
      })),
    );
    const contact = await this.snapshots.contact(added.id, 'contactId', folds);
    for (const { groupId } of groups) {
      const step = { commandId: derivedCommandId(input.commandId, 'group', groupId), groupId, contactId: contact.contactId };
      await this.commands.execute(new DecideCommand(NETWORK_GROUP, { id: groupId, field: 'groupIds' }, step, caller, () => ({ type: 'AddNetworkGroupMember', groupId, contact })));
    }
    return added;
  }

  update(input: UpdateContactInput, caller: RequestContext): Promise<Decided<ContactView>> {
    return this.commands.execute(
      new DecideCommand(CONTACT, { id: input.contactId, field: 'contactId' }, input, caller, (contactId) => ({
        type: 'UpdateContact',
        contactId,
        // Omitted stays omitted (kept); null clears organisation and role, keeps name and source.
        ...('name' in input && { name: input.name }),
        ...('organisation' in input && { organisation: input.organisation }),
        ...('role' in input && { role: input.role }),
        ...('source' in input && { source: input.source }),
      })),
    );
  }

  assess(input: AssessContactInput, caller: RequestContext): Promise<Decided<ContactView>> {
    // The assessment's reason is the person's data, sealed in the event: it must not become the
    // change's reason in the metadata, which is never sealed. The idempotency key still covers it.
    const { reason, ...rest } = input;
    const command = { ...rest, assessmentReason: reason };
    return this.commands.execute(
      new DecideCommand(CONTACT, { id: input.contactId, field: 'contactId' }, command, caller, (contactId) => ({
        type: 'AssessContact',
        contactId,
        stance: input.stance,
        engagement: input.engagement,
        desiredEngagement: input.desiredEngagement,
        assessedOn: input.assessedOn,
        reason: reason ?? null,
      })),
    );
  }

  endRelationship(input: EndRelationshipInput, caller: RequestContext): Promise<Decided<ContactView>> {
    const reason = requiredReason(input.reason);
    return this.commands.execute(
      new DecideCommand(CONTACT, { id: input.contactId, field: 'contactId' }, { ...input, reason }, caller, (contactId) => ({
        type: 'EndContactRelationship',
        contactId,
        endedOn: input.endedOn,
      })),
    );
  }
}
