import { Injectable } from '@nestjs/common';
import type { ObjectiveView } from '@throughline/domain';
import type { EntityKey, EntityPageFilter } from '@throughline/read-models';
import { isEntityId, OBJECTIVE_KIND, PMO_KIND } from '@throughline/runtime';
import { Clock } from '../common/clock';
import { connectionOf, ListCap, type Connection, type Keyset, type PageArgs } from '../common/connections';
import { entityKeyset } from '../common/entity-keyset';
import { EntityReader, type Existing } from '../common/entity-reader';
import type { Loaders } from '../common/loaders';
import type { ObjectiveHealth, ObjectiveStatus } from '../graphql/enums';
import type { Objective } from './objective.types';
import { toObjectiveView } from './objective.view';

/** The objectives of the subtree of rootPmoId (the root included), or of every PMO; of one health if asked. */
export interface PortfolioFilter {
  readonly rootPmoId: string | null;
  readonly health?: ObjectiveHealth | null;
}

/** Objectives as the API shows them, now or as of an instant. */
@Injectable()
export class ObjectiveReader {
  constructor(
    private readonly reader: EntityReader,
    private readonly clock: Clock,
    private readonly cap: ListCap,
  ) {}

  /** Read through the request's loaders, which the permission check shares. */
  async get(loaders: Loaders, objectiveId: string, asOf: string | null): Promise<Objective | null> {
    if (!isEntityId(objectiveId)) return null;
    const view = await loaders.entity(OBJECTIVE_KIND, asOf).load(objectiveId.toLowerCase());
    return toObjectiveView(view, asOf, this.clock.today());
  }

  ofPmo(pmoId: string, status: ObjectiveStatus | null, asOf: string | null): Promise<Objective[]> {
    return this.cap.list(this.ofPmoKeyset(pmoId, status, asOf), 'objectives', 'objectivesConnection');
  }

  ofPmoPage(pmoId: string, status: ObjectiveStatus | null, asOf: string | null, args: PageArgs): Promise<Connection<Objective>> {
    return connectionOf(this.ofPmoKeyset(pmoId, status, asOf), args);
  }

  /** Every objective in the subtree of rootPmoId (the root included), or of every PMO, oldest first. */
  async portfolio(filter: PortfolioFilter, asOf: string | null): Promise<Objective[]> {
    return this.cap.list(await this.portfolioKeyset(filter, asOf), 'portfolio', 'portfolioConnection');
  }

  async portfolioPage(filter: PortfolioFilter, asOf: string | null, args: PageArgs): Promise<Connection<Objective>> {
    return connectionOf(await this.portfolioKeyset(filter, asOf), args);
  }

  private ofPmoKeyset(pmoId: string, status: ObjectiveStatus | null, asOf: string | null): Keyset<EntityKey, Objective> {
    return this.keyset('objectives', status ? { pmoId, status } : { pmoId }, asOf, null);
  }

  /**
   * The subtree is found as it stood at the instant; its objectives are then one list in creation
   * order across all its PMOs, so a page never depends on how the PMOs are arranged.
   */
  private async portfolioKeyset(filter: PortfolioFilter, asOf: string | null): Promise<Keyset<EntityKey, Objective>> {
    const pmoIds = filter.rootPmoId === null ? null : await this.subtree(filter.rootPmoId, asOf);
    return this.keyset('portfolio', pmoIds === null ? {} : { pmoIds }, asOf, filter.health ?? null);
  }

  /** Health is judged on the day asked about, so it can only filter the views, never the query. */
  private keyset(cursor: string, filter: EntityPageFilter, asOf: string | null, health: ObjectiveHealth | null): Keyset<EntityKey, Objective> {
    const today = this.clock.today();
    return entityKeyset(this.reader, {
      cursor,
      kind: OBJECTIVE_KIND,
      filter,
      asOf,
      narrows: health !== null,
      nodes: (views: readonly Existing<ObjectiveView>[]) =>
        views.map((view) => {
          const objective = toObjectiveView(view, asOf, today);
          return objective && (health === null || objective.health === health) ? objective : null;
        }),
    });
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
