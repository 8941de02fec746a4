/**
 * The claim half of permanent command idempotency on EventStoreDB (the design and its failure cases
 * are described in eventstoredb-event-store.ts). A claim stream per command id holds
 * `CommandClaimed` events (where the command will append) and `CommandReleased` events (its
 * append definitely failed); the events the command appends carry the command marker.
 */
import { type EventData, jsonEvent, type RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import type { CommandRecord } from '../event-store.port';
import { commandRecordOf, type DecodedEvent } from './eventstoredb-envelope';

/** Internal streams: kept out of the service's feed by the $all filter. */
export const INTERNAL_STREAM_PREFIX = '_throughline.';
export const COMMAND_STREAM_PREFIX = `${INTERNAL_STREAM_PREFIX}command-`;

const CLAIMED = 'CommandClaimed';
const RELEASED = 'CommandReleased';

export interface CommandClaim {
  readonly commandId: string;
  readonly commandHash: string;
  readonly streamId: string;
  /** The revisions the append will take: the stream must still be at fromRevision - 1. */
  readonly fromRevision: number;
  readonly toRevision: number;
  /** The claimant's clock, for the lease. */
  readonly claimedAt: string;
}

export type CommandState =
  /** Never claimed, released, fenced off, or its lease ran out: a new claim may replace it. */
  | { readonly kind: 'free'; readonly claimRevision: bigint | null }
  /** The command's events are stored. */
  | { readonly kind: 'recorded'; readonly record: CommandRecord }
  /** Claimed, its events not (yet) stored, and the claim may still succeed. */
  | { readonly kind: 'pending'; readonly claim: CommandClaim; readonly claimRevision: bigint };

export interface ClaimReads {
  /** The last event of a stream, or null when the stream does not exist. */
  lastEventOf(streamName: string): Promise<ClientRecordedEvent | null>;
  /** The event at a revision: decoded, 'foreign' when another writer's, null when absent. */
  eventAt(streamId: string, revision: number): Promise<DecodedEvent | 'foreign' | null>;
}

export function claimStreamOf(commandId: string): string {
  return `${COMMAND_STREAM_PREFIX}${commandId}`;
}

export function claimEvent(claim: CommandClaim): EventData {
  return jsonEvent({ type: CLAIMED, data: { ...claim } });
}

export function releaseEvent(commandId: string, reason: string): EventData {
  return jsonEvent({ type: RELEASED, data: { commandId, reason } });
}

/**
 * Where the command stands. Its record exists only once its events are stored, so a claim alone is
 * never reported as a record; a claim whose events can no longer land is free to be replaced.
 */
export async function commandState(reads: ClaimReads, commandId: string, leaseMs: number, now: Date): Promise<CommandState> {
  const last = await reads.lastEventOf(claimStreamOf(commandId));
  if (!last) return { kind: 'free', claimRevision: null };
  const claimRevision = last.revision;
  if (last.type === RELEASED) return { kind: 'free', claimRevision };
  const claim = parseClaim(last);

  const landed = await reads.eventAt(claim.streamId, claim.fromRevision);
  if (landed !== null && landed !== 'foreign' && landed.command?.id === commandId) {
    return { kind: 'recorded', record: commandRecordOf(landed) as CommandRecord };
  }
  // Another event took the claimed revision: the claimed append, conditional on the revision
  // before it, can never succeed any more.
  if (landed !== null) return { kind: 'free', claimRevision };
  if (now.getTime() - Date.parse(claim.claimedAt) > leaseMs) return { kind: 'free', claimRevision };
  return { kind: 'pending', claim, claimRevision };
}

function parseClaim(event: ClientRecordedEvent): CommandClaim {
  const data = event.data as Partial<CommandClaim> | undefined;
  if (
    event.type !== CLAIMED ||
    typeof data?.commandId !== 'string' ||
    typeof data.commandHash !== 'string' ||
    typeof data.streamId !== 'string' ||
    !Number.isInteger(data.fromRevision) ||
    !Number.isInteger(data.toRevision) ||
    typeof data.claimedAt !== 'string'
  ) {
    throw new Error(`${event.streamId}@${event.revision} is not a command claim (${event.type})`);
  }
  return data as CommandClaim;
}
