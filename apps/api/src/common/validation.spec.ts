import type { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { InputError } from './app-errors';
import { inputValidationPipe } from './validation';

class NoteInput {
  @IsString() rationale!: string;
  @IsOptional() @IsString() note?: string | null;
}

class SampleInput {
  @IsString() title!: string;
  @IsOptional() @IsString() description?: string | null;
  @IsOptional() @IsString() parentId?: string | null;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => NoteInput) notes?: NoteInput[] | null;
}

const asInput: ArgumentMetadata = { type: 'body', metatype: SampleInput, data: 'input' };

const refusal = async (value: object, metadata: ArgumentMetadata = asInput): Promise<{ field: string; message: string }> => {
  try {
    await inputValidationPipe().transform(value, metadata);
  } catch (error) {
    if (error instanceof InputError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected the input to be refused');
};

describe('the input pipe', () => {
  it('takes null and omission as none', async () => {
    const input = await inputValidationPipe().transform({ title: 'Plan', description: null }, asInput);
    expect(input).toBeInstanceOf(SampleInput);
    expect(input).toMatchObject({ title: 'Plan', description: null });
  });

  it.each([
    ['an empty id', { parentId: '' }, 'parentId', 'parentId must not be blank'],
    ['a blank description', { description: '  ' }, 'description', 'description must not be blank'],
    ['an invisible description', { description: '\u200b' }, 'description', 'description must contain a visible character'],
    ['a bidi override in a description', { description: 'Pay \u202e10' }, 'description', 'description must not contain bidi embeddings, overrides or isolates'],
    ['a zero-width space in an id', { parentId: 'a\u200bb' }, 'parentId', expect.stringContaining('invisible format characters')],
  ])('refuses %s in an optional field, naming it', async (_what, given, field, message) => {
    expect(await refusal({ title: 'Plan', ...given })).toEqual({ field, message });
  });

  it('names an optional text in a list the way the domain does', async () => {
    const given = { title: 'Plan', notes: [{ rationale: 'Why', note: 'Fine' }, { rationale: 'Why', note: '' }] };
    expect((await refusal(given)).field).toBe('notes[1].note');
  });

  it('leaves required text to the domain, which has its own codes for some of it', async () => {
    const input = await inputValidationPipe().transform({ title: '', notes: [{ rationale: ' ' }] }, asInput);
    expect(input).toMatchObject({ title: '', notes: [{ rationale: ' ' }] });
  });

  it('reports a class-validator failure first, as before', async () => {
    expect(await refusal({ title: 7, description: '' })).toEqual({ field: 'title', message: 'title must be a string' });
  });

  it('looks only at input objects, not at what a custom decorator supplies', async () => {
    const caller = { description: '' };
    await expect(inputValidationPipe().transform(caller, { type: 'custom', metatype: SampleInput })).resolves.toBe(caller);
  });
});
