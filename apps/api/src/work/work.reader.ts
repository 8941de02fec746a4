import { Injectable } from '@nestjs/common';
import { AlignmentReader } from '@throughline/read-models';
import { requireWindow } from '../common/date-window';
import { WORK_KIND } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { Loaders } from '../common/loaders';
import { isEntityId } from '@throughline/runtime';
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
  ) {}

  /** Read through the request's loaders, which the permission check shares. */
  async get(loaders: Loaders, workEntryId: string, asOf: string | null): Promise<WorkEntry | null> {
    if (!isEntityId(workEntryId)) return null;
    return toWorkEntryView(await loaders.entity(WORK_KIND, asOf).load(workEntryId.toLowerCase()), asOf);
  }

  async list(filter: WorkEntriesFilter): Promise<WorkEntry[]> {
    requireWindow(filter.from, filter.to);
    const rows = this.alignment.workEntries({
      pmoId: requireEntityId(filter.pmoId, 'pmoId'),
      from: filter.from,
      to: filter.to,
      ...(filter.person ? { person: filter.person.trim() } : {}),
      ...(filter.activityId ? { activityId: requireEntityId(filter.activityId, 'activityId') } : {}),
    });
    const records = await this.reader.getMany(WORK_KIND, rows.map((r) => r.workEntryId));
    return records.map((r) => toWorkEntryView(r, null)).filter((e): e is WorkEntry => e !== null);
  }
}
