/**
 * The events that record an erasure, by persisted type, each naming the people (subjects) it
 * erased. Every instance's projector follows them (PersonalDataErasuresProjection): the instance
 * forgets the subjects' keys at once and destroys them again, idempotently, so an erasure recorded
 * by one instance holds on all of them, and one whose key was not yet destroyed when its process
 * died is finished at the next start.
 */
export type ErasureEventRules = Readonly<Record<string, (data: Readonly<Record<string, unknown>>) => readonly string[]>>;

/** The subjects an event erased, by the rules; none for any other event. */
export function erasedSubjects(rules: ErasureEventRules, type: string, data: Readonly<Record<string, unknown>>): readonly string[] {
  const rule = Object.hasOwn(rules, type) ? rules[type] : undefined;
  return rule ? rule(data) : [];
}
