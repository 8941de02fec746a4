import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Refuses a document with more aliased fields than `max`: aliases are how one request asks the
 * same expensive question thousands of times.
 */
export const aliasLimitRule =
  (max: number): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave(node) {
          if (aliases > max) {
            context.reportError(
              new GraphQLError(`the document has ${aliases} aliases; at most ${max} are allowed`, {
                nodes: node,
                extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
              }),
            );
          }
        },
      },
    };
  };
