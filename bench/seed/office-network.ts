import {
  addDays,
  contactDecider,
  networkGroupDecider,
  touchpointDecider,
  type ConnectionKind,
  type ContactSnapshot,
  type LocalDate,
  type NetworkGroupKind,
  type NetworkGroupSnapshot,
  type NetworkSource,
  type RelationshipKind,
  type Stance,
  type TouchpointVehicle,
  type ValueDirection,
} from '@throughline/domain';
import type { Random } from '../support/random';
import { seedCommand, type SeedCommand } from './seed-writer';

/** The groups an office manages its network in, with how it means to keep in touch with each. */
const GROUP_PLANS: readonly { kind: NetworkGroupKind; name: string; connection: ConnectionKind; cadenceDays: number; vehicles: TouchpointVehicle[] }[] = [
  { kind: 'DELIVERY_TEAMS_AND_MANAGERS', name: 'Delivery teams and managers', connection: 'OPERATIONAL', cadenceDays: 14, vehicles: ['COMMUNITY_OF_PRACTICE', 'ONE_TO_ONE', 'TRAINING'] },
  { kind: 'SENIOR_LEADERSHIP', name: 'Senior leadership', connection: 'STRATEGIC', cadenceDays: 30, vehicles: ['STEERING_MEETING', 'REPORT', 'ONE_TO_ONE'] },
  { kind: 'WIDER_BUSINESS', name: 'Wider business', connection: 'PERSONAL', cadenceDays: 45, vehicles: ['NEWSLETTER', 'WORKSHOP', 'EVENT'] },
  { kind: 'EXTERNAL_INFLUENCE', name: 'External influence', connection: 'PERSONAL', cadenceDays: 60, vehicles: ['COMMUNITY_OF_PRACTICE', 'BLOG_POST', 'EVENT'] },
  { kind: 'OTHER', name: 'Finance and HR', connection: 'OPERATIONAL', cadenceDays: 21, vehicles: ['ONE_TO_ONE', 'REPORT'] },
];

const SOURCES: readonly NetworkSource[] = ['STAKEHOLDER', 'CUSTOMER_DELIVERY_TEAM', 'CUSTOMER_SPONSOR', 'TEAM_MEMBER', 'EXTERNAL_INFLUENCER', 'INDUSTRY_ACQUAINTANCE'];
const ORGANISATIONS = ['Finance', 'HR', 'Operations', 'Retail banking', 'IT', 'Legal', 'Marketing', 'Procurement', 'Risk', 'Customer service'];
const ROLES = ['Director', 'Project manager', 'Programme manager', 'Sponsor', 'Analyst', 'Team lead', 'Architect', 'Controller'];
const SUMMARIES = [
  'Walked through the portfolio dashboard',
  'Agreed next steps on the risk register',
  'Lessons learned from the last release',
  'Coached the project manager on estimates',
  'Reviewed benefits tracking together',
  'Shared the new reporting template',
  'Discussed resourcing for next quarter',
  'Trained the team on the stage-gate method',
];
/** Mostly stable, drifting a step at a time. */
const STANCE_LADDER: readonly Stance[] = ['CRITIC', 'SCEPTIC', 'NEUTRAL', 'SUPPORTER', 'CHAMPION'];

interface SeedContact {
  readonly snapshot: ContactSnapshot;
  readonly relationship: RelationshipKind;
  stance: number;
  ended: boolean;
}

interface SeedGroup {
  readonly snapshot: NetworkGroupSnapshot;
  readonly cadenceDays: number;
  readonly vehicles: readonly TouchpointVehicle[];
  readonly memberIds: string[];
  lastTouch: LocalDate;
}

/**
 * One office's network as the generator keeps it: its groups and contacts with what the deciders
 * need of them (snapshots, members), and the commands that grow and use it. Every command appends
 * exactly one event. Choices come from the random stream it is given, so an office's network is
 * the same for the same seed.
 */
export class OfficeNetwork {
  readonly contacts: SeedContact[] = [];
  readonly groups: SeedGroup[] = [];
  private readonly contactsById = new Map<string, SeedContact>();
  private next = 0;

  constructor(
    readonly pmoId: string,
    /** Who records what the office does with its network. */
    readonly actor: string,
    private readonly random: Random,
  ) {}

  /** Forms `count` groups on `formedOn`, the first kinds of the plan list. */
  formGroups(count: number, formedOn: LocalDate): SeedCommand[] {
    return GROUP_PLANS.slice(0, count).map((plan, i) => {
      const groupId = this.random.uuid();
      this.groups.push({ snapshot: { groupId, pmoId: this.pmoId, formedOn }, cadenceDays: plan.cadenceDays, vehicles: plan.vehicles, memberIds: [], lastTouch: formedOn });
      return seedCommand(networkGroupDecider, {
        streamId: `networkgroup-${groupId}`,
        command: { type: 'FormNetworkGroup', groupId, pmoId: this.pmoId, kind: plan.kind, name: i < GROUP_PLANS.length ? plan.name : `${plan.name} ${i}`, connection: plan.connection, cadenceDays: plan.cadenceDays, vehicles: plan.vehicles, formedOn },
        actor: this.actor,
        events: 1,
      });
    });
  }

  /**
   * A new contact known since `knownSince`, joining one or two groups (as addContact does: the
   * contact on its stream, then each membership on its group's): the commands in that order.
   */
  addContact(knownSince: LocalDate): { readonly contact: SeedCommand; readonly memberships: SeedCommand[] } {
    const contactId = this.random.uuid();
    const relationship: RelationshipKind = this.random.chance(0.35) ? 'INTERNAL' : 'STAKEHOLDER';
    const seed: SeedContact = { snapshot: { contactId, pmoId: this.pmoId, knownSince, erased: false }, relationship, stance: this.random.int(1, 4), ended: false };
    this.contacts.push(seed);
    this.contactsById.set(contactId, seed);
    const joined = this.groups.length === 0 ? [] : this.random.sample(this.groups, this.random.chance(0.3) ? 2 : 1);
    const index = this.next++;
    const contact = seedCommand(contactDecider, {
      streamId: `contact-${contactId}`,
      command: {
        type: 'AddContact',
        contactId,
        pmoId: this.pmoId,
        name: `Contact ${index + 1}`,
        organisation: this.random.pick(ORGANISATIONS),
        role: this.random.chance(0.7) ? this.random.pick(ROLES) : null,
        source: this.random.pick(SOURCES),
        relationship,
        knownSince,
        groups: joined.map((group) => group.snapshot),
      },
      actor: this.actor,
      events: 1,
    });
    const memberships = joined.map((group) => {
      group.memberIds.push(contactId);
      return seedCommand(networkGroupDecider, {
        streamId: `networkgroup-${group.snapshot.groupId}`,
        command: { type: 'AddNetworkGroupMember', groupId: group.snapshot.groupId, contact: seed.snapshot },
        actor: this.actor,
        events: 1,
      });
    });
    return { contact, memberships };
  }

  /** Where a contact stands on `day`: mostly as before, now and then a step either way. */
  assess(contactId: string, day: LocalDate): SeedCommand {
    const contact = this.contactsById.get(contactId)!;
    const roll = this.random.next();
    if (roll < 0.2) contact.stance = Math.min(STANCE_LADDER.length - 1, contact.stance + 1);
    else if (roll < 0.3) contact.stance = Math.max(0, contact.stance - 1);
    const stance = STANCE_LADDER[contact.stance]!;
    return seedCommand(contactDecider, {
      streamId: `contact-${contactId}`,
      command: {
        type: 'AssessContact',
        contactId,
        stance,
        engagement: stance === 'CRITIC' ? 'RESISTANT' : stance === 'CHAMPION' ? 'LEADING' : 'NEUTRAL',
        desiredEngagement: 'SUPPORTIVE',
        assessedOn: day,
        reason: this.random.chance(0.3) ? 'After the quarterly review' : null,
      },
      actor: this.actor,
      events: 1,
    });
  }

  /** A STAKEHOLDER relationship of a contact still counting ends with its project on `day`; null when there is none. */
  endOne(day: LocalDate): SeedCommand | null {
    const candidates = this.contacts.filter((c) => c.relationship === 'STAKEHOLDER' && !c.ended && c.snapshot.knownSince <= day);
    if (candidates.length === 0) return null;
    const contact = this.random.pick(candidates);
    contact.ended = true;
    return seedCommand(contactDecider, {
      streamId: `contact-${contact.snapshot.contactId}`,
      command: { type: 'EndContactRelationship', contactId: contact.snapshot.contactId, endedOn: day },
      actor: this.actor,
      reason: 'The project closed',
      events: 1,
    });
  }

  /**
   * A touchpoint held on `day` with up to `size` members of a group (and now and then someone of
   * another group), naming the group most of the time, mostly through its first vehicle; null
   * when nobody of the group was known by then.
   */
  touch(group: SeedGroup, day: LocalDate, size: number): SeedCommand | null {
    const known = (ids: readonly string[]) => ids.filter((id) => this.contactsById.get(id)!.snapshot.knownSince <= day);
    const people = this.random.sample(known(group.memberIds), size);
    if (this.random.chance(0.15) && this.groups.length > 1) {
      const other = this.random.pick(this.groups);
      const guest = this.random.sample(known(other.memberIds), 1)[0];
      if (guest && !people.includes(guest)) people.push(guest);
    }
    if (people.length === 0) return null;
    group.lastTouch = day;
    const vehicle = this.random.chance(0.7) ? group.vehicles[0]! : this.random.pick(group.vehicles);
    const internal = people.some((id) => this.contactsById.get(id)!.relationship === 'INTERNAL');
    const value: ValueDirection | null = internal ? this.random.pick(['GIVEN', 'RECEIVED', 'BOTH'] as const) : this.random.chance(0.5) ? 'GIVEN' : null;
    const touchpointId = this.random.uuid();
    return seedCommand(touchpointDecider, {
      streamId: `touchpoint-${touchpointId}`,
      command: {
        type: 'RecordTouchpoint',
        touchpointId,
        pmoId: this.pmoId,
        heldOn: day,
        vehicle,
        contacts: people.map((id) => this.contactsById.get(id)!.snapshot),
        groups: this.random.chance(0.7) ? [group.snapshot] : [],
        summary: this.random.pick(SUMMARIES),
        value,
        workEntryId: null,
      },
      actor: this.actor,
      events: 1,
    });
  }

  /** The groups whose cadence (less a few days, as people keep in touch early) has come round by `day`. */
  dueGroups(day: LocalDate): SeedGroup[] {
    return this.groups.filter((group) => addDays(group.lastTouch, group.cadenceDays - this.random.int(0, 4)) <= day);
  }

  /** A contact known by `day`, for a one-to-one or a reassessment; null before any. */
  someContact(day: LocalDate): string | null {
    const known = this.contacts.filter((c) => c.snapshot.knownSince <= day);
    return known.length === 0 ? null : this.random.pick(known).snapshot.contactId;
  }

  /** A one-to-one with one contact of a group they belong to (or none). */
  oneToOne(day: LocalDate): SeedCommand | null {
    const contactId = this.someContact(day);
    if (contactId === null) return null;
    const group = this.groups.find((g) => g.memberIds.includes(contactId));
    if (!group) return null;
    const command = this.touch({ ...group, memberIds: [contactId], vehicles: ['ONE_TO_ONE'] }, day, 1);
    group.lastTouch = day;
    return command;
  }
}
