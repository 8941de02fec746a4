import { Injectable } from '@nestjs/common';
import { PMO_KIND } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import type { Loaders } from '../common/loaders';
import { isEntityId } from '@throughline/runtime';
import type { Pmo } from './pmo.types';
import { toPmoView } from './pmo.view';

/** PMOs as the API shows them, now or as of an instant. */
@Injectable()
export class PmoReader {
  constructor(private readonly reader: EntityReader) {}

  /** Read through the request's loaders, which the permission check shares. */
  async get(loaders: Loaders, pmoId: string, asOf: string | null): Promise<Pmo | null> {
    if (!isEntityId(pmoId)) return null;
    return toPmoView(await loaders.entity(PMO_KIND, asOf).load(pmoId.toLowerCase()), asOf);
  }

  /** PMOs, optionally only the children of one (`parentId`). */
  async list(asOf: string | null, parentId?: string): Promise<Pmo[]> {
    const records = await this.reader.list(PMO_KIND, parentId === undefined ? {} : { parentId }, asOf);
    return records.map((r) => toPmoView(r, asOf)).filter((p): p is Pmo => p !== null);
  }
}
