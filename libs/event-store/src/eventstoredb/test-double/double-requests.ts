/** How the EventStoreDB test double reads the requests of the Streams service. */
import { AppendReq, BatchAppendReq, ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { AllFrom, EventFilter, ExpectedState, ProposedEvent } from './double-log';
import { BadRequestError, uuidOf } from './double-messages';

const Options = ReadReq.Options;

/**
 * The size an append counts against MaxAppendSize, as the server's Event.SizeOnDisk computes it:
 * `data?.Length ?? 0 + metadata?.Length ?? 0 + eventType.Length * 2` binds as
 * `data?.Length ?? (0 + …)`, so for any event with data only the data bytes count.
 */
export function appendSize(events: readonly ProposedEvent[]): number {
  return events.reduce((size, event) => size + event.data.length, 0);
}

export function filterOf(options: ReadReq.Options): EventFilter | null {
  if (options.getFilterOptionCase() !== Options.FilterOptionCase.FILTER) return null;
  const filter = options.getFilter() as ReadReq.Options.FilterOptions;
  const onStream = filter.getFilterCase() === Options.FilterOptions.FilterCase.STREAM_IDENTIFIER;
  const expression = (onStream ? filter.getStreamIdentifier() : filter.getEventType()) as ReadReq.Options.FilterOptions.Expression;
  return { on: onStream ? 'stream' : 'type', regex: expression.getRegex(), prefixes: expression.getPrefixList() };
}

/** Where a read of $all starts, and the position as sent (commit, prepare). */
export function allFrom(all: ReadReq.Options.AllOptions): { from: AllFrom; prepare: bigint } {
  switch (all.getAllOptionCase()) {
    case Options.AllOptions.AllOptionCase.START:
      return { from: 'start', prepare: 0n };
    case Options.AllOptions.AllOptionCase.END:
      return { from: 'end', prepare: 0n };
    default: {
      const position = all.getPosition() as ReadReq.Options.Position;
      const commit = BigInt(position.getCommitPosition());
      // ulong.MaxValue both ways is Position.End: the server reads it as "from the end".
      if (commit === 0xffff_ffff_ffff_ffffn && BigInt(position.getPreparePosition()) === commit) return { from: 'end', prepare: 0n };
      return { from: commit, prepare: BigInt(position.getPreparePosition()) };
    }
  }
}

export function appendExpectation(options: AppendReq.Options): ExpectedState {
  switch (options.getExpectedStreamRevisionCase()) {
    case AppendReq.Options.ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case AppendReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case AppendReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case AppendReq.Options.ExpectedStreamRevisionCase.ANY:
      return { kind: 'any' };
    default:
      throw new BadRequestError('Required field ExpectedStreamRevision not set.');
  }
}

export function batchExpectation(options: BatchAppendReq.Options): ExpectedState {
  switch (options.getExpectedStreamPositionCase()) {
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case BatchAppendReq.Options.ExpectedStreamPositionCase.ANY:
      return { kind: 'any' };
    default:
      throw new BadRequestError('Required field ExpectedStreamPosition not set.');
  }
}

export function proposedEvent(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (!type) throw new BadRequestError('Required metadata property type is missing.');
  if (!contentType) throw new BadRequestError('Required metadata property content-type is missing.');
  return {
    id: uuidOf(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}
