import { Injectable } from '@nestjs/common';
import { openLinks, type SourcePlan } from '@throughline/domain';
import { ACTIVITY_KIND } from '@throughline/runtime';
import { AggregateLoader, type RequestFolds } from '../common/aggregate-loader';
import { PLAN } from '../common/aggregates';
import { EntityReader } from '../common/entity-reader';

const RATIONALE_MAX = 2000;

/** Text cut to the prose limit, counted in code points as the domain counts it. */
const capped = (text: string): string => [...text].slice(0, RATIONALE_MAX).join('').trim();

/**
 * The plan a template is published from, as the template decider takes it: its period and its
 * activities that were not cancelled, each with why it is there (the rationales of its links in
 * force, else its description) and without its people or objectives.
 */
@Injectable()
export class TemplateSource {
  constructor(
    private readonly loader: AggregateLoader,
    private readonly reader: EntityReader,
  ) {}

  async read(planId: string, folds: RequestFolds): Promise<SourcePlan> {
    const plan = await this.loader.existing(PLAN, planId, 'planId', folds);
    const activities = (await this.reader.list(ACTIVITY_KIND, { parentId: plan.id }))
      .filter((a) => a.status !== 'CANCELLED')
      .map((a) => {
        const rationales = [...new Set(openLinks(a).map((link) => link.rationale))];
        const rationale = rationales.length > 0 ? capped(rationales.join('\n')) : a.description;
        return { title: a.title, mode: a.mode, startsOn: a.startsOn, endsOn: a.endsOn, rationale };
      });
    const { pmoId, periodStart, periodEnd } = plan.state;
    return { planId: plan.id, pmoId, periodStart, periodEnd, activities };
  }
}
