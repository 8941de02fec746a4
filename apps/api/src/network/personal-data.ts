import { Injectable } from '@nestjs/common';
import { NetworkFactsReader } from '@throughline/read-models';
import { CONTACT_KIND, NETWORK_GROUP_KIND, TOUCHPOINT_KIND } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import { found } from '../common/existing';
import { requireEntityId } from '../common/ids';
import { Erasures } from './erasure';
import { NetworkViews } from './network.views';

/**
 * Everything held about one contact, for a subject access request: what the contact's record
 * says (assessments with their reasons), the groups the PMO keeps in touch with them through,
 * and every touchpoint they took part in with its summary. Personal fields are opened as every
 * answer opens them, and are null once erased; the erasure's receipt is part of the answer.
 */
@Injectable()
export class PersonalData {
  constructor(
    private readonly reader: EntityReader,
    private readonly facts: NetworkFactsReader,
    private readonly views: NetworkViews,
    private readonly erasures: Erasures,
  ) {}

  async of(value: string): Promise<Record<string, unknown>> {
    const contactId = requireEntityId(value, 'contactId');
    const contact = found(this.views.contact(await this.reader.get(CONTACT_KIND, contactId), null), 'contact', contactId, 'contactId');
    const [groupIds] = this.facts.groupsOfContacts([contactId], null);
    const groups = await this.reader.getMany(NETWORK_GROUP_KIND, groupIds ?? []);
    const touchpointIds = this.facts.touchpointsOfContact(contactId).map((row) => row.touchpointId);
    const touchpoints = (await this.reader.getMany(TOUCHPOINT_KIND, touchpointIds)).map((view) => this.views.touchpoint(view, null));
    const participantIds = [...new Set(touchpoints.flatMap((t) => t?.contactIds ?? []))];
    const participants = new Map(participantIds.map((id, i) => [id, i]));
    const participantViews = await this.reader.getMany(CONTACT_KIND, participantIds);
    const { asOf: _asOf, pmoId, ...shown } = contact;
    return {
      ...shown,
      pmoId,
      groups: groups.flatMap((view) => {
        const group = this.views.group(view, null);
        return group ? [{ groupId: group.id, name: group.name, kind: group.kind }] : [];
      }),
      touchpoints: touchpoints.flatMap((touchpoint) =>
        touchpoint
          ? [
              {
                touchpointId: touchpoint.id,
                heldOn: touchpoint.heldOn,
                vehicle: touchpoint.vehicle,
                value: touchpoint.value,
                summary: this.views.summary(
                  touchpoint,
                  touchpoint.contactIds.map((id) => participantViews[participants.get(id)!] ?? null),
                ),
                recordedAt: touchpoint.recordedAt,
                recordedBy: touchpoint.recordedBy,
              },
            ]
          : [],
      ),
      erasure: await this.erasures.receipt(contactId),
    };
  }
}
