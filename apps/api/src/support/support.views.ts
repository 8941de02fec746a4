import { Injectable } from '@nestjs/common';
import {
  deliveredMostlyAs,
  engagementAgreements,
  engagementSessions,
  hoursByMode,
  labelMatches,
  type QualificationsView,
  type SupportEngagementView,
} from '@throughline/domain';
import { PersonalDataVault } from '@throughline/event-store';
import type { Qualification, SupportEngagement, SupportSession } from './support.types';

/**
 * The GraphQL objects of support's views. Personal fields stay sealed in them and are opened by
 * the field resolvers that show them: a COUNSELLOR session's notes for its supporter alone.
 */
@Injectable()
export class SupportViews {
  constructor(private readonly vault: PersonalDataVault) {}

  engagement(view: SupportEngagementView | null | undefined, asOf: string | null): SupportEngagement | null {
    if (!view || view.status === 'NONE') return null;
    const sessions = engagementSessions(view);
    return {
      id: view.engagementId,
      supporter: view.supporter,
      topic: view.topic,
      requestedAs: view.requestedAs,
      goals: view.goals,
      willingToChange: view.willingToChange,
      startedOn: view.startedOn,
      agreedUntil: view.agreedUntil,
      status: view.status,
      outcome: view.outcome,
      closedOn: view.closedOn,
      closeReason: view.closeReason,
      agreements: engagementAgreements(view),
      byMode: hoursByMode(sessions),
      deliveredMostlyAs: deliveredMostlyAs(sessions, view.requestedAs),
      labelMatches: labelMatches(sessions, view.requestedAs),
      openedAt: view.createdAt,
      openedBy: view.openedBy,
      revision: view.revision,
      pmoId: view.pmoId,
      supportedPmoId: view.supportedPmoId,
      sealedPerson: view.supportedPerson,
      sessionList: sessions.map(
        (s): SupportSession => ({
          heldOn: s.heldOn,
          hours: s.hours,
          mode: s.mode,
          supporter: s.supporter,
          recordedAt: s.recordedAt,
          recordedBy: s.recordedBy,
          sealedNotes: s.notes,
          workEntryId: s.workEntryId,
          asOf,
        }),
      ),
      asOf,
    };
  }

  qualifications(view: QualificationsView | null | undefined): Qualification[] {
    if (!view || view.status === 'NONE') return [];
    return view.qualifications.map((q) => ({ person: view.person, ...q }));
  }

  /** The supported person's name; null once erased. */
  supportedPerson(engagement: SupportEngagement): Promise<string | null> {
    return this.vault.open(engagement.sealedPerson);
  }

  /** A session's notes as the caller may read them: a COUNSELLOR session's only for its supporter. */
  async notes(session: SupportSession, caller: string): Promise<string | null> {
    if (session.mode === 'COUNSELLOR' && caller !== session.supporter) return null;
    return this.vault.open(session.sealedNotes);
  }
}
