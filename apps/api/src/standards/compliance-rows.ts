import { Injectable } from '@nestjs/common';
import type { ComplianceFactsRow } from '@throughline/read-models';
import { DEVIATION_KIND, PMO_KIND, STANDARD_KIND } from '@throughline/runtime';
import { Clock } from '../common/clock';
import { EntityReader } from '../common/entity-reader';
import { NotFoundError } from '../common/app-errors';
import type { Pmo } from '../pmos/pmo.types';
import { toPmoView } from '../pmos/pmo.view';
import type { ComplianceRow, Deviation, Standard } from './standard.types';
import { toDeviation, toStandard } from './standard.views';

const distinct = (ids: readonly (string | null)[]): string[] => [...new Set(ids.filter((id): id is string => id !== null))];

/**
 * Rows of a compliance report with their PMO, standard and deviation as of the same instant:
 * each PMO, standard and deviation is read once for the whole report (one batched read each).
 */
@Injectable()
export class ComplianceRows {
  constructor(
    private readonly reader: EntityReader,
    private readonly clock: Clock,
  ) {}

  async shown(rows: readonly ComplianceFactsRow[], asOf: string | null): Promise<ComplianceRow[]> {
    const today = this.clock.today();
    const pmoIds = distinct(rows.map((r) => r.pmoId));
    const standardIds = distinct(rows.map((r) => r.standardId));
    const deviationIds = distinct(rows.map((r) => r.deviationId));
    const [pmoViews, standardViews, deviationViews] = await Promise.all([
      this.reader.getMany(PMO_KIND, pmoIds, asOf),
      this.reader.getMany(STANDARD_KIND, standardIds, asOf),
      this.reader.getMany(DEVIATION_KIND, deviationIds, asOf),
    ]);
    const pmos = new Map<string, Pmo | null>(pmoIds.map((id, i) => [id, toPmoView(pmoViews[i] ?? null, asOf)]));
    const standards = new Map<string, Standard | null>(standardIds.map((id, i) => [id, toStandard(standardViews[i] ?? null, asOf)]));
    const deviations = new Map<string, Deviation | null>(deviationIds.map((id, i) => [id, toDeviation(deviationViews[i] ?? null, asOf, today)]));
    return rows.map((row) => ({
      pmo: known(pmos.get(row.pmoId), 'PMO', row.pmoId),
      standard: known(standards.get(row.standardId), 'standard', row.standardId),
      deviation: row.deviationId === null ? null : (deviations.get(row.deviationId) ?? null),
      status: row.status,
      version: row.version,
      currentVersion: row.currentVersion,
      dueOn: row.dueOn,
    }));
  }
}

// The compliance facts and the entity views come from one read-model database, written in one
// transaction per batch, so a fact's PMO or standard is always there.
const known = <T>(value: T | null | undefined, noun: string, id: string): T => {
  if (value === null || value === undefined) throw new NotFoundError(noun, id);
  return value;
};
