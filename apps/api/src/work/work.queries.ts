import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { WorkState } from '@throughline/domain';
import { WORK_KIND } from '../common/entity-kinds';
import { EntityReader } from '../common/entity-reader';
import { isEntityId } from '../common/stream-ids';
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

export const WORK_QUERY_HANDLERS = [WorkEntryQueryHandler];
