// The operations the hub's own users send: every query of the dashboard (packages/web/src/**/graphql) and the
// API contract (tests/contract/operations.graphql). The limits are chosen so that all of them pass with room.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type GraphQLInputType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  print,
  typeFromAST,
} from 'graphql';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

function filesUnder(dir: string, test: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' || e.name === 'node_modules' ? [] : filesUnder(full, test);
    return test(full) ? [full] : [];
  });
}

export interface RealOperation {
  source: string;
  name: string;
  text: string;
  /** The most a caller sends: every @include on, every `first` variable at the page cap. */
  worstVariables: Record<string, unknown>;
}

const SCALAR_SAMPLES: Record<string, unknown> = {
  String: 'x',
  ID: 'x',
  Int: 2014,
  Float: 1,
  Boolean: true,
  Date: '2014-01-01',
  DateTime: '2014-01-01T00:00:00Z',
  JSONObject: {},
};

/** A value of a required input type (required fields only): enough to compute a cost. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type)) value[f.name] = sample(f.type);
    return value;
  }
  return SCALAR_SAMPLES[type.name] ?? 'x';
}

function worstVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  pageCap: number,
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) {
    const name = v.variable.name.value;
    const type = typeFromAST(schema, v.type as never) as GraphQLInputType;
    const named = print(v.type).replace(/!$/, '');
    if (named === 'Boolean') variables[name] = true;
    else if (named === 'Int' && /first/i.test(name)) variables[name] = pageCap;
    else if (isNonNullType(type)) variables[name] = sample(type);
  }
  return variables;
}

export function realOperations(schema: GraphQLSchema, pageCap: number): RealOperation[] {
  const documents: { source: string; text: string }[] = [];
  const web = path.join(REPO_ROOT, 'packages/web/src');
  for (const file of filesUnder(web, (f) => /\/graphql\/[^/]+\.tsx?$/.test(f))) {
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(/graphql\(\s*`([\s\S]*?)`\s*\)/g))
      documents.push({ source: path.relative(REPO_ROOT, file), text: m[1]! });
  }
  const contract = path.join(REPO_ROOT, 'tests/contract/operations.graphql');
  documents.push({ source: 'tests/contract/operations.graphql', text: fs.readFileSync(contract, 'utf8') });
  return documents.flatMap(({ source, text }) => {
    const document = parse(text);
    return document.definitions
      .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((op) => ({
        source,
        name: op.name?.value ?? '(anonymous)',
        text: print({
          kind: Kind.DOCUMENT,
          definitions: [op, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
        }),
        worstVariables: worstVariables(schema, op, pageCap),
      }));
  });
}
