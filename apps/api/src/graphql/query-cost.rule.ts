import {
  GraphQLError,
  Kind,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** How many times a field's selections count: `listSize` for each list wrapping its type. */
const multiplierOf = (type: GraphQLOutputType, listSize: number): number => {
  let multiplier = 1;
  let current: GraphQLOutputType = type;
  while (isNonNullType(current) || isListType(current)) {
    if (isListType(current)) multiplier *= listSize;
    current = current.ofType;
  }
  return multiplier;
};

/**
 * What a field costs by itself: 1, or the `complexity` its resolver declares when it does far
 * more work than reading a row (an integrity check reads the whole store).
 */
const ownCostOf = (field: { readonly extensions?: Readonly<Record<string, unknown>> | null } | undefined): number => {
  const declared = field?.extensions?.complexity;
  return typeof declared === 'number' && Number.isFinite(declared) && declared > 0 ? declared : 1;
};

/**
 * The estimated cost of one operation: 1 per field (or what the field declares), with the
 * selections under a list field counted `listSize` times. Fragments are costed once each; a fragment that spreads itself
 * (which another rule refuses) counts as infinitely expensive instead of looping.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  listSize: number,
): number {
  const fragmentCosts = new Map<string, number>();
  const visiting = new Set<string>();

  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection is bounded by the schema's size and switched on or off as a whole.
        if (selection.name.value.startsWith('__')) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        const below = selection.selectionSet && field ? costOf(selection.selectionSet, getNamedType(field.type)) : 0;
        total += ownCostOf(field) + (field ? multiplierOf(field.type, listSize) : 1) * below;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, type ?? undefined);
      } else {
        const name = selection.name.value;
        if (visiting.has(name)) return Number.POSITIVE_INFINITY;
        let cost = fragmentCosts.get(name);
        if (cost === undefined) {
          const definition = fragment(name);
          visiting.add(name);
          cost = definition ? costOf(definition.selectionSet, schema.getType(definition.typeCondition.name.value) ?? undefined) : 0;
          visiting.delete(name);
          fragmentCosts.set(name, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  return costOf(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
}

/** Refuses an operation whose estimated cost (see operationCost) exceeds `max`. */
export const queryCostRule =
  (max: number, listSize: number): ValidationRule =>
  (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const cost = operationCost(context.getSchema(), node, (name) => context.getFragment(name), listSize);
      if (cost > max) {
        const what = cost === Number.POSITIVE_INFINITY ? 'is unbounded' : `is ${cost}`;
        context.reportError(
          new GraphQLError(`the estimated cost of the operation ${what}; at most ${max} is allowed`, {
            nodes: node,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: Number.isFinite(cost) ? cost : null, maxCost: max },
          }),
        );
      }
    },
  });
