import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../config.js';
import { hubSchema } from '../../graphql/schema.js';
import { checkOperation, operationCost, operationDepth } from './operation-limits.js';
import { realOperations } from './real-operations.js';

const limits = { maxDepth: DEFAULT_LIMITS.maxDepth, maxCost: DEFAULT_LIMITS.maxCost };

describe('the limits against the operations the hub really serves', () => {
  it('every dashboard and contract operation fits depth and cost with room (pages 4× what the dashboard asks)', async () => {
    const schema = await hubSchema();
    // The dashboard's record list asks for 25 a page; 100 leaves it room to grow. Fixed `first`s count as written.
    const rows = realOperations(schema, 100).map((op) => {
      const document = parse(op.text);
      const operation = document.definitions[0] as Parameters<typeof operationDepth>[1];
      const depth = operationDepth(document, operation);
      const { cost } = operationCost(schema, document, op.name, op.worstVariables);
      return { operation: op.name, source: op.source, depth, cost };
    });
    rows.sort((a, b) => b.cost - a.cost);
    // Printed on purpose: these figures are where the budget in docs/api.md comes from.
    console.log(
      `depth ≤ ${limits.maxDepth}, cost ≤ ${limits.maxCost}:\n` +
        rows
          .map(
            (r) =>
              `  ${String(r.cost).padStart(7)}  depth ${String(r.depth).padStart(2)}  ${r.operation} (${r.source})`,
          )
          .join('\n'),
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const r of rows) {
      expect(r.depth, `${r.operation} depth`).toBeLessThanOrEqual(limits.maxDepth - 3);
      expect(r.cost, `${r.operation} cost`).toBeLessThanOrEqual(limits.maxCost / 2);
    }
  });
});

describe('depth and cost of a given operation', () => {
  it('counts nesting through fragments, without introspection', async () => {
    const doc = parse(`
      query Q { accidents(first: 1) { nodes { ...A } } __schema { types { fields { type { ofType { name } } } } } }
      fragment A on Accident { township { code enterprises(first: 2) { nodes { name } } } }`);
    expect(operationDepth(doc, doc.definitions[0] as never)).toBe(6);
  });

  it('multiplies children by `first`, with the default page size when none is given', async () => {
    const schema = await hubSchema();
    const one = operationCost(schema, parse('{ accidents(first: 10) { nodes { id deaths } } }'), undefined, {});
    expect(one.cost).toBe(100 + 10 * 3);
    const byVariable = operationCost(schema, parse('query Q($n: Int) { accidents(first: $n) { totalCount } }'), 'Q', {
      n: 200,
    });
    expect(byVariable.cost).toBe(100 + 200 * 1);
    const defaulted = operationCost(schema, parse('{ accidents { totalCount } }'), undefined, {});
    expect(defaulted.cost).toBe(100 + 50 * 1);
    // Aliases count every time: a flood of statistics is a flood of SQL statements.
    const flood = Array.from({ length: 300 }, (_, i) => `a${i}: accidentStats { total { accidents } }`).join(' ');
    expect(operationCost(schema, parse(`{ ${flood} }`), undefined, {}).cost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });

  it('refuses too deep, too costly and too large a page, saying which limit, its value and what was asked', async () => {
    const schema = await hubSchema();
    const check = (q: string, l = limits) => {
      try {
        checkOperation(schema, parse(q), undefined, {}, l);
        return null;
      } catch (e) {
        return e as { message: string; extensions: Record<string, unknown> };
      }
    };
    const deep = check('{ accidents { nodes { township { accidents { nodes { id } } } } } }', {
      maxDepth: 4,
      maxCost: 1e9,
    });
    expect(deep?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 'maxDepth', max: 4, requested: 6 });
    expect(deep?.message).toMatch(
      /^查询嵌套过深.*最多 4 层.*6 层 \/ query too deep: at most 4 levels, this one has 6$/,
    );
    const fields = 'id occurredAt deaths injuries missing seriousInjuries place summary township { code name }';
    const pages = ['a', 'b', 'c', 'd', 'e'].map((a) => `${a}: accidents(first: 500) { nodes { ${fields} } }`);
    const costly = check(`{ ${pages.join(' ')} }`);
    expect(costly?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 'maxCost', max: limits.maxCost });
    expect(costly?.extensions.requested).toBeGreaterThan(limits.maxCost);
    const page = check('{ hazards(first: 501) { totalCount } }');
    expect(page?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', max: 500, requested: 501 });
    expect(page?.message).toMatch(
      /^first: 每页最多 500 条，请求了 501 条.* \/ at most 500 items per page, asked for 501/,
    );
    expect(check('{ hazards(first: 500) { totalCount } }')).toBeNull();
  });
});
