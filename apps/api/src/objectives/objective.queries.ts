import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ObjectiveState, PmoState } from '@throughline/domain';
import { Clock } from '../common/clock';
import { OBJECTIVE_KIND, PMO_KIND, isEntityId } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import type { ObjectiveStatus } from '../graphql/enums';
import type { Objective } from './objective.types';
import { toObjectiveView } from './objective.view';

export class ObjectiveQuery {
  constructor(readonly objectiveId: string, readonly asOf: string | null) {}
}

export class PmoObjectivesQuery {
  constructor(readonly pmoId: string, readonly status: ObjectiveStatus | null, readonly asOf: string | null) {}
}

/** Every objective in the subtree of rootPmoId (the root included), or of every PMO. */
export class PortfolioQuery {
  constructor(readonly rootPmoId: string | null, readonly asOf: string | null) {}
}

const statusOf = (state: ObjectiveState) => state.status;

@QueryHandler(ObjectiveQuery)
export class ObjectiveQueryHandler implements IQueryHandler<ObjectiveQuery, Objective | null> {
  constructor(private readonly reader: EntityReader, private readonly clock: Clock) {}

  async execute({ objectiveId, asOf }: ObjectiveQuery): Promise<Objective | null> {
    if (!isEntityId(objectiveId)) return null;
    const record = await this.reader.get<ObjectiveState>(OBJECTIVE_KIND, objectiveId.toLowerCase(), asOf);
    return toObjectiveView(record, asOf, this.clock.today());
  }
}

@QueryHandler(PmoObjectivesQuery)
export class PmoObjectivesQueryHandler implements IQueryHandler<PmoObjectivesQuery, Objective[]> {
  constructor(private readonly reader: EntityReader, private readonly clock: Clock) {}

  async execute({ pmoId, status, asOf }: PmoObjectivesQuery): Promise<Objective[]> {
    const filter = status ? { pmoId, status } : { pmoId };
    const records = await this.reader.list<ObjectiveState>(OBJECTIVE_KIND, filter, asOf, statusOf);
    const today = this.clock.today();
    return records.map((r) => toObjectiveView(r, asOf, today)).filter((o): o is Objective => o !== null);
  }
}

@QueryHandler(PortfolioQuery)
export class PortfolioQueryHandler implements IQueryHandler<PortfolioQuery, Objective[]> {
  constructor(private readonly reader: EntityReader, private readonly clock: Clock) {}

  async execute({ rootPmoId, asOf }: PortfolioQuery): Promise<Objective[]> {
    const today = this.clock.today();
    const pmoIds = rootPmoId === null ? null : await this.subtree(rootPmoId, asOf);
    const records =
      pmoIds === null
        ? await this.reader.list<ObjectiveState>(OBJECTIVE_KIND, {}, asOf)
        : (await Promise.all(pmoIds.map((pmoId) => this.reader.list<ObjectiveState>(OBJECTIVE_KIND, { pmoId }, asOf)))).flat();
    return records.map((r) => toObjectiveView(r, asOf, today)).filter((o): o is Objective => o !== null);
  }

  /** The root and all its descendants that existed as of the instant; [] when the root did not. */
  private async subtree(rootPmoId: string, asOf: string | null): Promise<string[]> {
    if (!isEntityId(rootPmoId)) return [];
    const root = await this.reader.get<PmoState>(PMO_KIND, rootPmoId.toLowerCase(), asOf);
    if (!root || root.state.status === 'NONE') return [];
    const found: string[] = [];
    for (let frontier = [root.entityId]; frontier.length > 0; ) {
      found.push(...frontier);
      const children = await Promise.all(frontier.map((parentId) => this.reader.list<PmoState>(PMO_KIND, { parentId }, asOf)));
      frontier = children.flat().map((c) => c.entityId);
    }
    return found;
  }
}

export const OBJECTIVE_QUERY_HANDLERS = [ObjectiveQueryHandler, PmoObjectivesQueryHandler, PortfolioQueryHandler];
