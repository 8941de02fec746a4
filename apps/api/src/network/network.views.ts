import { Injectable } from '@nestjs/common';
import { contactAssessments, type ContactView, type NetworkGroupView, type TouchpointView } from '@throughline/domain';
import type { Contact } from './contact.types';
import type { NetworkGroup } from './network-group.types';
import { PersonalText } from './personal-text';
import type { Touchpoint } from './touchpoint.types';

/** What DataLoader's loadMany found, or the first error it met. */
export const loadedAll = <V>(results: readonly (V | Error)[]): V[] =>
  results.map((result) => {
    if (result instanceof Error) throw result;
    return result;
  });

/**
 * The GraphQL objects of the network's views. Every personal field is opened here, through
 * PersonalText, and nowhere else; an erased contact's fields are null whatever the view holds.
 */
@Injectable()
export class NetworkViews {
  constructor(private readonly text: PersonalText) {}

  contact(view: ContactView | null | undefined, asOf: string | null): Contact | null {
    if (!view || view.status === 'NONE') return null;
    const personal = (value: string | null) => (view.erased ? null : this.text.open(value));
    return {
      id: view.contactId,
      name: personal(view.name),
      organisation: personal(view.organisation),
      role: personal(view.role),
      source: view.source,
      relationship: view.relationship,
      knownSince: view.knownSince,
      stance: view.currentAssessment?.stance ?? null,
      assessments: contactAssessments(view).map((a) => ({
        stance: a.stance,
        engagement: a.engagement,
        desiredEngagement: a.desiredEngagement,
        assessedOn: a.assessedOn,
        reason: personal(a.reason),
        recordedBy: a.recordedBy,
        recordedAt: a.recordedAt,
      })),
      endedOn: view.endedOn,
      erased: view.erased,
      erasedAt: view.erasedAt,
      addedAt: view.addedAt,
      addedBy: view.addedBy,
      revision: view.revision,
      pmoId: view.pmoId,
      asOf,
    };
  }

  group(view: NetworkGroupView | null | undefined, asOf: string | null): NetworkGroup | null {
    if (!view || view.status === 'NONE') return null;
    return {
      id: view.groupId,
      kind: view.kind,
      name: view.name,
      connection: view.connection,
      formedOn: view.formedOn,
      cadenceDays: view.cadenceDays,
      vehicles: [...view.vehicles],
      formedAt: view.formedAt,
      revision: view.revision,
      pmoId: view.pmoId,
      memberIds: view.members.map((member) => member.contactId),
      asOf,
    };
  }

  touchpoint(view: TouchpointView | null | undefined, asOf: string | null): Touchpoint | null {
    if (!view || view.status === 'NONE') return null;
    return {
      id: view.touchpointId,
      heldOn: view.heldOn,
      vehicle: view.vehicle,
      value: view.value,
      recordedBy: view.recordedBy,
      recordedAt: view.recordedAt,
      revision: view.revision,
      pmoId: view.pmoId,
      contactIds: view.contactIds,
      groupIds: view.groupIds,
      workEntryId: view.workEntryId,
      heldSummary: view.summary,
      asOf,
    };
  }

  /** A touchpoint's summary belongs to everyone who took part: erasing any one of them hides it. */
  summary(touchpoint: Touchpoint, contacts: readonly (ContactView | null)[]): string | null {
    if (contacts.some((contact) => contact === null || contact.status === 'NONE' || contact.erased)) return null;
    return this.text.open(touchpoint.heldSummary);
  }
}
