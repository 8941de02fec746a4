import { visibleText } from '@throughline/domain';
import { InputError } from '../common/app-errors';
import { MAX_TEXT } from '../common/base-inputs';

/**
 * A reason the event's metadata carries (why a relationship ended, a group was revised, a
 * person's data was erased): required, and held to the text rule every reason a decider reads is.
 */
export const requiredReason = (value: unknown): string => {
  const reason = visibleText('reason', value);
  if ([...reason].length > MAX_TEXT) throw new InputError('reason', `reason must be at most ${MAX_TEXT} characters`);
  return reason;
};
