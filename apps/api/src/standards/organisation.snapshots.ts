import { Injectable } from '@nestjs/common';
import type { PmoInTree, StandardSnapshot } from '@throughline/domain';
import { AggregateLoader, type RequestFolds } from '../common/aggregate-loader';
import { PMO, STANDARD } from '../common/aggregates';

/** PMO chains are short (portfolio, programme, project): a longer one is a loop in the record. */
const MAX_DEPTH = 64;

/**
 * The standard, adoption and deviation deciders judge PMOs and standards from snapshots; these
 * fold them the way commands do and report a missing one as NOT_FOUND on the field that named it.
 */
@Injectable()
export class OrganisationSnapshots {
  constructor(private readonly loader: AggregateLoader) {}

  /** The PMO with every PMO above it, parent first. */
  async pmo(value: string, field: string, folds: RequestFolds): Promise<PmoInTree & { readonly parentId: string | null }> {
    const { id: pmoId, state, view } = await this.loader.existing(PMO, value, field, folds);
    const parentId = view.status === 'NONE' ? null : view.parentId;
    const ancestorIds: string[] = [];
    for (let next = parentId; next !== null && ancestorIds.length < MAX_DEPTH && !ancestorIds.includes(next); ) {
      ancestorIds.push(next);
      const parent = await this.loader.load(PMO, next, folds);
      next = parent.view.status === 'NONE' ? null : parent.view.parentId;
    }
    return { pmoId, kind: state.kind, ancestorIds, parentId };
  }

  async standard(value: string, field: string, folds: RequestFolds): Promise<StandardSnapshot> {
    const { id: standardId, state } = await this.loader.existing(STANDARD, value, field, folds);
    const { pmoId, status, appliesTo, versions, maxDeviationDays } = state;
    return { standardId, publisherPmoId: pmoId, status, appliesTo, versions, maxDeviationDays };
  }
}
