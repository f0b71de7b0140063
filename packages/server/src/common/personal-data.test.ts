// Personal data never reaches PARTNER: a scan runs every list (every field selected, relations included),
// node(), nodes(), statistics and exports as PARTNER over the demo county plus records carrying made-up
// names, ID numbers, phones and plates, and finds none of the personal values; ANALYST sees them.
import ExcelJS from 'exceljs';
import {
  getNamedType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config.js';
import { hubSchema } from '../graphql/schema.js';
import { ADMIN_ONLY, rolesFor } from '../modules/auth/access-rules.js';
import { startTestHub, type TestHub } from '../test-support/test-hub.js';
import { PERSONAL_DATA_MASK, PERSONAL_DATA_NOTE, personalFields } from './personal-data.js';

let hub: TestHub;
let schema: GraphQLSchema;
// Real API keys, one per role.
let partner: Record<string, string>;
let analyst: Record<string, string>;
let editor: Record<string, string>;

// Made-up personal data, the kind the issue names: names, ID numbers, phones, licence plates.
const SECRET = {
  summary: '驾驶人张伟国（身份证号450721199003151234，电话13907771234）驾驶桂N8K123小型汽车与行人李秀英相撞',
  cause: '张伟国酒后驾驶桂N8K123',
  place: '李秀英家门口（电话0777-5551234）',
  description: '仓库管理员王建华（手机13877771234）私拉电线',
  notes: '负责人赵国强，身份证450721198512120021，联系电话18677771234',
};

const sql = async <T = Record<string, unknown>>(query: string, bindings: unknown[] = []) =>
  (await hub.orm.em.getConnection().execute(query, bindings)) as T[];

/** A selection of every field without required arguments, relations `depth` levels deep. */
function selectAll(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 0) {
      const inner = selectAll(named, depth - 1);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

let year: number;
let queries: string[] = [];

/** Every Query field that lists records or figures, each with every field selected. */
function broadQueries(): string[] {
  const args: Record<string, string> = {
    year: String(year),
    first: '500',
    from: `"${year}-01-01"`,
    to: `"${year}-12-31"`,
  };
  const skip = new Set(['node', 'nodes', 'importFilePreview', 'importProblems', 'importJob', 'auditLog']);
  const out: string[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    // Lists only ADMIN may read (accounts, keys) are refused to the roles scanned here: tested in auth.test.ts.
    if (skip.has(field.name) || rolesFor('query', field.name) === ADMIN_ONLY) continue;
    const given = field.args.filter((a) => args[a.name] !== undefined && (a.name !== 'first' || true));
    const missing = field.args.filter(
      (a) => isNonNullType(a.type) && a.defaultValue === undefined && args[a.name] === undefined,
    );
    if (missing.length) continue;
    const named = getNamedType(field.type);
    const argText = given.length ? `(${given.map((a) => `${a.name}: ${args[a.name]}`).join(', ')})` : '';
    const selection = isObjectType(named) ? `{ ${selectAll(named, 2)} }` : '';
    out.push(`{ ${field.name}${argText} ${selection} }`);
  }
  return out;
}

beforeAll(async () => {
  // The scan asks for every field of 500 rows at once: far past the cost limit, which is not what it tests.
  hub = await startTestHub('demo', {
    limits: { ...DEFAULT_LIMITS, maxCost: 10_000_000, ipPerSecond: 100_000, keyPerSecond: 100_000 },
  });
  partner = await hub.headersFor({ role: 'PARTNER' }, 'partner-key');
  analyst = await hub.headersFor({ role: 'ANALYST' });
  editor = await hub.headersFor({ role: 'EDITOR' });
  schema = await hubSchema();
  const [{ y }] = (await sql<{ y: number }>(
    "select extract(year from max(occurred_at at time zone 'Asia/Shanghai'))::int as y from accident",
  )) as [{ y: number }];
  year = y;
  const [township] = await sql<{ code: string }>('select code from township order by code limit 1');
  const [department] = await sql<{ code: string }>('select code from department limit 1');
  const gql = async (q: string, variables: Record<string, unknown>) => {
    const res = await hub.gql(q, variables, editor);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  };
  await gql('mutation ($i: ReportAccidentInput!) { reportAccident(input: $i) { id } }', {
    i: {
      occurredAt: `${year}-12-20T02:00:00Z`,
      townshipCode: township!.code,
      sector: 'ROAD_TRAFFIC',
      deaths: 0,
      injuries: 1,
      seriousInjuries: 0,
      directLossCny: 1000,
      summary: SECRET.summary,
      cause: SECRET.cause,
      place: SECRET.place,
    },
  });
  await gql('mutation ($i: CreateHazardInput!) { createHazard(input: $i) { id } }', {
    i: {
      townshipCode: township!.code,
      foundOn: `${year}-12-20`,
      deadline: `${year}-12-30`,
      level: 'GENERAL',
      category: 'ELECTRICAL',
      description: SECRET.description,
    },
  });
  await gql('mutation ($i: CreateInspectionInput!) { createInspection(input: $i) { id } }', {
    i: {
      townshipCode: township!.code,
      inspectedOn: `${year}-12-20`,
      campaign: 'ROUTINE',
      departmentCodes: [department!.code],
      notes: SECRET.notes,
    },
  });
  queries = broadQueries();
}, 180_000);
afterAll(() => hub?.close());

/**
 * The personal values in the database: every value of a field marked @PersonalData, except those that are
 * also public elsewhere (a place that is an enterprise's name, a cause like "违规燃放" that is a label).
 */
async function personalValues(): Promise<string[]> {
  const rows = await sql<{ v: string }>(`
    select summary as v from accident union select cause from accident union select place from accident
    union select description from hazard union select notes from inspection`);
  const publicText = (
    await sql<{ v: string }>(`
      select name as v from enterprise union select address from enterprise union select name from township
      union select name from department union select road_name from accident union select title from supervision_task`)
  )
    .map((r) => r.v)
    .filter(Boolean)
    .join('\n');
  return rows.map((r) => r.v).filter((v): v is string => !!v && v.length >= 4 && !publicText.includes(v));
}

function leaks(text: string, values: string[]): string[] {
  return values.filter((v) => text.includes(v));
}

async function scanGraphql(headers: Record<string, string>): Promise<string> {
  const texts: string[] = [];
  for (const q of queries) {
    const res = await hub.gql(q, undefined, headers);
    expect(res.errors, `${q}: ${JSON.stringify(res.errors)}`).toBeUndefined();
    texts.push(JSON.stringify(res));
  }
  // node() and nodes() of the records that hold personal data, every field of their types selected.
  const ids = await sql<{ id: string }>(`
    (select 'Accident:' || id as id from accident order by id desc limit 30)
    union all (select 'Hazard:' || id from hazard order by id desc limit 30)
    union all (select 'Inspection:' || id from inspection order by id desc limit 30)`);
  const fragments = ['Accident', 'Hazard', 'Inspection']
    .map((name) => `... on ${name} { ${selectAll(schema.getType(name) as GraphQLObjectType, 2)} }`)
    .join(' ');
  const globalIds = ids.map((r) => Buffer.from(r.id).toString('base64'));
  for (const id of globalIds.slice(0, 10)) {
    const res = await hub.gql(`query ($id: ID!) { node(id: $id) { id ${fragments} } }`, { id }, headers);
    expect(res.errors).toBeUndefined();
    texts.push(JSON.stringify(res));
  }
  const res = await hub.gql(
    `query ($ids: [ID!]!) { nodes(ids: $ids) { id ${fragments} } }`,
    { ids: globalIds },
    headers,
  );
  expect(res.errors).toBeUndefined();
  texts.push(JSON.stringify(res));
  return texts.join('\n');
}

async function scanExports(headers: Record<string, string>): Promise<string> {
  const texts: string[] = [];
  for (const what of ['accidents', 'hazards', 'accident-stats', 'hazard-stats']) {
    for (const lang of ['zh', 'en']) {
      const res = await fetch(`${hub.url}/export/${what}.csv?lang=${lang}`, { headers });
      expect(res.status).toBe(200);
      texts.push(await res.text());
    }
    const res = await fetch(`${hub.url}/export/${what}.xlsx`, { headers });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => texts.push((row.values as unknown[]).map((v) => String(v ?? '')).join('\t'))),
    );
  }
  return texts.join('\n');
}

describe('personal data and PARTNER', () => {
  it('every marked field says so in the SDL', () => {
    expect(personalFields()).toEqual(
      expect.arrayContaining([
        'Accident.cause',
        'Accident.place',
        'Accident.summary',
        'Hazard.description',
        'Inspection.notes',
      ]),
    );
    for (const name of personalFields()) {
      const [type, field] = name.split('.') as [string, string];
      const def = (schema.getType(type) as GraphQLObjectType).getFields()[field]!;
      expect(def.description).toContain(PERSONAL_DATA_NOTE);
    }
  });

  it('the scan covers the lists and finds the personal values for ANALYST', async () => {
    expect(queries.length).toBeGreaterThan(30);
    const values = await personalValues();
    expect(values).toEqual(expect.arrayContaining(Object.values(SECRET)));
    expect(values.length).toBeGreaterThan(200);
    const seen = leaks(await scanGraphql(analyst), values);
    for (const secret of Object.values(SECRET)) expect(seen).toContain(secret);
    expect(leaks(await scanExports(analyst), values)).toEqual(
      expect.arrayContaining([SECRET.summary, SECRET.description]),
    );
  }, 180_000);

  it('no personal value reaches PARTNER through lists, node(), nodes() or statistics', async () => {
    const values = await personalValues();
    const text = await scanGraphql(partner);
    expect(leaks(text, values)).toEqual([]);
    // Not by accident: the masked fields are there, masked.
    expect(text).toContain(`"summary":"${PERSONAL_DATA_MASK}"`);
    expect(text).toContain(`"description":"${PERSONAL_DATA_MASK}"`);
    // Fragments of the made-up data (a phone, an ID number, a plate) do not appear either.
    for (const fragment of ['13907771234', '450721199003151234', '桂N8K123', '张伟国', '王建华', '赵国强'])
      expect(text).not.toContain(fragment);
  }, 180_000);

  it('no personal value reaches PARTNER through exports (CSV and XLSX)', async () => {
    const values = await personalValues();
    const text = await scanExports(partner);
    expect(leaks(text, values)).toEqual([]);
    for (const fragment of ['13907771234', '450721199003151234', '桂N8K123', '张伟国', '王建华'])
      expect(text).not.toContain(fragment);
    expect(text).toContain(PERSONAL_DATA_MASK);
  }, 180_000);

  it('import previews, problems and problem reports echo file cells: masked for PARTNER', async () => {
    const csv =
      '发生时间,乡镇,行业领域,企业统一社会信用代码,死亡人数,受伤人数,重伤人数,直接经济损失（元）,事故概况\n' +
      '2014-05-01 10:00,13907771234,道路交通,,0,1,0,1000,张伟国驾驶桂N8K123\n';
    const up = await fetch(`${hub.url}/import/files?name=p.csv&by=test`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...editor },
      body: Buffer.from(csv, 'utf8'),
    });
    expect(up.status).toBe(201);
    const file = (await up.json()) as { id: string };
    const start = await hub.gql(
      'mutation ($i: StartImportInput!) { startImport(input: $i) { id } }',
      { i: { fileId: file.id, kind: 'ACCIDENT', dryRun: true, importedBy: 'test' } },
      editor,
    );
    expect(start.errors).toBeUndefined();
    const jobId = start.data!.startImport.id as string;
    for (let i = 0; i < 100; i++) {
      const job = await hub.gql('query ($id: ID!) { importJob(id: $id) { status } }', { id: jobId }, editor);
      if (job.data!.importJob.status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const q = `query ($id: ID!, $file: ID!) {
      importProblems(jobId: $id) { totalCount items { row column value code reasonZh reasonEn } }
      importFilePreview(fileId: $file) { header rows } }`;
    const asAnalyst = JSON.stringify(await hub.gql(q, { id: jobId, file: file.id }, analyst));
    expect(asAnalyst).toContain('13907771234');
    const asPartner = await hub.gql(q, { id: jobId, file: file.id }, partner);
    expect(asPartner.errors).toBeUndefined();
    expect(asPartner.data!.importProblems.totalCount).toBeGreaterThan(0);
    for (const fragment of ['13907771234', '桂N8K123', '张伟国'])
      expect(JSON.stringify(asPartner)).not.toContain(fragment);
    const reportUrl = `${hub.url}/import/jobs/${encodeURIComponent(jobId)}/problems.csv`;
    expect(await (await fetch(reportUrl, { headers: editor })).text()).toContain('13907771234');
    // The downloadable report is for the people who import (EDITOR, ADMIN); a PARTNER is refused it outright.
    const refused = await fetch(reportUrl, { headers: partner });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('13907771234');
  }, 60_000);
});
