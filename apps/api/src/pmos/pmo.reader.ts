import { Injectable } from '@nestjs/common';
import type { PmoView } from '@throughline/domain';
import type { EntityKey } from '@throughline/read-models';
import { isEntityId, PMO_KIND } from '@throughline/runtime';
import { connectionOf, ListCap, type Connection, type Keyset, type PageArgs } from '../common/connections';
import { entityKeyset } from '../common/entity-keyset';
import { EntityReader, type Existing } from '../common/entity-reader';
import type { Loaders } from '../common/loaders';
import type { Pmo } from './pmo.types';
import { toPmoView } from './pmo.view';

/** PMOs as the API shows them, now or as of an instant. */
@Injectable()
export class PmoReader {
  constructor(
    private readonly reader: EntityReader,
    private readonly cap: ListCap,
  ) {}

  /** Read through the request's loaders, which the permission check shares. */
  async get(loaders: Loaders, pmoId: string, asOf: string | null): Promise<Pmo | null> {
    if (!isEntityId(pmoId)) return null;
    return toPmoView(await loaders.entity(PMO_KIND, asOf).load(pmoId.toLowerCase()), asOf);
  }

  /** Every PMO, oldest first, while there are at most the cap of them. */
  all(asOf: string | null): Promise<Pmo[]> {
    return this.cap.list(this.keyset(asOf), 'pmos', 'pmosConnection');
  }

  page(asOf: string | null, args: PageArgs): Promise<Connection<Pmo>> {
    return connectionOf(this.keyset(asOf), args);
  }

  /** The children of one PMO: a handful, so read whole. */
  async children(asOf: string | null, parentId: string): Promise<Pmo[]> {
    const records = await this.reader.list(PMO_KIND, { parentId }, asOf);
    return records.map((r) => toPmoView(r, asOf)).filter((p): p is Pmo => p !== null);
  }

  private keyset(asOf: string | null): Keyset<EntityKey, Pmo> {
    return entityKeyset(this.reader, {
      cursor: 'pmos',
      kind: PMO_KIND,
      filter: {},
      asOf,
      narrows: false,
      nodes: (views: readonly Existing<PmoView>[]) => views.map((view) => toPmoView(view, asOf)),
    });
  }
}
