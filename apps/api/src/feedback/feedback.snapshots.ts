import { Injectable } from '@nestjs/common';
import type { RaisingPmo, FeedbackStandard } from '@throughline/domain';
import { AggregateLoader, type RequestFolds } from '../common/aggregate-loader';
import { PMO } from '../common/aggregates';
import { NotFoundError } from '../common/app-errors';
import { requireEntityId } from '../common/ids';
import { StandardLookup } from './standard-lookup';

/**
 * The feedback decider judges PMOs and standards from snapshots: a PMO with the PMOs above it,
 * folded from their streams the way commands fold them (fresher than the read model), and a
 * standard through the standards' lookup. A missing one is NOT_FOUND on the field that named it.
 */
@Injectable()
export class FeedbackSnapshots {
  constructor(
    private readonly loader: AggregateLoader,
    private readonly standards: StandardLookup,
  ) {}

  /** The PMO and its ancestors, nearest first; a parent that cannot be read ends the line. */
  async lineage(value: string, field: string, folds: RequestFolds): Promise<RaisingPmo> {
    const { id: pmoId, view } = await this.loader.existing(PMO, value, field, folds);
    const ancestorIds: string[] = [];
    // The hierarchy is a tree, so the walk ends at its top; the guard only keeps a damaged
    // record from looping.
    for (let parentId = view.status === 'NONE' ? null : view.parentId; parentId !== null && parentId !== pmoId && !ancestorIds.includes(parentId); ) {
      const parent = await this.loader.load(PMO, parentId, folds);
      if (parent.view.status === 'NONE') break;
      ancestorIds.push(parentId);
      parentId = parent.view.parentId;
    }
    return { pmoId, ancestorIds };
  }

  async existingPmo(value: string, field: string, folds: RequestFolds): Promise<string> {
    return (await this.loader.existing(PMO, value, field, folds)).id;
  }

  async standard(value: string, field: string): Promise<FeedbackStandard> {
    const id = requireEntityId(value, field);
    const standard = await this.standards.snapshot(id);
    if (!standard) throw new NotFoundError('standard', id, field);
    return standard;
  }

  /** The standard feedback names, as it stands now; null when it names none or it cannot be found. */
  async standardOf(standardId: string | null): Promise<FeedbackStandard | null> {
    return standardId === null ? null : this.standards.snapshot(standardId);
  }
}
