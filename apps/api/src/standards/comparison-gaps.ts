import { Injectable } from '@nestjs/common';
import type { LocalDate } from '@throughline/domain';
import { ComplianceFactsReader } from '@throughline/read-models';
import { ComplianceRows } from './compliance-rows';
import type { ComplianceRow } from './standard.types';

/**
 * The standards that PMOs set side by side follow at different versions, or that bind some of
 * them and not others, on a day: every compared PMO's row of each such standard. Standards they
 * all follow at one version are no gap and are left out.
 */
@Injectable()
export class ComparisonGaps {
  constructor(
    private readonly facts: ComplianceFactsReader,
    private readonly rows: ComplianceRows,
  ) {}

  async of(pmoIds: readonly string[], on: LocalDate): Promise<ComplianceRow[]> {
    const compared = new Set(pmoIds);
    const rows = this.facts.report(null, on, null).filter((row) => compared.has(row.pmoId));
    const versions = new Map<string, Map<string, number | null>>();
    for (const row of rows) {
      const byPmo = versions.get(row.standardId) ?? new Map<string, number | null>();
      byPmo.set(row.pmoId, row.version);
      versions.set(row.standardId, byPmo);
    }
    const differs = (byPmo: Map<string, number | null>) =>
      byPmo.size < compared.size || new Set(byPmo.values()).size > 1 || [...byPmo.values()].includes(null);
    return this.rows.shown(
      rows.filter((row) => differs(versions.get(row.standardId)!)),
      null,
    );
  }
}
