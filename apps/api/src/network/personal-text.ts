import { Injectable } from '@nestjs/common';
import { PersonalDataVault } from '@throughline/event-store';

/**
 * The one door every personal field passes through on its way to a client: a contact's name,
 * organisation and role, an assessment's reason, a touchpoint's summary. Views and read models
 * hold them sealed, as the events do; this opens them, or answers null once a person they belong
 * to is erased.
 */
@Injectable()
export class PersonalText {
  constructor(private readonly vault: PersonalDataVault) {}

  open(value: string | null): Promise<string | null> {
    return this.vault.open(value);
  }
}
