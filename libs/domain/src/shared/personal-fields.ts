/**
 * Which fields of an event's data are a person's personal data, and whose.
 *
 * The domain decides with plain values and never sees how they are kept: the store seals the
 * listed fields of each new event (encrypted under keys of its subjects) before the event is
 * folded or appended, and every reader opens them at the edge. Erasing any one subject makes a
 * field unreadable, so a touchpoint's summary names all of its contacts as subjects.
 */
export interface PersonalFieldRule<D> {
  /** The people (contact ids) the fields belong to; never empty for an event that has such fields. */
  readonly subjects: (data: D) => readonly string[];
  /** Top-level fields of the data that hold a person's data: a string, or null for none given. */
  readonly fields: readonly (keyof D & string)[];
}

/** The rule of each event type that carries personal data, by its persisted name. */
export type PersonalFieldRules = Readonly<Record<string, PersonalFieldRule<Readonly<Record<string, unknown>>>>>;
