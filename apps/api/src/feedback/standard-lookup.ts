import { Injectable } from '@nestjs/common';
import type { FeedbackStandard } from '@throughline/domain';
import { STANDARD_KIND } from '@throughline/runtime';
import { EntityReader } from '../common/entity-reader';
import type { Loaders } from '../common/loaders';
import { toStandard } from '../standards/standard.views';
import type { Standard } from '../standards/standard.types';

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
 * A lookup that finds no standard: feedback naming one is refused as NOT_FOUND, never stored
 * unchecked, and `Feedback.standard` answers null. For specs of feedback on its own.
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

/** The standards this service records, read through the same views the standards' queries serve. */
@Injectable()
export class RecordedStandards extends StandardLookup {
  constructor(private readonly reader: EntityReader) {
    super();
  }

  async snapshot(standardId: string): Promise<FeedbackStandard | null> {
    const view = await this.reader.get(STANDARD_KIND, standardId);
    const latest = view?.status === 'NONE' ? undefined : view?.versions.at(-1);
    return latest ? { standardId, latestVersion: latest.version } : null;
  }

  async shown(loaders: Loaders, standardId: string, asOf: string | null): Promise<Standard | null> {
    return toStandard(await loaders.entity(STANDARD_KIND, asOf).load(standardId), asOf);
  }
}
