import { assertNever } from '../shared/decider';
import { createdBy, touchedBy, type RecordedFacts, type Stamps, type ViewProjection } from '../shared/view';
import { dayOf, type LocalDate } from '../shared/local-date';
import type { CatalogueKind, MandateIssued, PmoEvent, PmoKind } from './pmo.events';

/** ACTIVE until merged into another PMO. (The view's `status` says whether the PMO exists at all.) */
export const PMO_LIFECYCLES = ['ACTIVE', 'MERGED'] as const;
export type PmoLifecycle = (typeof PMO_LIFECYCLES)[number];

/** One period during which the PMO offered a service or used a tool. */
export interface CatalogueEntry {
  readonly catalogue: CatalogueKind;
  readonly name: string;
  readonly description: string | null;
  readonly since: LocalDate;
  /** The day it stopped (the first day without it); null while current. */
  readonly until: LocalDate | null;
  readonly declaredReason: string | null;
  readonly retiredReason: string | null;
}

/** A mandate as it was issued (the PMO it belongs to is the view's own). */
export type Mandate = Readonly<Omit<MandateIssued['data'], 'pmoId'>>;

export interface NoPmoView {
  readonly status: 'NONE';
}

export interface EstablishedPmoView extends Stamps {
  readonly status: 'ESTABLISHED';
  readonly pmoId: string;
  readonly name: string;
  readonly kind: PmoKind;
  readonly parentId: string | null;
  readonly head: string | null;
  /** The mandate in force, null until the first one is issued. */
  readonly mandate: Mandate | null;
  /**
   * Replaced mandates, oldest first: auditors ask what the mandate said before. Copied only when
   * a mandate is replaced, a decision of the sponsor with a reason (a few in a PMO's life); no
   * other event touches it, so a long stream folds in linear time.
   */
  readonly previousMandates: readonly Mandate[];
  /**
   * The day given when the PMO was recorded, or else the day its PmoEstablished event was
   * recorded (every event written before the day was kept reads so).
   */
  readonly establishedOn: LocalDate;
  readonly lifecycle: PmoLifecycle;
  /** Set once merged. */
  readonly merger: { readonly successorId: string; readonly effectiveOn: LocalDate; readonly reason: string } | null;
  /**
   * Every period of every catalogue item, in the order declared. A PMO's catalogue holds tens of
   * items changed a few times a year; only catalogue events copy it.
   */
  readonly catalogue: readonly CatalogueEntry[];
}

export type PmoView = NoPmoView | EstablishedPmoView;

export const initialPmoView: PmoView = { status: 'NONE' };

// Mirrors evolvePmo: an event the decider's fold would ignore changes nothing shown but the revision.
export const evolvePmoView = (view: PmoView, event: PmoEvent, facts: RecordedFacts): PmoView => {
  if (event.type === 'PmoEstablished') {
    if (view.status !== 'NONE') return touchedBy(view, facts);
    const { pmoId, name, kind, parentId, head, establishedOn } = event.data;
    return {
      status: 'ESTABLISHED',
      pmoId,
      name,
      kind,
      parentId,
      head,
      mandate: null,
      previousMandates: [],
      // Events recorded before the day was kept, and those given none: the day recorded.
      establishedOn: establishedOn ?? dayOf(facts.recordedAt),
      lifecycle: 'ACTIVE',
      merger: null,
      catalogue: [],
      ...createdBy(facts),
    };
  }
  if (view.status === 'NONE') return view;
  const touched = touchedBy(view, facts);
  switch (event.type) {
    case 'PmoRenamed':
      return { ...touched, name: event.data.name };
    case 'PmoHeadAssigned':
      return { ...touched, head: event.data.head };
    case 'MandateIssued': {
      const { version, purpose, statement, sponsor, effectiveFrom, reason } = event.data;
      return {
        ...touched,
        mandate: { version, purpose, statement, sponsor, effectiveFrom, reason },
        previousMandates: view.mandate ? [...view.previousMandates, view.mandate] : view.previousMandates,
      };
    }
    case 'PmoCatalogueItemDeclared': {
      const { catalogue, name, description, on, reason } = event.data;
      const entry: CatalogueEntry = { catalogue, name, description, since: on, until: null, declaredReason: reason, retiredReason: null };
      return { ...touched, catalogue: [...view.catalogue, entry] };
    }
    case 'PmoCatalogueItemRetired': {
      const { catalogue, name, on, reason } = event.data;
      const ended = (e: CatalogueEntry) => e.catalogue === catalogue && e.name === name && e.until === null;
      return { ...touched, catalogue: view.catalogue.map((e) => (ended(e) ? { ...e, until: on, retiredReason: reason } : e)) };
    }
    case 'PmoMerged': {
      const { successorId, effectiveOn, reason } = event.data;
      return { ...touched, lifecycle: 'MERGED', merger: { successorId, effectiveOn, reason } };
    }
    case 'PmoMovedToSuccessor':
      return { ...touched, parentId: event.data.parentId };
    default:
      return assertNever(event);
  }
};

export const pmoView: ViewProjection<PmoEvent, PmoView> = { initialState: initialPmoView, evolve: evolvePmoView };

/** The items of one catalogue the PMO had on `day` (declared on or before it, not yet stopped), by name. */
export const catalogueOn = (pmo: EstablishedPmoView, catalogue: CatalogueKind, day: LocalDate): CatalogueEntry[] =>
  pmo.catalogue
    .filter((e) => e.catalogue === catalogue && e.since <= day && (e.until === null || e.until > day))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/** The items of one catalogue in force now: those not stopped (a declaration is never dated later than its recording). */
export const currentCatalogue = (pmo: EstablishedPmoView, catalogue: CatalogueKind): CatalogueEntry[] =>
  pmo.catalogue.filter((e) => e.catalogue === catalogue && e.until === null).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
