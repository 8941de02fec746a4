import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PmoState } from '@throughline/domain';
import { PMO_KIND, isEntityId } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import type { Pmo } from './pmo.types';
import { toPmoView } from './pmo.view';

export class PmoQuery {
  constructor(readonly pmoId: string, readonly asOf: string | null) {}
}

/** PMOs, optionally only the children of one (`parentId`), as of an instant or now. */
export class PmosQuery {
  constructor(readonly asOf: string | null, readonly parentId?: string) {}
}

@QueryHandler(PmoQuery)
export class PmoQueryHandler implements IQueryHandler<PmoQuery, Pmo | null> {
  constructor(private readonly reader: EntityReader) {}

  async execute({ pmoId, asOf }: PmoQuery): Promise<Pmo | null> {
    if (!isEntityId(pmoId)) return null;
    return toPmoView(await this.reader.get<PmoState>(PMO_KIND, pmoId.toLowerCase(), asOf), asOf);
  }
}

@QueryHandler(PmosQuery)
export class PmosQueryHandler implements IQueryHandler<PmosQuery, Pmo[]> {
  constructor(private readonly reader: EntityReader) {}

  async execute({ asOf, parentId }: PmosQuery): Promise<Pmo[]> {
    const records = await this.reader.list<PmoState>(PMO_KIND, parentId === undefined ? {} : { parentId }, asOf);
    return records.map((r) => toPmoView(r, asOf)).filter((p): p is Pmo => p !== null);
  }
}

export const PMO_QUERY_HANDLERS = [PmoQueryHandler, PmosQueryHandler];
