import { Inject, Injectable } from '@nestjs/common';
import { StoreVerifier, type EventStore, type IntegrityReport, type StoredEventReader, type StreamHead } from '@throughline/event-store';
import { AuditLogReader, Projector } from '@throughline/read-models';
import { InputError, NotFoundError, NotSupportedError } from '../../common/app-errors';
import { requireEntityId } from '../../common/ids';
import { MAX_NAME } from '../../common/base-inputs';
import { EVENT_STORE } from '../../common/tokens';
import type { StreamHeadInput } from './integrity.types';

/** Enough for the streams of a large PMO, few enough to keep one request's input bounded. */
export const MAX_KNOWN_HEADS = 100_000;

/** The read model must have seen the streams that exist when the check starts; it normally lags by milliseconds. */
const CATCH_UP_TIMEOUT_MS = 10_000;

const SHA256_HEX = /^[0-9a-f]{64}$/i;

const isStoredEventReader = (store: EventStore): store is EventStore & StoredEventReader =>
  typeof (store as Partial<StoredEventReader>).readAllStored === 'function' &&
  typeof (store as Partial<StoredEventReader>).readStreamStored === 'function';

const toKnownHeads = (heads: readonly StreamHeadInput[]): StreamHead[] => {
  if (heads.length > MAX_KNOWN_HEADS) throw new InputError('knownHeads', `at most ${MAX_KNOWN_HEADS} known heads per check`);
  return heads.map((head, index) => {
    const field = (name: string) => `knownHeads[${index}].${name}`;
    if (head.streamId.length === 0 || head.streamId.length > MAX_NAME) throw new InputError(field('streamId'), `${field('streamId')} must be 1 to ${MAX_NAME} characters`);
    if (head.revision < 0) throw new InputError(field('revision'), `${field('revision')} must not be negative`);
    if (!SHA256_HEX.test(head.hash)) throw new InputError(field('hash'), `${field('hash')} must be a sha-256 digest in hex (64 characters)`);
    return { streamId: head.streamId, revision: head.revision, hash: head.hash.toLowerCase() };
  });
};

/**
 * Checks the hash chains of the stored events: all of them, or a PMO's streams.
 *
 * Which streams belong to a PMO comes from the audit-log read model, which is derived data and
 * could itself be wrong. That is acceptable because the read model only picks which streams to
 * check: every stream it names is verified from revision 0 against the bytes in the store, so it
 * cannot make a damaged event pass. What it could do is leave a stream out. Hence: the read model
 * is caught up first, so streams created a moment ago are named; streams whose first event names
 * no PMO (none should exist; an edited first event would produce one) are checked with every PMO;
 * a named stream with no stored event is itself a problem; streams of kept heads are always
 * checked; and the check of the whole store (no PMO) does not consult the read model at all.
 */
@Injectable()
export class IntegrityVerifier {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly log: AuditLogReader,
    private readonly projector: Projector,
  ) {}

  async verify(pmoId: string | null, knownHeads: readonly StreamHeadInput[]): Promise<IntegrityReport> {
    const heads = toKnownHeads(knownHeads);
    const id = pmoId === null ? null : requireEntityId(pmoId, 'pmoId');
    if (!isStoredEventReader(this.store)) throw new NotSupportedError(`the ${this.store.name} event store cannot be verified by the service`);
    const verifier = new StoreVerifier(this.store);
    if (id === null) return verifier.verifyAll(heads);

    const head = await this.store.headPosition();
    if (head !== null) await this.projector.waitFor(head, { timeoutMs: CATCH_UP_TIMEOUT_MS });
    const streams = this.log.streamsOf(id);
    if (streams.length === 0) throw new NotFoundError('PMO', id, 'pmoId');
    return verifier.verifyStreams([...streams, ...this.log.unattributedStreams()], heads);
  }
}
