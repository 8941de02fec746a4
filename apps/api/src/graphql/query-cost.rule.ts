import {
  BREAK,
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
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
 * How connection pages are priced: a field that takes `first` or `last` and answers a type with
 * `edges` holds as many edges as it is asked for (`defaultPage` when neither is given), at most
 * `maxPage`, whatever the list size estimate says.
 */
export interface PagePricing {
  readonly defaultPage: number;
  readonly maxPage: number;
  /** The request's variables, when known (at execution). */
  readonly variables?: Readonly<Record<string, unknown>> | null;
}

const isConnectionField = (field: GraphQLField<unknown, unknown>): boolean => {
  const type = getNamedType(field.type);
  return field.args.some((arg) => arg.name === 'first' || arg.name === 'last') && isObjectType(type) && 'edges' in type.getFields();
};

/**
 * The page a connection field asks for. Before the variables are known a page sent in one counts
 * as 1, the least it can be, so the document's own price is a lower bound that never refuses what
 * the variables would allow; with the variables, a page is what they say (absent: the variable's
 * default, else defaultPage).
 */
const pageAskedFor = (selection: FieldNode, operation: OperationDefinitionNode, pricing: PagePricing): number => {
  const sizes = (selection.arguments ?? [])
    .filter((arg) => arg.name.value === 'first' || arg.name.value === 'last')
    .map((arg): number | null => {
      const value = arg.value;
      if (value.kind === Kind.INT) return Number(value.value);
      if (value.kind !== Kind.VARIABLE) return null;
      if (!pricing.variables) return 1;
      const given = pricing.variables[value.name.value];
      if (typeof given === 'number') return given;
      if (given === null) return null;
      const declared = operation.variableDefinitions?.find((d) => d.variable.name.value === value.name.value)?.defaultValue;
      return declared?.kind === Kind.INT ? Number(declared.value) : null;
    })
    .filter((size): size is number => size !== null && Number.isFinite(size));
  // A size beyond the maximum is refused by the field itself, naming the argument; it is priced at the maximum.
  return Math.min(Math.max(1, ...(sizes.length > 0 ? sizes : [pricing.defaultPage])), pricing.maxPage);
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
 * selections under a list field counted `listSize` times, and those under a connection's edges as
 * many times as the page holds (see PagePricing). Fragments are costed once for each list size they
 * are spread under; a fragment that spreads itself (which another rule refuses) counts as
 * infinitely expensive instead of looping.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  listSize: number,
  pricing: PagePricing | null = null,
): number {
  const fragmentCosts = new Map<string, number>();
  const visiting = new Set<string>();

  // `levelSize`: how many items a list field at this level holds (a connection's page inside it).
  const costOf = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | undefined, levelSize: number): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection is bounded by the schema's size and switched on or off as a whole.
        if (selection.name.value.startsWith('__')) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        const inner = field && pricing && isConnectionField(field) ? pageAskedFor(selection, operation, pricing) : listSize;
        const below = selection.selectionSet && field ? costOf(selection.selectionSet, getNamedType(field.type), inner) : 0;
        total += ownCostOf(field) + (field ? multiplierOf(field.type, levelSize) : 1) * below;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, type ?? undefined, levelSize);
      } else {
        const name = selection.name.value;
        if (visiting.has(name)) return Number.POSITIVE_INFINITY;
        const key = `${name}@${levelSize}`;
        let cost = fragmentCosts.get(key);
        if (cost === undefined) {
          const definition = fragment(name);
          visiting.add(name);
          cost = definition ? costOf(definition.selectionSet, schema.getType(definition.typeCondition.name.value) ?? undefined, levelSize) : 0;
          visiting.delete(name);
          fragmentCosts.set(key, cost);
        }
        total += cost;
      }
    }
    return total;
  };

  return costOf(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, listSize);
}

const tooCostly = (cost: number, max: number, nodes?: OperationDefinitionNode): GraphQLError => {
  const what = cost === Number.POSITIVE_INFINITY ? 'is unbounded' : `is ${cost}`;
  return new GraphQLError(`the estimated cost of the operation ${what}; at most ${max} is allowed`, {
    ...(nodes ? { nodes } : {}),
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: Number.isFinite(cost) ? cost : null, maxCost: max },
  });
};

/**
 * Refuses an operation whose estimated cost (see operationCost) exceeds `max`. Validation runs
 * once per document, before the variables are looked at: a page size sent in a variable is priced
 * again, exactly, by requestCostCheck once they are known.
 */
export const queryCostRule =
  (max: number, listSize: number, pricing: PagePricing | null = null): ValidationRule =>
  (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const cost = operationCost(context.getSchema(), node, (name) => context.getFragment(name), listSize, pricing);
      if (cost > max) context.reportError(tooCostly(cost, max, node));
    },
  });

const PAGE_ARGUMENTS = new Set(['first', 'last']);

/** Documents already looked at: whether one sends a page size in a variable. Mercurius reuses a document it parsed. */
const pagedByVariable = new WeakMap<DocumentNode, boolean>();

/** Whether any `first` or `last` argument of the document is a variable: only then do the variables change its price. */
const sendsPageInVariable = (document: DocumentNode): boolean => {
  let found = pagedByVariable.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Argument(node) {
        if (PAGE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    });
    pagedByVariable.set(document, found);
  }
  return found;
};

/**
 * The same limit on the operation a request runs, with its variables: a check before it runs
 * (request-hooks.ts, beforeExecution). A document whose page sizes are all written in it costs
 * what validation priced it at, whatever its variables, so it is priced again only when a page
 * size comes in a variable.
 */
export const requestCostCheck =
  (max: number, listSize: number, pricing: Omit<PagePricing, 'variables'>) =>
  (schema: GraphQLSchema, document: DocumentNode, _context: unknown, variables: unknown): void => {
    if (!sendsPageInVariable(document)) return;
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
    );
    const given = variables !== null && typeof variables === 'object' ? (variables as Record<string, unknown>) : {};
    for (const operation of operations) {
      const cost = operationCost(schema, operation, (name) => fragments.get(name), listSize, { ...pricing, variables: given });
      if (cost > max) throw tooCostly(cost, max);
    }
  };
