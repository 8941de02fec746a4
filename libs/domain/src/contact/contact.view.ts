import { append, emptyList, listItems, listOf, type AppendOnlyList } from '../shared/append-only-list';
import { assertNever } from '../shared/decider';
import type { LocalDate } from '../shared/local-date';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import type { ContactAssessed, ContactEvent, NetworkSource, RelationshipKind } from './contact.events';

/** One assessment as recorded, with who recorded it and when. */
export interface StanceAssessment extends Readonly<Omit<ContactAssessed['data'], 'contactId'>> {
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/**
 * What the API shows of a contact. The personal fields (name, organisation, role, an
 * assessment's reason) are copied as the events hold them, which is sealed text the reader opens;
 * they become null once the person's data is erased.
 */
interface ContactShown extends Stamps {
  readonly contactId: string;
  readonly pmoId: string;
  readonly name: string | null;
  readonly organisation: string | null;
  readonly role: string | null;
  readonly source: NetworkSource;
  readonly relationship: RelationshipKind;
  readonly knownSince: LocalDate;
  /** The groups named when the contact was added; membership itself is each group's view. */
  readonly groupIdsAtAdding: readonly string[];
  readonly addedAt: string;
  readonly addedBy: string;
  /**
   * The assessment that gives the contact's stance: the latest assessedOn, the later recorded
   * winning a tie. decide refuses an assessedOn after the day it records, so this is the stance
   * on any day from the last recording on.
   */
  readonly currentAssessment: StanceAssessment | null;
  /** Every assessment in the order recorded; read it with contactAssessments. */
  readonly assessments: AppendOnlyList<StanceAssessment>;
  readonly endedOn: LocalDate | null;
  readonly erased: boolean;
  readonly erasedAt: string | null;
  readonly erasedBy: string | null;
}

export interface NoContactView {
  readonly status: 'NONE';
}

export interface ActiveContactView extends ContactShown {
  readonly status: 'ACTIVE';
}

export interface EndedContactView extends ContactShown {
  readonly status: 'ENDED';
  readonly endedOn: LocalDate;
}

export type ExistingContactView = ActiveContactView | EndedContactView;
export type ContactView = NoContactView | ExistingContactView;

export const initialContactView: ContactView = { status: 'NONE' };

/** The contact's assessments, oldest recorded first. */
export const contactAssessments = (view: ExistingContactView): StanceAssessment[] => listItems(view.assessments);

const replaces = (current: StanceAssessment | null, next: StanceAssessment): boolean =>
  current === null || next.assessedOn >= current.assessedOn;

const withoutReason = (assessment: StanceAssessment): StanceAssessment => ({ ...assessment, reason: null });

// Mirrors evolveContact: an event the decider's fold would ignore changes nothing shown but the
// revision.
export const evolveContactView = (view: ContactView, event: ContactEvent, facts: RecordedFacts): ContactView => {
  if (event.type === 'ContactAdded') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    const { contactId, pmoId, name, organisation, role, source, relationship, knownSince, groupIds } = event.data;
    return {
      status: 'ACTIVE',
      contactId,
      pmoId,
      name,
      organisation,
      role,
      source,
      relationship,
      knownSince,
      groupIdsAtAdding: groupIds,
      addedAt: facts.recordedAt,
      addedBy: facts.actor,
      currentAssessment: null,
      assessments: emptyList(),
      endedOn: null,
      erased: false,
      erasedAt: null,
      erasedBy: null,
      ...createdBy(facts),
    };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'ContactUpdated': {
      const { name, organisation, role, source } = event.data;
      return {
        ...touched,
        ...(source !== undefined && { source }),
        // decide refuses personal fields once erased; a stream that holds some anyway shows none.
        ...(!view.erased && name !== undefined && { name }),
        ...(!view.erased && organisation !== undefined && { organisation }),
        ...(!view.erased && role !== undefined && { role }),
      };
    }
    case 'ContactAssessed': {
      const { stance, engagement, desiredEngagement, assessedOn, reason } = event.data;
      const assessment: StanceAssessment = {
        stance,
        engagement,
        desiredEngagement,
        assessedOn,
        reason: view.erased ? null : reason,
        recordedAt: facts.recordedAt,
        recordedBy: facts.actor,
      };
      return {
        ...touched,
        currentAssessment: replaces(view.currentAssessment, assessment) ? assessment : view.currentAssessment,
        assessments: append(view.assessments, assessment),
      };
    }
    case 'ContactRelationshipEnded':
      if (view.status !== 'ACTIVE') return touched;
      return { ...touched, status: 'ENDED', endedOn: event.data.endedOn };
    case 'ContactPersonalDataErased':
      if (view.erased) return touched;
      // Rewriting the reasons copies the history once, on the one erasure a contact can have.
      return {
        ...touched,
        name: null,
        organisation: null,
        role: null,
        currentAssessment: view.currentAssessment && withoutReason(view.currentAssessment),
        assessments: listOf(contactAssessments(view).map(withoutReason)),
        erased: true,
        erasedAt: facts.recordedAt,
        erasedBy: facts.actor,
      };
    default:
      return assertNever(event);
  }
};

export const contactView: ViewProjection<ContactEvent, ContactView> = {
  initialState: initialContactView,
  evolve: evolveContactView,
};
