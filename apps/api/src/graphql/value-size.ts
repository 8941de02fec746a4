import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';

const tooLong = (max: number) => `a string longer than ${max} characters`;
const tooMany = (max: number) => `a list of more than ${max} items`;

const refusal = (what: string, where: string) =>
  new GraphQLError(`${where} holds ${what}; shorten it`, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * Refuses string and list literals beyond the limits anywhere in the document. It is the bound
 * for arguments that are not input objects (ids, names, cursors); input objects have their own,
 * tighter, per-field limits.
 */
export const literalSizeRule =
  (maxText: number, maxList: number): ValidationRule =>
  (context: ValidationContext): ASTVisitor => ({
    StringValue(node) {
      if (node.value.length > maxText) context.reportError(refusal(tooLong(maxText), 'an argument'));
    },
    ListValue(node) {
      if (node.values.length > maxList) context.reportError(refusal(tooMany(maxList), 'an argument'));
    },
  });

/**
 * The same limits over the variables a request sends, declared or not. Walks without recursion:
 * a JSON body can nest far deeper than the call stack.
 */
export function oversizedVariable(variables: unknown, maxText: number, maxList: number): GraphQLError | null {
  if (variables === null || typeof variables !== 'object') return null;
  // Only the variable's name is reported: building a path per level would cost as much as the nesting.
  const pending = Object.entries(variables).map(([name, value]) => ({ value, name }));
  while (pending.length > 0) {
    const { value, name } = pending.pop()!;
    if (typeof value === 'string') {
      if (value.length > maxText) return refusal(tooLong(maxText), `variable $${name}`);
    } else if (Array.isArray(value)) {
      if (value.length > maxList) return refusal(tooMany(maxList), `variable $${name}`);
      for (const item of value) pending.push({ value: item, name });
    } else if (value !== null && typeof value === 'object') {
      for (const item of Object.values(value)) pending.push({ value: item, name });
    }
  }
  return null;
}
