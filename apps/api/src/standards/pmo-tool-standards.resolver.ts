import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { dayOf } from '@throughline/domain';
import { ComplianceFactsReader } from '@throughline/read-models';
import { Clock } from '../common/clock';
import { LocalDateScalar } from '../graphql/scalars';
import { Pmo } from '../pmos/pmo.types';
import { ComplianceRows } from './compliance-rows';
import { ComplianceRow } from './standard.types';

/**
 * The TOOL standards beside a PMO's tools: how the PMO stands against each tool standard that
 * binds it, on the same day the catalogue is read for.
 */
@Resolver(() => Pmo)
export class PmoToolStandardsResolver {
  constructor(
    private readonly facts: ComplianceFactsReader,
    private readonly rows: ComplianceRows,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => [ComplianceRow], {
    description: 'the TOOL standards that bind the PMO on the day (today, or the day of the asOf it was read at), and how it stands against each',
  })
  async toolStandards(@Parent() pmo: Pmo, @Args('on', { type: () => LocalDateScalar, nullable: true }) on?: string | null): Promise<ComplianceRow[]> {
    const day = on ?? (pmo.asOf ? dayOf(pmo.asOf) : this.clock.today());
    const own = this.facts.report(pmo.id, day, pmo.asOf).filter((row) => row.pmoId === pmo.id);
    return (await this.rows.shown(own, pmo.asOf)).filter((row) => row.standard.kind === 'TOOL');
  }
}
