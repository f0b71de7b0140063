// The examples in docs/api.md are real: every GraphQL operation in its code blocks (graphql, curl, JavaScript,
// Python) is valid against the schema, within the limits, and every query answers on the demo county.
import fs from 'node:fs';
import path from 'node:path';
import { Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config.js';
import { checkOperation } from '../http/limits/operation-limits.js';
import { REPO_ROOT } from '../http/limits/real-operations.js';
import { startTestHub, type TestHub } from '../test-support/test-hub.js';
import { hubSchema } from './schema.js';

const DOC = fs.readFileSync(path.join(REPO_ROOT, 'docs/api.md'), 'utf8');

/** `query Name …{…}` and `mutation Name …{…}` in a code block, to the brace that closes them. */
function operationsIn(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/\b(query|mutation)\s+[A-Z]\w*/g)) {
    let depth = 0;
    let end = -1;
    for (let i = m.index!; i < code.length; i++) {
      if (code[i] === '{') depth++;
      else if (code[i] === '}' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    if (end > 0) found.push(code.slice(m.index!, end).replace(/\\"/g, '"'));
  }
  return found;
}

const blocks = [...DOC.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, code: m[2]! }));
const operations = blocks.flatMap((b) => operationsIn(b.code).map((text) => ({ lang: b.lang, text })));
const VARIABLES: Record<string, unknown> = { from: '2014-01-01', to: '2014-12-31', after: null };

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('demo');
});
afterAll(() => hub?.close());

describe('docs/api.md', () => {
  it('has examples in graphql, curl (bash), JavaScript and Python', () => {
    expect(new Set(operations.map((o) => o.lang))).toEqual(new Set(['graphql', 'bash', 'js', 'python']));
    expect(operations.length).toBeGreaterThanOrEqual(7);
  });

  it.each(operations.map((o) => [o.text.split('{')[0]!.trim(), o] as const))(
    '%s is valid, within the limits, and answers',
    async (_name, { text }) => {
      const schema = await hubSchema();
      const document = parse(text);
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, VARIABLES[v.variable.name.value]]),
      );
      checkOperation(schema, document, undefined, variables, DEFAULT_LIMITS);
      if (operation.kind === Kind.OPERATION_DEFINITION && operation.operation === 'query') {
        const res = await hub.gql(text, variables);
        expect(res.errors).toBeUndefined();
        expect(res.data).toBeTruthy();
      }
    },
  );
});
