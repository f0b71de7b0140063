// Limits on what one operation may ask of the database, checked after validation and before execution:
// nesting depth, an estimated cost that counts list sizes (a page of `first` items costs `first` times its
// fields), and page size (`first` ≤ 500 on every connection). Each refusal names the limit, its value and
// what the operation had, Chinese first.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLSchema,
  GraphQLSkipDirective,
  type InlineFragmentNode,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import type { LimitsConfig } from '../../config.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSizeError } from '../../common/pagination.js';

export const QUERY_TOO_DEEP = 'QUERY_TOO_DEEP';
export const QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY';

/** Nesting depth of the operation's fields (root fields are 1); introspection's own nesting is not counted. */
export function operationDepth(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        // The schema bounds introspection; tools' introspection queries nest `ofType` a dozen levels deep.
        if (s.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, 1 + depthOf(s.selectionSet, seen));
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(s.selectionSet, seen));
      } else {
        const name = s.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue; // validation refuses unknown and cyclic fragments
        deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set(seen).add(name)));
      }
    }
    return deepest;
  };
  return depthOf(operation.selectionSet, new Set());
}

/** A top-level field is at least one SQL statement (an aggregate scans a table): it weighs as 100 fields. */
export const ROOT_FIELD_COST = 100;

/**
 * Cost: each field 1 plus its children, a top-level field ROOT_FIELD_COST plus its children; a field with a
 * `first` argument (a page) counts its children `first` times, with the field's default page size when
 * `first` is not given. Nested pages multiply; aliases and fragments count every time they select; fields
 * left out by @skip/@include do not count. Our own walk rather than graphql-query-complexity: its ES module
 * build loads a second copy of graphql next to the server's in Node ("another module or realm").
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): { cost: number; pageSizes: number[] } {
  const pageSizes: number[] = [];
  const operation = getOperationAST(document, operationName);
  if (!operation) return { cost: 0, pageSizes };
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) throw coerced.errors[0]!;
  const values = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode) =>
    getDirectiveValues(GraphQLSkipDirective, node, values)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, values)?.if !== false;

  const fieldOf = (parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  };

  const costOf = (parent: GraphQLCompositeType, set: SelectionSetNode, root: boolean, seen: Set<string>): number => {
    let total = 0;
    for (const s of set.selections) {
      if (!included(s)) continue;
      if (s.kind === Kind.FIELD) {
        const field = fieldOf(parent, s.name.value);
        if (!field) continue; // validation refuses unknown fields before this runs
        const child = getNamedType(field.type);
        const children = s.selectionSet && isCompositeType(child) ? costOf(child, s.selectionSet, false, seen) : 0;
        const own = root ? ROOT_FIELD_COST : 1;
        const firstArg = field.args.find((a) => a.name === 'first');
        if (!firstArg) {
          total += own + children;
          continue;
        }
        const given = getArgumentValues(field, s, values).first;
        const first =
          typeof given === 'number'
            ? given
            : typeof firstArg.defaultValue === 'number'
              ? firstArg.defaultValue
              : DEFAULT_PAGE_SIZE;
        pageSizes.push(first);
        total += own + Math.max(first, 0) * Math.max(children, 1);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const type = s.typeCondition ? schema.getType(s.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += costOf(type, s.selectionSet, root, seen);
      } else {
        const fragment = fragments.get(s.name.value);
        if (!fragment || seen.has(s.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && isCompositeType(type))
          total += costOf(type, fragment.selectionSet, root, new Set(seen).add(s.name.value));
      }
    }
    return total;
  };
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!rootType) return { cost: 0, pageSizes };
  return { cost: costOf(rootType, operation.selectionSet, true, new Set()), pageSizes };
}

export function depthError(depth: number, max: number): GraphQLError {
  return new GraphQLError(
    `查询嵌套过深：最多 ${max} 层，本查询 ${depth} 层 / query too deep: at most ${max} levels, this one has ${depth}`,
    { extensions: { code: QUERY_TOO_DEEP, limit: 'maxDepth', max, requested: depth, http: { status: 400 } } },
  );
}

export function costError(cost: number, max: number): GraphQLError {
  return new GraphQLError(
    `查询代价过高：上限 ${max}，本查询估算 ${cost}（字段数 × 每页条数 first）；请减小 first 或分开查询 / ` +
      `query too costly: the limit is ${max}, this one is estimated at ${cost} (fields × page sizes \`first\`); ` +
      `ask for smaller pages or split the query`,
    { extensions: { code: QUERY_TOO_COSTLY, limit: 'maxCost', max, requested: cost, http: { status: 400 } } },
  );
}

/** The checks on a parsed, valid operation; throws the first refusal. */
export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  limits: Pick<LimitsConfig, 'maxDepth' | 'maxCost'>,
): { depth: number; cost: number } {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { depth: 0, cost: 0 }; // Apollo answers "which operation?" itself
  const depth = operationDepth(document, operation);
  if (depth > limits.maxDepth) throw depthError(depth, limits.maxDepth);
  let measured;
  try {
    measured = operationCost(schema, document, operationName, variables);
  } catch (e) {
    // Variables of the wrong type: execution refuses them with its own message, naming the variable.
    if (e instanceof GraphQLError) return { depth, cost: 0 };
    throw e;
  }
  const tooLarge = measured.pageSizes.find((n) => n > MAX_PAGE_SIZE);
  if (tooLarge !== undefined) throw pageSizeError(tooLarge, { http: { status: 400 } });
  if (measured.cost > limits.maxCost) throw costError(measured.cost, limits.maxCost);
  return { depth, cost: measured.cost };
}

export function operationLimitsPlugin(limits: Pick<LimitsConfig, 'maxDepth' | 'maxCost'>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          checkOperation(schema, document, request.operationName ?? undefined, request.variables, limits);
        },
      };
    },
  };
}
