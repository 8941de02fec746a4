import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { engagementSessions } from '@throughline/domain';
import { PersonalDataVault, type EventStore } from '@throughline/event-store';
import { CATEGORY, streamId, SUPPORT_ENGAGEMENT_KIND } from '@throughline/runtime';
import { SUPPORTED_PERSON } from '../common/aggregates';
import { InputError } from '../common/app-errors';
import { DecideCommand } from '../common/decide.command';
import { EntityReader } from '../common/entity-reader';
import type { RequestContext } from '../common/request-context';
import { EVENT_STORE } from '../common/tokens';
import { requiredReason } from '../network/reason';
import { personKey, supportedPersonIdOf, supportedPersonSubject } from './support-ids';
import type { EraseSupportedPersonDataInput } from './support.inputs';
import type { SupportErasureReceipt } from './support.types';

const ERASED = 'SupportedPersonDataErased';

/**
 * Erasing a supported person's data: the erasure is recorded in the person's own stream (once:
 * a second request records nothing and is answered with the first receipt), then the key their
 * name and every session's notes are sealed under is destroyed. Every instance's projector
 * destroys it too (PERSONAL_DATA_ERASURES).
 */
@Injectable()
export class SupportErasures {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reader: EntityReader,
    private readonly vault: PersonalDataVault,
  ) {}

  async erase(input: EraseSupportedPersonDataInput, caller: RequestContext): Promise<SupportErasureReceipt> {
    const reason = requiredReason(input.reason);
    if (typeof input.person !== 'string' || personKey(input.person) === '') throw new InputError('person', 'person must name someone');
    const subject = supportedPersonSubject(input.person);
    await this.commands.execute(
      new DecideCommand(SUPPORTED_PERSON, { id: supportedPersonIdOf(input.person), field: 'person' }, { ...input, reason }, caller, (supportedPersonId) => ({
        type: 'EraseSupportedPersonData',
        supportedPersonId,
        subject,
      })),
    );
    // Every request, a repeated one too: one that stopped after recording the erasure finishes here.
    await this.vault.erase(subject);
    const events = await this.store.readStream(streamId(CATEGORY.supportedperson, supportedPersonIdOf(input.person)));
    const erasure = events.find((event) => event.type === ERASED);
    if (!erasure) throw new Error('a supported person was erased but their stream holds no erasure');
    // The engagement's opening names the person; each session with notes holds notes about them.
    const engagements = await this.reader.list(SUPPORT_ENGAGEMENT_KIND, { parentId: subject });
    const eventsAffected = engagements.reduce((sum, view) => sum + 1 + engagementSessions(view).filter((s) => s.notes !== null).length, 0);
    return {
      person: personKey(input.person),
      erasedAt: erasure.metadata.recordedAt,
      erasedBy: erasure.metadata.actor,
      reason: erasure.metadata.reason ?? '',
      eventsAffected,
    };
  }
}
