import { Injectable } from '@nestjs/common';
import type { FeedbackStandard } from '@throughline/domain';
import type { Loaders } from '../common/loaders';
import type { Standard } from './standard.types';

/**
 * Where feedback finds the standard it names: the one seam between feedback and the standards.
 * A command checks through `snapshot` that the standard exists (and how far it has been revised);
 * `Feedback.standard` resolves through `shown`. Feedback itself stores only the id.
 */
export abstract class StandardLookup {
  /** The standard as commands judge it, now; null when no standard has this id. */
  abstract snapshot(standardId: string): Promise<FeedbackStandard | null>;

  /** The standard as the API shows it, as of the instant (now when null); null when there is none. */
  abstract shown(loaders: Loaders, standardId: string, asOf: string | null): Promise<Standard | null>;
}

/**
 * The lookup while no standards are served here: it finds none, so feedback naming a standard is
 * refused as NOT_FOUND rather than stored unchecked, and `Feedback.standard` answers null. Binding
 * StandardLookup in FeedbackModule to a lookup over the standards' reads is all it takes to check
 * and show real ones.
 */
@Injectable()
export class NoStandards extends StandardLookup {
  async snapshot(): Promise<FeedbackStandard | null> {
    return null;
  }

  async shown(): Promise<Standard | null> {
    return null;
  }
}
