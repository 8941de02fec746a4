import { Inject, Injectable } from '@nestjs/common';
import { CONFIDENTIAL_FIELDS, type PersonalFieldRules } from '@throughline/domain';
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

  async open(type: string, data: Readonly<Record<string, unknown>>): Promise<OpenedEventData> {
    const opened = await openEventData(type, data, this.rules, this.vault);
    // Confidential fields (a COUNSELLOR session's notes) are no auditor's: null, and named as erased ones are.
    const withheld = Object.hasOwn(CONFIDENTIAL_FIELDS, type) ? CONFIDENTIAL_FIELDS[type]!(data).filter((field) => field in opened.data) : [];
    if (withheld.length === 0) return opened;
    return {
      data: { ...opened.data, ...Object.fromEntries(withheld.map((field) => [field, null])) },
      erasedFields: [...new Set([...opened.erasedFields, ...withheld])],
    };
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
