import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { DomainError, visibleText } from '@throughline/domain';
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

const optionalByClass = new WeakMap<Function, ReadonlySet<string>>();

/** The properties of an input class a client may leave out (IsOptional), inherited ones included. */
const optionalProperties = (inputClass: Function): ReadonlySet<string> => {
  let optional = optionalByClass.get(inputClass);
  if (!optional) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(inputClass, '', true, false);
    optional = new Set(metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName));
    optionalByClass.set(inputClass, optional);
  }
  return optional;
};

/**
 * The first optional text (or id) given as a string the domain would not take as text: empty,
 * blank, invisible, or holding a character its kind refuses. Handlers read a falsy or missing
 * optional as "none", so "" must be refused before them; required text reaches the domain as
 * given and is judged there by the same rule (and, for some fields, a more telling code).
 * Nested inputs are named as the domain names them: metric.name, contributions[0].rationale.
 */
const firstUnusableOptional = (input: object, prefix = ''): InputError | null => {
  const optional = optionalProperties(input.constructor);
  for (const [property, value] of Object.entries(input)) {
    const field = prefix ? `${prefix}.${property}` : property;
    if (typeof value === 'string') {
      if (!optional.has(property)) continue;
      try {
        visibleText(field, value);
      } catch (error) {
        if (error instanceof DomainError) return new InputError(error.field ?? field, error.message);
        throw error;
      }
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const problem = item !== null && typeof item === 'object' ? firstUnusableOptional(item, `${field}[${index}]`) : null;
        if (problem) return problem;
      }
    } else if (value !== null && typeof value === 'object') {
      const problem = firstUnusableOptional(value, field);
      if (problem) return problem;
    }
  }
  return null;
};

/**
 * class-validator on every input, then the domain's text rule on every optional string in it:
 * null or omitted is the only "none". Failures name the field and reach clients as BAD_USER_INPUT.
 */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const input: unknown = await super.transform(value, metadata);
    // Input objects only: not scalars, nor what custom decorators (the caller) supply.
    if (!this.toValidate(metadata) || input === null || typeof input !== 'object') return input;
    const problem = firstUnusableOptional(input);
    if (problem) throw problem;
    return input;
  }
}

export const inputValidationPipe = () =>
  new InputValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => firstProblem(errors) ?? new InputError('input', 'invalid input'),
  });
