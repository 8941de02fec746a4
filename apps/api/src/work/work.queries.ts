import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { WorkState } from '@throughline/domain';
import { WORK_KIND, isEntityId } from '@throughline/runtime';
import { AlignmentReader } from '@throughline/read-models';
import { requireWindow } from '../common/date-window';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { WorkEntry } from './work.types';
import { toWorkEntryView } from './work.view';

export class WorkEntryQuery {
  constructor(readonly workEntryId: string, readonly asOf: string | null) {}
}

@QueryHandler(WorkEntryQuery)
export class WorkEntryQueryHandler implements IQueryHandler<WorkEntryQuery, WorkEntry | null> {
  constructor(private readonly reader: EntityReader) {}

  async execute({ workEntryId, asOf }: WorkEntryQuery): Promise<WorkEntry | null> {
    if (!isEntityId(workEntryId)) return null;
    return toWorkEntryView(await this.reader.get<WorkState>(WORK_KIND, workEntryId.toLowerCase(), asOf), asOf);
  }
}

/** A PMO's work entries with workedOn in [from, to], optionally of one person or activity. */
export class WorkEntriesQuery {
  constructor(
    readonly filter: { pmoId: string; from: string; to: string; person?: string | null; activityId?: string | null },
  ) {}
}

@QueryHandler(WorkEntriesQuery)
export class WorkEntriesQueryHandler implements IQueryHandler<WorkEntriesQuery, WorkEntry[]> {
  constructor(
    private readonly reader: EntityReader,
    private readonly alignment: AlignmentReader,
  ) {}

  async execute({ filter }: WorkEntriesQuery): Promise<WorkEntry[]> {
    requireWindow(filter.from, filter.to);
    const rows = this.alignment.workEntries({
      pmoId: requireEntityId(filter.pmoId, 'pmoId'),
      from: filter.from,
      to: filter.to,
      ...(filter.person ? { person: filter.person.trim() } : {}),
      ...(filter.activityId ? { activityId: requireEntityId(filter.activityId, 'activityId') } : {}),
    });
    const records = await this.reader.getMany<WorkState>(WORK_KIND, rows.map((r) => r.workEntryId));
    return records.map((r) => toWorkEntryView(r, null)).filter((e): e is WorkEntry => e !== null);
  }
}

export const WORK_QUERY_HANDLERS = [WorkEntryQueryHandler, WorkEntriesQueryHandler];
