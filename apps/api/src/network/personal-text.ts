import { Injectable } from '@nestjs/common';

/**
 * The one door every personal field passes through on its way to a client: a contact's name,
 * organisation and role, an assessment's reason, a touchpoint's summary. Views and read models
 * hold these as the events hold them; once the store seals them, this opens them (null when the
 * person's keys are gone). Until then the text is stored as given, and this hands it on.
 */
@Injectable()
export class PersonalText {
  open(value: string | null): string | null {
    return value;
  }
}
