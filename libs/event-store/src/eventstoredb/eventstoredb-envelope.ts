/**
 * How a stored event is written to and read from EventStoreDB. The server keeps the id, stream,
 * revision, position, type and JSON data itself; the custom metadata carries the port's metadata
 * exactly (recordedAt included) plus a `throughline` block with the schema version, the integrity
 * hashes and, for an append that carried a command, the command marker. `$correlationId` and
 * `$causationId` are repeated under the names EventStoreDB's own projections understand.
 */
import { type EventData, jsonEvent, type Position, type RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import type { CommandRecord, RecordedEvent, StoredMetadata } from '../event-store.port';
import type { StoredRecordedEvent } from '../upcasting';
import type { SealedEvent } from '../sealed-event';

/** Marks the events of an append made for a command: the permanent half of the command record. */
export interface CommandMarker {
  readonly id: string;
  readonly hash: string;
  readonly fromRevision: number;
  readonly toRevision: number;
}

interface StoreBlock {
  readonly schemaVersion: number;
  readonly hash: string;
  readonly prevHash: string;
  readonly command?: CommandMarker;
}

type MetadataEnvelope = StoredMetadata & {
  readonly $correlationId: string;
  readonly $causationId?: string;
  readonly throughline: StoreBlock;
};

/** An event read back, with the marker of the command that appended it, if any. */
export interface DecodedEvent {
  readonly event: RecordedEvent;
  readonly command: CommandMarker | null;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export function toEventData(event: SealedEvent, command: CommandMarker | null): EventData {
  const { metadata } = event;
  const envelope: MetadataEnvelope = {
    ...metadata,
    $correlationId: metadata.correlationId,
    ...(metadata.causationId !== undefined && { $causationId: metadata.causationId }),
    throughline: {
      schemaVersion: event.schemaVersion,
      hash: event.hash,
      prevHash: event.prevHash,
      ...(command && { command }),
    },
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: envelope });
}

/** Reads an event this store wrote; anything else is refused with the stream and revision named. */
export function decodeEvent(source: (ClientRecordedEvent & { position?: Position }) | undefined): DecodedEvent {
  const { event, command, unreadable } = parse(source);
  if (unreadable.length > 0) {
    throw new Error(`event ${event.streamId}@${event.revision} (${event.type}) cannot be read: ${unreadable.join('; ')}`);
  }
  return { event, command };
}

/**
 * The event as stored, for integrity checks: what cannot be read becomes a placeholder named in
 * `unreadable` (its hash cannot be checked) instead of failing the whole read.
 */
export function decodeStoredEvent(source: (ClientRecordedEvent & { position?: Position }) | undefined): StoredRecordedEvent {
  const { event, unreadable } = parse(source);
  return unreadable.length === 0 ? event : { ...event, unreadable: unreadable.join('; ') };
}

function parse(source: (ClientRecordedEvent & { position?: Position }) | undefined): DecodedEvent & { unreadable: string[] } {
  if (!source) throw new Error('EventStoreDB returned a read result without an event');
  const position = source.position?.commit;
  if (position === undefined || position >= 0xffff_ffff_ffff_ffffn) {
    throw new Error(
      `EventStoreDB did not report the position of ${source.streamId}@${String(source.revision)}; ` +
        'a server of version 22.10 or later is required',
    );
  }
  const unreadable: string[] = [];
  const data = source.isJson && isRecord(source.data) ? source.data : null;
  if (data === null) unreadable.push('data is not a JSON object');
  const envelope = isRecord(source.metadata) ? (source.metadata as Partial<MetadataEnvelope>) : null;
  const block = isRecord(envelope?.throughline) ? (envelope?.throughline as Partial<StoreBlock>) : null;
  const complete =
    envelope !== null &&
    block !== null &&
    typeof block.hash === 'string' &&
    typeof block.prevHash === 'string' &&
    Number.isInteger(block.schemaVersion) &&
    typeof envelope.actor === 'string' &&
    typeof envelope.correlationId === 'string' &&
    typeof envelope.recordedAt === 'string';
  if (!complete) unreadable.push('the metadata holds no complete integrity envelope: not written by this event store');

  const metadata: StoredMetadata = {
    actor: envelope?.actor ?? '',
    ...(envelope?.commandId !== undefined && { commandId: envelope.commandId }),
    correlationId: envelope?.correlationId ?? '',
    ...(envelope?.causationId !== undefined && { causationId: envelope.causationId }),
    ...(envelope?.reason !== undefined && { reason: envelope.reason }),
    recordedAt: envelope?.recordedAt ?? '',
  };
  return {
    event: {
      id: source.id,
      streamId: source.streamId,
      revision: Number(source.revision),
      position,
      type: source.type,
      schemaVersion: complete ? (block?.schemaVersion as number) : 1,
      data: data ?? {},
      metadata,
      hash: complete ? (block?.hash as string) : '',
      prevHash: complete ? (block?.prevHash as string) : '',
    },
    command: (complete && block?.command) || null,
    unreadable,
  };
}

/** The command record a marked event stands for. */
export function commandRecordOf({ event, command }: DecodedEvent): CommandRecord | null {
  if (!command) return null;
  return {
    commandId: command.id,
    commandHash: command.hash,
    streamId: event.streamId,
    fromRevision: command.fromRevision,
    toRevision: command.toRevision,
    recordedAt: event.metadata.recordedAt,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
