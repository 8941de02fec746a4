/**
 * Upcasting: a stored event keeps the shape it was written in forever; readers get the newest
 * shape. An upcaster lifts one type from `fromVersion` to `fromVersion + 1`; chains apply in order.
 *
 * Stores apply upcasters on the way out of `readStream` / `readAll` only. Hashes always cover the
 * stored form, so an upcast event no longer matches its own hash: verify chains over the stored
 * form, which every adapter here offers as `readStreamStored` / `readAllStored`.
 */
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from './event-store.port';

/**
 * An event exactly as stored. A row that can no longer be decoded (its data or metadata is not
 * JSON any more) still comes back, with `unreadable` saying why and placeholders in the fields that
 * failed, so an integrity check reports the row instead of stopping at it.
 */
export interface StoredRecordedEvent extends RecordedEvent {
  readonly unreadable?: string;
}

/** Reads of events exactly as stored, before upcasting: the form hashes and `verifyChain` cover. */
export interface StoredEventReader {
  readStreamStored(streamId: string, options?: ReadStreamOptions): Promise<StoredRecordedEvent[]>;
  readAllStored(options?: ReadAllOptions): Promise<StoredRecordedEvent[]>;
}

export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

interface Upcastable {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Readonly<Record<string, unknown>>;
}

export class Upcasters {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) {
      if (!Number.isInteger(upcaster.fromVersion) || upcaster.fromVersion < 1) {
        throw new RangeError(`upcaster for ${upcaster.type} has invalid fromVersion ${upcaster.fromVersion}`);
      }
      const key = keyOf(upcaster.type, upcaster.fromVersion);
      if (this.byKey.has(key)) {
        throw new Error(`two upcasters for ${upcaster.type} from version ${upcaster.fromVersion}`);
      }
      this.byKey.set(key, upcaster);
    }
  }

  /** Accepts what store options take: nothing, a list, or an `Upcasters`. */
  static from(upcasters?: Upcasters | readonly Upcaster[]): Upcasters {
    return upcasters instanceof Upcasters ? upcasters : new Upcasters(upcasters ?? []);
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  /** The event lifted through every applicable upcaster; the same object when none applies. */
  apply<E extends Upcastable>(event: E): E {
    let { data, schemaVersion } = event;
    for (;;) {
      const upcaster = this.byKey.get(keyOf(event.type, schemaVersion));
      if (!upcaster) break;
      data = upcaster.upcast(data);
      schemaVersion += 1;
    }
    return schemaVersion === event.schemaVersion ? event : { ...event, data, schemaVersion };
  }
}

function keyOf(type: string, version: number): string {
  return `${version}\u0000${type}`;
}
