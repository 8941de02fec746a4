import * as path from 'node:path';
import { addDays, pmoDecider, type LocalDate } from '@throughline/domain';
import { DataDirOwner, SqliteEventStore } from '@throughline/event-store';
import { Random } from '../support/random';
import { OfficeNetwork } from './office-network';
import { SeedWriter, SimulatedClock, seedCommand, type SeedCommand } from './seed-writer';

/** The size the network health target is set for: one PMO's network, larger than any office the seed makes. */
export const NETWORK_SCALE: NetworkScale = { contacts: 2000, touchpoints: 50_000, days: 730, groups: 5 };

export interface NetworkScale {
  readonly contacts: number;
  readonly touchpoints: number;
  /** The days up to the last one its touchpoints are held on. */
  readonly days: number;
  /** At most five: the kinds of group an office keeps. */
  readonly groups: number;
}

export interface LargeNetwork {
  readonly pmoId: string;
  readonly contacts: number;
  readonly touchpoints: number;
  readonly groups: number;
  /** The days its touchpoints were held on. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly events: number;
  readonly seconds: number;
}

const at = (day: LocalDate, time: string) => `${day}T${time}:00.000Z`;

/**
 * Adds one PMO with a network at the target's size to a seeded data directory, through the real
 * deciders and command loop: 2,000 contacts (1,700 known before its two years, the rest joining
 * over them), five groups each contact is in one or two of, an assessment of most contacts when
 * added and about six reassessments a day, and 50,000 touchpoints over the 730 days up to
 * `lastDay` (about 68 a day, of one to four members of a group, now and then with a guest from
 * another group). The store stamps its events after everything already in it, so the rest of the
 * record is unchanged; with the seed's year behind it, most are stamped as one import at the end
 * of that history. Its own random stream: the same seed gives the same network.
 */
export async function seedLargeNetwork(dataDir: string, options: { lastDay: LocalDate; seed?: number; scale?: Partial<NetworkScale> }): Promise<LargeNetwork> {
  const scale = { ...NETWORK_SCALE, ...options.scale };
  const owner = DataDirOwner.acquire(dataDir, 'seed');
  const clock = new SimulatedClock();
  const store = new SqliteEventStore({ file: path.join(dataDir, 'events.sqlite'), clock: clock.read });
  const started = process.hrtime.bigint();
  try {
    const writer = new SeedWriter(store, clock, Number.MAX_SAFE_INTEGER);
    const random = new Random((options.seed ?? 42) + 101);
    const from = addDays(options.lastDay, -(scale.days - 1));
    const eve = addDays(from, -1);
    const pmoId = random.uuid();
    const head = 'network.head@example.org';
    const establish = seedCommand(pmoDecider, {
      streamId: `pmo-${pmoId}`,
      command: { type: 'EstablishPmo', pmoId, name: 'Enterprise PMO (network at scale)', kind: 'PORTFOLIO', parent: null, head, establishedOn: addDays(eve, -1000) },
      actor: head,
      events: 1,
    });
    await writer.batch(at(eve, '08:00'), [establish]);
    const network = new OfficeNetwork(pmoId, head, random);
    await writer.batch(at(eve, '09:00'), network.formGroups(scale.groups, addDays(eve, -1000)));

    const joining = Math.round(scale.contacts * 0.15);
    const add = async (count: number, instant: string, knownSince: () => LocalDate, assessOn: LocalDate | null) => {
      const added = Array.from({ length: count }, () => network.addContact(knownSince()));
      await writer.batch(instant, added.map((a) => a.contact));
      await writer.batch(instant, added.flatMap((a) => a.memberships));
      if (assessOn) await writer.batch(instant, network.contacts.slice(-count).filter(() => random.chance(0.8)).map((c) => network.assess(c.snapshot.contactId, assessOn)));
    };
    await add(scale.contacts - joining, at(eve, '10:00'), () => addDays(eve, -random.int(0, 1000)), eve);

    let joined = 0;
    let touchpoints = 0;
    for (let i = 0; i < scale.days; i += 1) {
      const day = addDays(from, i);
      // New contacts join evenly over the two years, so every 90-day window has some.
      const dueJoined = Math.floor(((i + 1) * joining) / scale.days);
      if (dueJoined > joined) await add(dueJoined - joined, at(day, '09:00'), () => day, day);
      joined = dueJoined;
      const reassessed = Array.from({ length: random.int(3, 9) }, () => network.someContact(day)).filter((id): id is string => id !== null);
      const today = Math.floor(((i + 1) * scale.touchpoints) / scale.days) - Math.floor((i * scale.touchpoints) / scale.days);
      const commands: SeedCommand[] = [...new Set(reassessed)].map((id) => network.assess(id, day));
      while (commands.length - new Set(reassessed).size < today) {
        const touch = network.touch(random.pick(network.groups), day, random.int(1, 4));
        if (touch) commands.push(touch);
      }
      touchpoints += today;
      await writer.batch(at(day, '16:00'), commands);
    }
    return {
      pmoId,
      contacts: network.contacts.length,
      touchpoints,
      groups: network.groups.length,
      from,
      to: options.lastDay,
      events: writer.appended,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  } finally {
    await store.close();
    owner.release();
  }
}
