import { registerEnumType } from '@nestjs/graphql';

/** A GraphQL enum as TypeScript sees it: each value keyed by itself, so a value's type is T. */
export type EnumOf<T extends string> = { readonly [K in T]: K };

/**
 * Registers the GraphQL enum `name` with `values`, in their order, and returns the object that
 * `@Field(() => …)` refers to. Built from the domain's own lists, a field typed with the domain's
 * union takes its values as they are: no TypeScript enum restates them, no cast converts them.
 */
export const enumFrom = <T extends string>(values: readonly T[], name: string, description?: string): EnumOf<T> => {
  // fromEntries types its result by string keys; the entries above make it exactly EnumOf<T>.
  const enumObject = Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as EnumOf<T>;
  registerEnumType(enumObject, description === undefined ? { name } : { name, description });
  return enumObject;
};
