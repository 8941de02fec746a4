import { Injectable } from '@nestjs/common';
import { AlignmentReader, type WorkEntryFilter, type WorkEntryKey } from '@throughline/read-models';
import { isEntityId, WORK_KIND } from '@throughline/runtime';
import { connectionOf, ListCap, type Connection, type Keyset, type PageArgs } from '../common/connections';
import { requireWindow } from '../common/date-window';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { Loaders } from '../common/loaders';
import type { WorkEntry } from './work.types';
import { toWorkEntryView } from './work.view';

/** A PMO's work entries with workedOn in [from, to], optionally of one person or activity. */
export interface WorkEntriesFilter {
  readonly pmoId: string;
  readonly from: string;
  readonly to: string;
  readonly person?: string | null;
  readonly activityId?: string | null;
}

/** Work entries as the API shows them. */
@Injectable()
export class WorkReader {
  constructor(
    private readonly reader: EntityReader,
    private readonly alignment: AlignmentReader,
    private readonly cap: ListCap,
  ) {}

  /** Read through the request's loaders, which the permission check shares. */
  async get(loaders: Loaders, workEntryId: string, asOf: string | null): Promise<WorkEntry | null> {
    if (!isEntityId(workEntryId)) return null;
    return toWorkEntryView(await loaders.entity(WORK_KIND, asOf).load(workEntryId.toLowerCase()), asOf);
  }

  /** The whole list, while it holds at most the cap (RESULT_TOO_LARGE beyond it). */
  list(filter: WorkEntriesFilter): Promise<WorkEntry[]> {
    return this.cap.list(this.keyset(filter), 'workEntries', 'workEntriesConnection');
  }

  page(filter: WorkEntriesFilter, args: PageArgs): Promise<Connection<WorkEntry>> {
    return connectionOf(this.keyset(filter), args);
  }

  /** By workedOn, then id: each page one range read of the alignment model's index of current entries. */
  private keyset(filter: WorkEntriesFilter): Keyset<WorkEntryKey, WorkEntry> {
    requireWindow(filter.from, filter.to);
    const rows: WorkEntryFilter = {
      pmoId: requireEntityId(filter.pmoId, 'pmoId'),
      from: filter.from,
      to: filter.to,
      ...(filter.person ? { person: filter.person.trim() } : {}),
      ...(filter.activityId ? { activityId: requireEntityId(filter.activityId, 'activityId') } : {}),
    };
    return {
      shape: { kind: 'workEntries', parts: ['string', 'string'] },
      read: async (bounds, direction, limit) => {
        const page = this.alignment.workEntryPage(rows, { ...bounds, direction, limit });
        const records = await this.reader.getMany(WORK_KIND, page.map((row) => row.workEntryId));
        return page.flatMap((row, i) => {
          const node = toWorkEntryView(records[i] ?? null, null);
          return node ? [{ key: [row.workedOn, row.workEntryId] as const, node }] : [];
        });
      },
      count: async () => this.alignment.workEntryCount(rows),
    };
  }
}
