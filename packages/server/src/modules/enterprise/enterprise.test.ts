import { buildCreditCode, creditCodeCheckCharacter } from '@hub/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateEnterpriseInput!) {
    createEnterprise(input: $input) {
      id
      name
      creditCode
      sector
      aboveDesignatedSize
      standardizationGrade
      employees
      township {
        code
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateEnterpriseInput!) {
    updateEnterprise(id: $id, input: $input) {
      id
      name
      creditCode
      sector
      standardizationGrade
      employees
      township {
        code
      }
    }
  }
`;

const T1 = '450799101000';
const T2 = '450799102000';
const code = (n: number) => buildCreditCode('91', '450721', String(10_000_000 + n));

let hub: TestHub;
const ids: string[] = [];

async function enterpriseCount(): Promise<number> {
  const [{ n }] = await hub.orm.em.getConnection().execute('select count(*)::int as n from enterprise');
  return n;
}

function expectBadInput(res: { errors?: { message: string; extensions?: Record<string, any> }[] }, field: string) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0]!.message).toContain(field);
}

// 6 enterprises: 4 in T1, 2 in T2; 3 above designated size; 3 standardized.
const ENTERPRISES = [
  {
    name: '灵山县宏达化工有限公司',
    sector: 'HAZARDOUS_CHEMICALS',
    townshipCode: T1,
    aboveDesignatedSize: true,
    standardizationGrade: 'LEVEL_2',
    employees: 320,
  },
  {
    name: '灵山县顺通运输有限公司',
    sector: 'ROAD_TRAFFIC',
    townshipCode: T1,
    aboveDesignatedSize: true,
    standardizationGrade: 'NONE',
    employees: 80,
  },
  {
    name: '灵山县建工集团',
    sector: 'CONSTRUCTION',
    townshipCode: T1,
    aboveDesignatedSize: false,
    standardizationGrade: 'LEVEL_3',
    employees: 150,
  },
  { name: '灵山县鸿运烟花厂', sector: 'FIREWORKS', townshipCode: T1 },
  {
    name: '檀圩镇木材加工厂',
    sector: 'INDUSTRY_TRADE',
    townshipCode: T2,
    aboveDesignatedSize: true,
    standardizationGrade: 'LEVEL_3',
    employees: 45,
  },
  { name: '檀圩镇农机合作社', sector: 'AGRICULTURAL_MACHINERY', townshipCode: T2, employees: 12 },
];

beforeAll(async () => {
  hub = await startTestHub('empty');
  for (const [c, name] of [
    [T1, '灵城镇'],
    [T2, '檀圩镇'],
  ]) {
    const res = await hub.gql(
      `mutation ($c: String!, $n: String!) { createTownship(input: { code: $c, name: $n }) { code } }`,
      { c, n: name },
    );
    expect(res.errors).toBeUndefined();
  }
  for (const [i, e] of ENTERPRISES.entries()) {
    const res = await hub.gql(CREATE, { input: { ...e, creditCode: code(i) } });
    expect(res.errors).toBeUndefined();
    ids.push(res.data!.createEnterprise.id);
  }
});
afterAll(() => hub?.close());

describe('enterprises', () => {
  it('filters by township, sector, size, grade and name, and brings the township', async () => {
    const q = `query ($f: EnterpriseFilter) { enterprises(filter: $f, orderBy: CREDIT_CODE_ASC) { totalCount nodes { name township { code name } } } }`;
    const t2 = await hub.gql(q, { f: { townshipCodes: [T2] } });
    expect(t2.data!.enterprises.totalCount).toBe(2);
    expect(t2.data!.enterprises.nodes[0].township).toEqual({ code: T2, name: '檀圩镇' });
    const big = await hub.gql(q, { f: { aboveDesignatedSize: true, standardizationGrades: ['LEVEL_2', 'LEVEL_3'] } });
    expect(big.data!.enterprises.nodes.map((n: { name: string }) => n.name)).toEqual([
      '灵山县宏达化工有限公司',
      '檀圩镇木材加工厂',
    ]);
    const small = await hub.gql(q, { f: { aboveDesignatedSize: false, townshipCodes: [T1] } });
    expect(small.data!.enterprises.totalCount).toBe(2);
    const sector = await hub.gql(q, { f: { sectors: ['FIREWORKS', 'ROAD_TRAFFIC'] } });
    expect(sector.data!.enterprises.totalCount).toBe(2);
    const named = await hub.gql(q, { f: { nameContains: '檀圩' } });
    expect(named.data!.enterprises.totalCount).toBe(2);
    const wild = await hub.gql(q, { f: { nameContains: '%' } });
    expect(wild.data!.enterprises.totalCount).toBe(0);
  });

  it('pages in order with cursors', async () => {
    const q = `query ($after: String) { enterprises(first: 4, after: $after, orderBy: CREDIT_CODE_ASC) { totalCount pageInfo { hasNextPage endCursor } nodes { creditCode } } }`;
    const first = await hub.gql(q);
    expect(first.data!.enterprises.totalCount).toBe(6);
    expect(first.data!.enterprises.nodes.map((n: { creditCode: string }) => n.creditCode)).toEqual(
      [0, 1, 2, 3].map(code),
    );
    expect(first.data!.enterprises.pageInfo.hasNextPage).toBe(true);
    const second = await hub.gql(q, { after: first.data!.enterprises.pageInfo.endCursor });
    expect(second.data!.enterprises.nodes.map((n: { creditCode: string }) => n.creditCode)).toEqual([4, 5].map(code));
    expect(second.data!.enterprises.pageInfo.hasNextPage).toBe(false);
  });

  it('loads the townships of a page in a bounded number of statements', async () => {
    const { result, statements } = await hub.countQueries(() =>
      hub.gql(`{ enterprises(first: 50) { nodes { name township { name } } } }`),
    );
    expect(result.errors).toBeUndefined();
    // the page, its count, and one batched township load
    expect(statements.length).toBeLessThanOrEqual(4);
  });
});

describe('enterpriseStats', () => {
  it('totals and groups in one answer; groups sum to the total', async () => {
    const res = await hub.gql(`{
      enterpriseStats(groupBy: [TOWNSHIP, ABOVE_DESIGNATED_SIZE]) {
        total { enterprises aboveDesignatedSize standardized standardizedAboveDesignatedSize employees }
        groups { township { code } isAboveDesignatedSize sector standardizationGrade enterprises aboveDesignatedSize standardized employees }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const { total, groups } = res.data!.enterpriseStats;
    expect(total).toEqual({
      enterprises: 6,
      aboveDesignatedSize: 3,
      standardized: 3,
      standardizedAboveDesignatedSize: 2,
      employees: 607,
    });
    for (const key of ['enterprises', 'aboveDesignatedSize', 'standardized', 'employees']) {
      expect(groups.reduce((s: number, g: Record<string, number>) => s + g[key]!, 0)).toBe(total[key]);
    }
    expect(groups).toContainEqual({
      township: { code: T1 },
      isAboveDesignatedSize: true,
      sector: null,
      standardizationGrade: null,
      enterprises: 2,
      aboveDesignatedSize: 2,
      standardized: 1,
      employees: 400,
    });
  });

  it('applies the same filter as the list', async () => {
    const res = await hub.gql(`{
      enterpriseStats(filter: { townshipCodes: ["${T1}"] }, groupBy: [STANDARDIZATION_GRADE, SECTOR]) {
        total { enterprises } groups { standardizationGrade sector enterprises }
      }
      enterprises(filter: { townshipCodes: ["${T1}"] }) { totalCount }
    }`);
    expect(res.data!.enterpriseStats.total.enterprises).toBe(res.data!.enterprises.totalCount);
    expect(res.data!.enterpriseStats.groups).toHaveLength(4);
    const none = await hub.gql(
      `{ enterpriseStats(filter: { sectors: [MINING] }) { total { enterprises employees } groups { enterprises } } }`,
    );
    expect(none.data!.enterpriseStats).toEqual({ total: { enterprises: 0, employees: 0 }, groups: [] });
  });
});

describe('createEnterprise and updateEnterprise', () => {
  it('normalizes the credit code (spaces, lower case) before checking it', async () => {
    const c = code(50);
    const res = await hub.gql(CREATE, {
      input: {
        name: '测试企业',
        sector: 'OTHER',
        townshipCode: T2,
        creditCode: ` ${c.slice(0, 9).toLowerCase()} ${c.slice(9)}`,
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createEnterprise).toMatchObject({
      creditCode: c,
      aboveDesignatedSize: false,
      standardizationGrade: 'NONE',
      employees: null,
    });
  });

  it('updates fields, the township and the credit code', async () => {
    const res = await hub.gql(UPDATE, {
      id: ids[5],
      input: { townshipCode: T1, standardizationGrade: 'LEVEL_1', employees: 20, creditCode: code(60) },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateEnterprise).toMatchObject({
      township: { code: T1 },
      standardizationGrade: 'LEVEL_1',
      employees: 20,
      creditCode: code(60),
    });
    const same = await hub.gql(UPDATE, {
      id: ids[5],
      input: { creditCode: code(60), townshipCode: T2, standardizationGrade: 'NONE', employees: 12 },
    });
    expect(same.errors).toBeUndefined();
  });

  const valid = code(99);
  const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
  const wrongOrg = valid.slice(0, 16) + (valid[16] === '0' ? '1' : '0');
  const wrongOrgRecomputed = wrongOrg.slice(0, 17).concat(creditCodeCheckCharacter(wrongOrg.slice(0, 17)));
  it.each([
    ['creditCode', { creditCode: valid.slice(0, 17) }, '18'],
    ['creditCode', { creditCode: valid.slice(0, 17) + 'I' }, 'I、O、S、V、Z'],
    ['creditCode', { creditCode: wrongCheck }, '第18位校验码错误'],
    ['creditCode', { creditCode: wrongOrgRecomputed }, '组织机构代码'],
    ['creditCode', { creditCode: '91AB0721' + valid.slice(8) }, 'region code'],
    ['creditCode', { creditCode: code(0) }, 'already used'],
    ['townshipCode', { townshipCode: '999999999999' }, 'no township'],
    ['employees', { employees: -1 }, 'must not be negative'],
    ['name', { name: '' }, '1 to 120'],
  ])(
    'refuses a bad %s (%o) with BAD_USER_INPUT naming it and the problem, and stores nothing',
    async (field, bad, reason) => {
      const before = await enterpriseCount();
      const res = await hub.gql(CREATE, {
        input: { name: '新企业', sector: 'OTHER', townshipCode: T1, creditCode: valid, ...bad },
      });
      expect(res.data?.createEnterprise ?? null).toBeNull();
      expectBadInput(res, field);
      expect(res.errors![0]!.message).toContain(reason);
      expect(await enterpriseCount()).toBe(before);
    },
  );

  it.each([
    ['creditCode', { creditCode: code(1) }],
    ['creditCode', { creditCode: 'X' }],
    ['townshipCode', { townshipCode: '000000000000' }],
    ['employees', { employees: -5 }],
    ['name', { name: null }],
  ])('refuses an update with a bad %s and changes nothing', async (field, bad) => {
    const res = await hub.gql(UPDATE, { id: ids[0], input: { sector: 'MINING', ...bad } });
    expectBadInput(res, field);
    const node = await hub.gql(`query ($id: ID!) { node(id: $id) { ... on Enterprise { sector creditCode name } } }`, {
      id: ids[0],
    });
    expect(node.data!.node).toEqual({ sector: 'HAZARDOUS_CHEMICALS', creditCode: code(0), name: ENTERPRISES[0]!.name });
  });
});

describe('on the demo county', () => {
  let demo: TestHub;
  beforeAll(async () => {
    demo = await startTestHub('demo');
  });
  afterAll(() => demo?.close());

  it('counts the enterprises as the list does, and their standardization by size', async () => {
    const res = await demo.gql(`{
      enterpriseStats(groupBy: [ABOVE_DESIGNATED_SIZE, STANDARDIZATION_GRADE]) {
        total { enterprises aboveDesignatedSize standardized standardizedAboveDesignatedSize }
        groups { isAboveDesignatedSize standardizationGrade enterprises }
      }
      enterprises { totalCount }
      above: enterprises(filter: { aboveDesignatedSize: true }) { totalCount }
    }`);
    expect(res.errors).toBeUndefined();
    const { total, groups } = res.data!.enterpriseStats;
    expect(total.enterprises).toBe(res.data!.enterprises.totalCount);
    expect(total.aboveDesignatedSize).toBe(res.data!.above.totalCount);
    expect(groups.reduce((n: number, g: { enterprises: number }) => n + g.enterprises, 0)).toBe(total.enterprises);
    expect(total.standardizedAboveDesignatedSize).toBeLessThanOrEqual(
      Math.min(total.standardized, total.aboveDesignatedSize),
    );
  });
});
