import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { addDays, dayOf, deviationPatterns, DEFAULT_MIN_PMOS, maxDate, PATTERN_WINDOW_DAYS, type LocalDate } from '@throughline/domain';
import { ComplianceFactsReader } from '@throughline/read-models';
import { isEntityId, STANDARD_KIND } from '@throughline/runtime';
import { Requires } from '../auth/requires';
import { ExistingIds, idOf } from '../auth/existing-ids';
import { everyPmo, pmoAt } from '../auth/scopes';
import { ADOPTION, PMO } from '../common/aggregates';
import { InputError } from '../common/app-errors';
import { Clock } from '../common/clock';
import { DecideCommand } from '../common/decide.command';
import { found } from '../common/existing';
import type { Loaders } from '../common/loaders';
import { Caller, RequestLoaders, type RequestContext } from '../common/request-context';
import { DateTimeScalar, LocalDateScalar } from '../graphql/scalars';
import { ComplianceRows } from './compliance-rows';
import { OrganisationSnapshots } from './organisation.snapshots';
import { adoptionIdOf } from '@throughline/runtime';
import { parentOfPmoAt } from './standard.scopes';
import { AdoptStandardInput, KeepStandardVersionInput } from './standard.inputs';
import { ComplianceReport, ComplianceRow, DeviationPattern, Standard } from './standard.types';
import { toStandard } from './standard.views';

type Input<I> = { readonly input: I };

/**
 * Compliance and adoption: the report is computed by the domain's rule over the compliance_facts
 * read model cut at `asOf` (see ComplianceFactsReader), and an adoption or leeway answers the
 * PMO's row as it stands once the read model has its event.
 */
@Resolver(() => ComplianceRow)
export class ComplianceResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly snapshots: OrganisationSnapshots,
    private readonly facts: ComplianceFactsReader,
    private readonly rows: ComplianceRows,
    private readonly clock: Clock,
  ) {}

  @Query(() => ComplianceReport, {
    description: 'every PMO under rootPmoId (the root included; or every PMO) against every standard that applies to it, on a day (today by default), as known at asOf',
  })
  @Requires('organisation.read', everyPmo)
  @ExistingIds(idOf(PMO, (a: { rootPmoId?: string | null }) => a.rootPmoId, 'rootPmoId'))
  async compliance(
    @Args('rootPmoId', { type: () => ID, nullable: true }) rootPmoId?: string | null,
    @Args('on', { type: () => LocalDateScalar, nullable: true }) on?: string | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf?: string | null,
  ): Promise<ComplianceReport> {
    if (rootPmoId && !isEntityId(rootPmoId)) throw new InputError('rootPmoId', 'rootPmoId must be an id');
    const day = on ?? (asOf ? dayOf(asOf) : this.clock.today());
    const rows = await this.rows.shown(this.facts.report(rootPmoId ? rootPmoId.toLowerCase() : null, day, asOf ?? null), asOf ?? null);
    const count = (status: ComplianceRow['status']) => rows.filter((row) => row.status === status).length;
    return {
      on: day,
      asOf: asOf ?? null,
      rows,
      adopted: count('ADOPTED'),
      transition: count('TRANSITION'),
      deviationApproved: count('DEVIATION_APPROVED'),
      deviationRequested: count('DEVIATION_REQUESTED'),
      pending: count('PENDING'),
      nonCompliant: count('NON_COMPLIANT'),
    };
  }

  @Query(() => [DeviationPattern], {
    description:
      'standards from which at least minPmos (default 3) distinct PMOs have deviations approved or requested in the last 365 days (by request day), most PMOs first; every row suggests reviewing the standard itself (reviewSuggested is always true)',
  })
  @Requires('organisation.read', everyPmo)
  deviationPatterns(@Args('minPmos', { type: () => Int, nullable: true }) minPmos?: number | null): DeviationPattern[] {
    const min = minPmos ?? DEFAULT_MIN_PMOS;
    if (!Number.isInteger(min) || min < 1) throw new InputError('minPmos', 'minPmos must be a whole number of at least 1');
    const today = this.clock.today();
    const recent = this.facts.requestedSince(addDays(today, -(PATTERN_WINDOW_DAYS - 1)));
    return deviationPatterns(recent, today, min).map((row) => ({ ...row, reviewSuggested: true }));
  }

  @Mutation(() => ComplianceRow, { description: "the PMO follows a version of the standard from a day; answers the PMO's row as it stands" })
  @Requires('standard.adopt', pmoAt((a: Input<AdoptStandardInput>) => a.input.pmoId, 'pmoId'))
  async adoptStandard(@Args('input') input: AdoptStandardInput, @Caller() caller: RequestContext): Promise<ComplianceRow> {
    const standard = await this.snapshots.standard(input.standardId, 'standardId', caller.folds);
    const pmo = await this.snapshots.pmo(input.pmoId, 'pmoId', caller.folds);
    const adoptionId = adoptionIdOf(standard.standardId, pmo.pmoId);
    await this.commands.execute(
      new DecideCommand(ADOPTION, { id: adoptionId, field: 'pmoId' }, input, caller, () => ({
        type: 'AdoptStandard',
        adoptionId,
        standard,
        pmo,
        version: input.version,
        adoptedOn: input.adoptedOn,
      })),
    );
    return this.rowNow(standard.standardId, pmo.pmoId, standard.versions[0]!.effectiveFrom);
  }

  @Mutation(() => ComplianceRow, { description: "a PROGRAMME PMO lets one of its child PMOs keep an earlier version until a day; answers the child's row as it stands" })
  @Requires('standard.leeway', parentOfPmoAt((a: Input<KeepStandardVersionInput>) => a.input.pmoId, 'pmoId'))
  async keepStandardVersion(@Args('input') input: KeepStandardVersionInput, @Caller() caller: RequestContext): Promise<ComplianceRow> {
    const standard = await this.snapshots.standard(input.standardId, 'standardId', caller.folds);
    const pmo = await this.snapshots.pmo(input.pmoId, 'pmoId', caller.folds);
    const grantor = pmo.parentId === null ? null : await this.snapshots.pmo(pmo.parentId, 'pmoId', caller.folds);
    const adoptionId = adoptionIdOf(standard.standardId, pmo.pmoId);
    await this.commands.execute(
      new DecideCommand(ADOPTION, { id: adoptionId, field: 'pmoId' }, input, caller, () => ({
        type: 'KeepStandardVersion',
        adoptionId,
        standard,
        pmo,
        grantor,
        version: input.version,
        until: input.until,
        reason: input.reason,
      })),
    );
    return this.rowNow(standard.standardId, pmo.pmoId, standard.versions[0]!.effectiveFrom);
  }

  /** Today's row, or, before the standard takes effect, its row on the day it does. */
  private async rowNow(standardId: string, pmoId: string, effectiveFrom: LocalDate): Promise<ComplianceRow> {
    const row = this.facts.row(standardId, pmoId, maxDate(this.clock.today(), effectiveFrom));
    const [shown] = await this.rows.shown([found(row, 'standard', standardId, 'standardId')], null);
    return shown!;
  }
}

@Resolver(() => DeviationPattern)
export class DeviationPatternResolver {
  @ResolveField(() => Standard)
  async standard(@Parent() pattern: DeviationPattern, @RequestLoaders() loaders: Loaders): Promise<Standard> {
    return found(toStandard(await loaders.entity(STANDARD_KIND, null).load(pattern.standardId), null), 'standard', pattern.standardId);
  }
}
