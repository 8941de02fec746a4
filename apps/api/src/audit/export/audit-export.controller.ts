import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventStore } from '@throughline/event-store';
import { AuditLogReader, Projector } from '@throughline/read-models';
import { Requires } from '../../auth/requires';
import { pmoOrEveryAt } from '../../auth/scopes';
import { AuthenticationError } from '@throughline/runtime';
import { ForbiddenError, InputError } from '../../common/app-errors';
import { EventDataOpener } from '../../common/event-data-opener';
import { EVENT_STORE } from '../../common/tokens';
import { authorizeAuditRead } from '../audit-access';
import { exportLines } from './export-pages';
import { parseExportParams } from './export-params';

/** Every URL under this path needs the same bearer token as GraphQL. */
export const EXPORT_PATH = '/export';

/** The read model must include what was stored when the request arrived; it normally lags by milliseconds. */
const CATCH_UP_TIMEOUT_MS = 10_000;

const CONTENT = {
  ndjson: { type: 'application/x-ndjson; charset=utf-8', file: 'audit.ndjson' },
  csv: { type: 'text/csv; charset=utf-8; header=present', file: 'audit.csv' },
} as const;

/**
 * The audit log as a file: the rows and order of `auditLog`, streamed page by page. The stream
 * pulls the next page only when the client has taken the previous one, so memory stays constant
 * however many events there are, and a client that stops reading stops the reads.
 */
@Controller(EXPORT_PATH.slice(1))
export class AuditExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly log: AuditLogReader,
    private readonly projector: Projector,
    private readonly opener: EventDataOpener,
  ) {}

  @Get('audit.ndjson')
  // Its arguments are the query string, as the client sent it (parseExportParams checks it after).
  @Requires('audit.export', pmoOrEveryAt((query: { pmoId?: string }) => query.pmoId, 'pmoId'))
  async auditLog(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    let params: ReturnType<typeof parseExportParams>;
    try {
      params = parseExportParams(query);
      authorizeAuditRead(request.principal, params.filter.pmoId ?? null);
    } catch (error) {
      refuse(reply, error);
      return;
    }
    // The export ends at the last event stored now: it is a snapshot, and it ends even while
    // events keep arriving.
    const upTo = await this.store.headPosition();
    if (upTo !== null) await this.projector.waitFor(upTo, { timeoutMs: CATCH_UP_TIMEOUT_MS });

    const content = CONTENT[params.format];
    const body = Readable.from(exportLines(this.log, (rows) => this.opener.all(rows), params.filter, params.format, upTo), { objectMode: false });
    reply
      .header('content-type', content.type)
      .header('content-disposition', `attachment; filename="${content.file}"`)
      .header('cache-control', 'no-store')
      .send(body);
  }
}

/** Refusals in the shape GraphQL errors have, so a client reads one shape from both. */
function refuse(reply: FastifyReply, error: unknown): void {
  const answer = (status: number, code: string, message: string, field?: string) => {
    reply.code(status).send({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });
  };
  if (error instanceof InputError) return answer(400, 'BAD_USER_INPUT', error.message, error.field);
  if (error instanceof AuthenticationError) return answer(401, 'UNAUTHENTICATED', error.message);
  if (error instanceof ForbiddenError) return answer(403, 'FORBIDDEN', error.message);
  throw error;
}
