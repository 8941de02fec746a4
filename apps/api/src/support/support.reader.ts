import { Injectable } from '@nestjs/common';
import { assistanceFigures, engagementSessions, type SupportStatus } from '@throughline/domain';
import { isEntityId, QUALIFICATION_KIND, SUPPORT_ENGAGEMENT_KIND } from '@throughline/runtime';
import { requireWindow } from '../common/date-window';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import { qualificationsIdOf } from './support-ids';
import { SupportViews } from './support.views';
import type { AssistanceReport, Qualification, SupportEngagement } from './support.types';

/** Support as the API shows it, now or as of an instant. */
@Injectable()
export class SupportReader {
  constructor(
    private readonly reader: EntityReader,
    private readonly views: SupportViews,
  ) {}

  /** One person's qualifications in the order recorded, or everyone's. */
  async qualifications(person: string | null | undefined): Promise<Qualification[]> {
    if (typeof person === 'string') return this.views.qualifications(await this.reader.get(QUALIFICATION_KIND, qualificationsIdOf(person)));
    return (await this.reader.list(QUALIFICATION_KIND, {})).flatMap((view) => this.views.qualifications(view));
  }

  async engagement(id: string, asOf: string | null): Promise<SupportEngagement | null> {
    if (!isEntityId(id)) return null;
    return this.views.engagement(await this.reader.get(SUPPORT_ENGAGEMENT_KIND, id.toLowerCase(), asOf), asOf);
  }

  /** The PMO's engagements, oldest first; of one status when given. */
  async engagements(pmoId: string, status: SupportStatus | null | undefined, asOf: string | null): Promise<SupportEngagement[]> {
    const views = await this.reader.list(SUPPORT_ENGAGEMENT_KIND, { pmoId: requireEntityId(pmoId, 'pmoId'), ...(status ? { status } : {}) }, asOf);
    return views.map((view) => this.views.engagement(view, asOf)).filter((e): e is SupportEngagement => e !== null);
  }

  /** The PMO's assistance over from..to (see assistanceFigures), as known at asOf. */
  async report(pmoId: string, from: string, to: string, asOf: string | null): Promise<AssistanceReport> {
    requireWindow(from, to);
    const id = requireEntityId(pmoId, 'pmoId');
    const views = await this.reader.list(SUPPORT_ENGAGEMENT_KIND, { pmoId: id }, asOf);
    const figures = assistanceFigures(
      views.map((view) => ({ engagementId: view.engagementId, requestedAs: view.requestedAs, sessions: engagementSessions(view) })),
      from,
      to,
    );
    const mislabelled = new Set(figures.mislabelled);
    return {
      from,
      to,
      byMode: figures.byMode,
      engagements: figures.engagements,
      requestedAsCoaching: figures.requestedAsCoaching,
      deliveredAsCoaching: figures.deliveredAsCoaching,
      mislabelled: views
        .filter((view) => mislabelled.has(view.engagementId))
        .map((view) => this.views.engagement(view, asOf))
        .filter((e): e is SupportEngagement => e !== null),
      pmoId: id,
      asOf,
    };
  }
}
