import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { NetworkGroupView } from '@throughline/domain';
import { NETWORK_GROUP } from '../common/aggregates';
import { Clock } from '../common/clock';
import { DecideCommand, NEW_ENTITY, type Decided } from '../common/decide.command';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import type { FormNetworkGroupInput, GroupMembershipInput, ReviseNetworkGroupInput } from './network-group.inputs';
import { NetworkSnapshots } from './network.snapshots';
import { requiredReason } from './reason';

/** Forming and revising a PMO's network groups, and who belongs to them (recorded on the group's stream). */
@Injectable()
export class NetworkGroupCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly snapshots: NetworkSnapshots,
    private readonly clock: Clock,
  ) {}

  async form(input: FormNetworkGroupInput, caller: RequestContext): Promise<Decided<NetworkGroupView>> {
    const pmoId = await this.snapshots.pmo(input.pmoId, 'pmoId', caller.folds);
    const formedOn = input.formedOn ?? this.clock.today();
    return this.commands.execute(
      new DecideCommand(NETWORK_GROUP, NEW_ENTITY, input, caller, (groupId) => ({
        type: 'FormNetworkGroup',
        groupId,
        pmoId,
        kind: input.kind,
        name: input.name,
        connection: input.connection,
        cadenceDays: input.cadenceDays,
        vehicles: input.vehicles,
        formedOn,
      })),
    );
  }

  revise(input: ReviseNetworkGroupInput, caller: RequestContext): Promise<Decided<NetworkGroupView>> {
    const reason = requiredReason(input.reason);
    return this.commands.execute(
      new DecideCommand(NETWORK_GROUP, { id: input.groupId, field: 'groupId' }, { ...input, reason }, caller, (groupId) => ({
        type: 'ReviseNetworkGroup',
        groupId,
        name: input.name ?? null,
        connection: input.connection ?? null,
        cadenceDays: input.cadenceDays ?? null,
        vehicles: input.vehicles ?? null,
      })),
    );
  }

  async addMember(input: GroupMembershipInput, caller: RequestContext): Promise<Decided<NetworkGroupView>> {
    const contact = await this.snapshots.contact(input.contactId, 'contactId', caller.folds);
    return this.commands.execute(
      new DecideCommand(NETWORK_GROUP, { id: input.groupId, field: 'groupId' }, input, caller, (groupId) => ({ type: 'AddNetworkGroupMember', groupId, contact })),
    );
  }

  removeMember(input: GroupMembershipInput, caller: RequestContext): Promise<Decided<NetworkGroupView>> {
    const contactId = requireEntityId(input.contactId, 'contactId');
    return this.commands.execute(
      new DecideCommand(NETWORK_GROUP, { id: input.groupId, field: 'groupId' }, input, caller, (groupId) => ({ type: 'RemoveNetworkGroupMember', groupId, contactId })),
    );
  }
}
