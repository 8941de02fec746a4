import { Inject, Injectable } from '@nestjs/common';
import type { PersonalFieldRules } from '@throughline/domain';
import { openEventData, PersonalDataVault, type OpenedEventData } from '@throughline/event-store';
import { PERSONAL_FIELD_RULES } from './tokens';

/**
 * Event data as auditors see it (history, audit log, export): personal fields opened, or null with
 * their names listed once the person was erased; never a sealed string.
 */
@Injectable()
export class EventDataOpener {
  constructor(
    private readonly vault: PersonalDataVault,
    @Inject(PERSONAL_FIELD_RULES) private readonly rules: PersonalFieldRules,
  ) {}

  open(type: string, data: Readonly<Record<string, unknown>>): Promise<OpenedEventData> {
    return openEventData(type, data, this.rules, this.vault);
  }

  /** Each item with its data opened, in order. */
  all<T extends { readonly type: string; readonly data: Readonly<Record<string, unknown>> }>(items: readonly T[]): Promise<(T & { readonly erasedFields: readonly string[] })[]> {
    return Promise.all(
      items.map(async (item) => {
        const { data, erasedFields } = await this.open(item.type, item.data);
        return { ...item, data, erasedFields };
      }),
    );
  }
}
