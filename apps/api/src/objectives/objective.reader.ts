import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { OBJECTIVE_KIND, PMO_KIND } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import type { Loaders } from '../common/loaders';
import { isEntityId } from '@throughline/runtime';
import type { ObjectiveStatus } from '../graphql/enums';
import type { Objective } from './objective.types';
import { toObjectiveView } from './objective.view';

/** Objectives as the API shows them, now or as of an instant. */
@Injectable()
export class ObjectiveReader {
  constructor(
    private readonly reader: EntityReader,
    private readonly clock: Clock,
  ) {}

  /** Read through the request's loaders, which the permission check shares. */
  async get(loaders: Loaders, objectiveId: string, asOf: string | null): Promise<Objective | null> {
    if (!isEntityId(objectiveId)) return null;
    const view = await loaders.entity(OBJECTIVE_KIND, asOf).load(objectiveId.toLowerCase());
    return toObjectiveView(view, asOf, this.clock.today());
  }

  async ofPmo(pmoId: string, status: ObjectiveStatus | null, asOf: string | null): Promise<Objective[]> {
    const filter = status ? { pmoId, status } : { pmoId };
    const views = await this.reader.list(OBJECTIVE_KIND, filter, asOf);
    const today = this.clock.today();
    return views.map((view) => toObjectiveView(view, asOf, today)).filter((o): o is Objective => o !== null);
  }

  /** Every objective in the subtree of rootPmoId (the root included), or of every PMO. */
  async portfolio(rootPmoId: string | null, asOf: string | null): Promise<Objective[]> {
    const today = this.clock.today();
    const pmoIds = rootPmoId === null ? null : await this.subtree(rootPmoId, asOf);
    const views =
      pmoIds === null
        ? await this.reader.list(OBJECTIVE_KIND, {}, asOf)
        : (await Promise.all(pmoIds.map((pmoId) => this.reader.list(OBJECTIVE_KIND, { pmoId }, asOf)))).flat();
    return views.map((view) => toObjectiveView(view, asOf, today)).filter((o): o is Objective => o !== null);
  }

  /** The root and all its descendants that existed as of the instant; [] when the root did not. */
  private async subtree(rootPmoId: string, asOf: string | null): Promise<string[]> {
    if (!isEntityId(rootPmoId)) return [];
    const root = await this.reader.get(PMO_KIND, rootPmoId.toLowerCase(), asOf);
    if (!root || root.status === 'NONE') return [];
    const found: string[] = [];
    for (let frontier = [root.pmoId]; frontier.length > 0; ) {
      found.push(...frontier);
      const children = await Promise.all(frontier.map((parentId) => this.reader.list(PMO_KIND, { parentId }, asOf)));
      frontier = children.flat().map((c) => c.pmoId);
    }
    return found;
  }
}
