import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InputError } from './app-errors';

/** The first failing constraint, with its dotted path (metric.target), as one InputError. */
const firstProblem = (errors: readonly ValidationError[], prefix = ''): InputError | null => {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return new InputError(field, message);
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
};

/** class-validator on every input; failures name the field and reach clients as BAD_USER_INPUT. */
export const inputValidationPipe = () =>
  new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => firstProblem(errors) ?? new InputError('input', 'invalid input'),
  });
