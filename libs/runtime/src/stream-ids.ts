import { timeOrderedId } from '@throughline/event-store';

/** Stream categories: stream ids are `<category>-<uuid>` so category subscriptions work everywhere. */
export const CATEGORY = {
  pmo: 'pmo',
  objective: 'objective',
  plan: 'plan',
  activity: 'activity',
  work: 'work',
  /** One person's day across every PMO (its id derived from person and day): the 24-hour rule. */
  workday: 'workday',
  /** Feedback a PMO raised to a PMO above it. */
  feedback: 'feedback',
  standard: 'standard',
  /** One PMO's adoptions and leeways of one standard (its id derived from the two). */
  adoption: 'adoption',
  /** One deviation; its id derived from its standard, PMO and place among that pair's deviations. */
  deviation: 'deviation',
  /** A plan shared as a template for other PMOs to draft from. */
  template: 'template',
  /** One person in a PMO's network. */
  contact: 'contact',
  /** A group a PMO manages part of its network in; its stream also records who belongs to it. */
  networkgroup: 'networkgroup',
  /** One contact between the PMO and people of its network. */
  touchpoint: 'touchpoint',
  /** A PMO's support to a person or another PMO, with its agreement's versions and its sessions. */
  supportengagement: 'supportengagement',
  /** One person's qualifications to coach or counsel (its id derived from the person). */
  qualification: 'qualification',
  /** The erasure of one supported person's data (its id derived from the person). */
  supportedperson: 'supportedperson',
  /** A professional community a PMO takes part in; its stream also records the PMO's contributions. */
  community: 'community',
  /** Something a PMO heard from outside, and every decision on it. */
  insight: 'insight',
} as const;
export type Category = (typeof CATEGORY)[keyof typeof CATEGORY];

export const streamId = (category: Category, id: string): string => `${category}-${id}`;

/**
 * The id of an entity created at `now`: time-ordered (a UUID version 7), so the entities of a busy
 * year, and above all its work entries, are stored and indexed in the order they came rather than
 * at random places of every index keyed by their stream: a rebuild of a million events ran twice as
 * fast on such ids (bench/README.md). Derived ids (idempotent retries, a touchpoint's work) and
 * ids a store already holds stay as they are.
 */
export const newEntityId = (now: Date): string => timeOrderedId(now.getTime());

/** The entity id inside a stream id: everything after the first dash. */
export const entityIdOf = (stream: string): string => stream.slice(stream.indexOf('-') + 1);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isEntityId = (value: string): boolean => UUID.test(value);
