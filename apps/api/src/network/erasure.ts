import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PERSONAL_FIELDS } from '@throughline/domain';
import type { EventStore, RecordedEvent } from '@throughline/event-store';
import { NetworkFactsReader } from '@throughline/read-models';
import { CATEGORY, streamId } from '@throughline/runtime';
import { CONTACT } from '../common/aggregates';
import { DecideCommand } from '../common/decide.command';
import { requireEntityId } from '../common/ids';
import type { RequestContext } from '../common/request-context';
import { EVENT_STORE } from '../common/tokens';
import type { ErasePersonalDataInput } from './contact.inputs';
import type { ErasureReceipt } from './erasure.types';
import { ErasureKeys } from './erasure-keys';
import { requiredReason } from './reason';

const ERASED = 'ContactPersonalDataErased';

/** Whether a stored event holds personal data of the contact: a field its rule lists, given, about them. */
const holdsDataOf = (event: RecordedEvent, contactId: string): boolean => {
  const rule = PERSONAL_FIELDS[event.type];
  if (!rule || !rule.subjects(event.data).includes(contactId)) return false;
  return rule.fields.some((field) => typeof event.data[field] === 'string');
};

/**
 * Erasing a contact's personal data: the decider records the erasure (once: a second request
 * records nothing), the keys its fields are sealed under are destroyed, and the receipt says who
 * erased it, when and why, and how many stored events it made unreadable. A repeated request is
 * answered with the first erasure's receipt.
 */
@Injectable()
export class Erasures {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly facts: NetworkFactsReader,
    private readonly keys: ErasureKeys,
  ) {}

  async erase(input: ErasePersonalDataInput, caller: RequestContext): Promise<ErasureReceipt> {
    const reason = requiredReason(input.reason);
    const { id } = await this.commands.execute(
      new DecideCommand(CONTACT, { id: input.contactId, field: 'contactId' }, { ...input, reason }, caller, (contactId) => ({
        type: 'EraseContactPersonalData',
        contactId,
      })),
    );
    // Every request, a repeated one too: one that stopped after recording the erasure finishes here.
    await this.keys.destroy(id);
    const receipt = await this.receipt(id);
    if (!receipt) throw new Error(`contact ${id} was erased but its stream holds no erasure`);
    return receipt;
  }

  /** The receipt of the contact's erasure; null while it has none. */
  async receipt(value: string): Promise<ErasureReceipt | null> {
    const contactId = requireEntityId(value, 'contactId');
    const events = await this.store.readStream(streamId(CATEGORY.contact, contactId));
    const erasure = events.find((event) => event.type === ERASED);
    if (!erasure) return null;
    const before = events.filter((event) => event.revision < erasure.revision && holdsDataOf(event, contactId)).length;
    // Each touchpoint the contact took part in before holds a summary that was theirs too.
    const touchpoints = this.facts.touchpointsOfContact(contactId, erasure.position).length;
    return {
      contactId,
      erasedAt: erasure.metadata.recordedAt,
      erasedBy: erasure.metadata.actor,
      reason: erasure.metadata.reason ?? '',
      eventsAffected: before + touchpoints,
    };
  }
}
