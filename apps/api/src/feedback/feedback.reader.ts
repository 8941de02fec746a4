import { Injectable } from '@nestjs/common';
import { FEEDBACK_KIND, isEntityId } from '@throughline/runtime';
import { Clock } from '../common/clock';
import { EntityReader } from '../common/entity-reader';
import { requireEntityId } from '../common/ids';
import type { Loaders } from '../common/loaders';
import type { FeedbackStatus } from '../graphql/enums';
import type { Feedback } from './feedback.types';
import { toFeedbackView } from './feedback.view';

export interface FeedbackFilter {
  readonly toPmoId?: string | null;
  readonly fromPmoId?: string | null;
  readonly status?: FeedbackStatus | null;
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** Feedback as the API shows it, now or as of an instant. */
@Injectable()
export class FeedbackReader {
  constructor(
    private readonly reader: EntityReader,
    private readonly clock: Clock,
  ) {}

  /** Read through the request's loaders, which the permission check shares. */
  async get(loaders: Loaders, feedbackId: string, asOf: string | null): Promise<Feedback | null> {
    if (!isEntityId(feedbackId)) return null;
    const view = await loaders.entity(FEEDBACK_KIND, asOf).load(feedbackId.toLowerCase());
    return toFeedbackView(view, asOf, this.clock.today());
  }

  /**
   * Feedback to a PMO, from a PMO, in a status, or all of it, oldest first: an open list reads
   * as a queue, the longest waiting on top. Each filter is an indexed column.
   */
  async list(filter: FeedbackFilter): Promise<Feedback[]> {
    const views = await this.reader.list(FEEDBACK_KIND, {
      ...(given(filter.toPmoId) ? { pmoId: requireEntityId(filter.toPmoId, 'toPmoId') } : {}),
      ...(given(filter.fromPmoId) ? { parentId: requireEntityId(filter.fromPmoId, 'fromPmoId') } : {}),
      ...(given(filter.status) ? { status: filter.status } : {}),
    });
    const today = this.clock.today();
    return views.map((view) => toFeedbackView(view, null, today)).filter((f): f is Feedback => f !== null);
  }
}
