import { buildCreditCode } from '@hub/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test-support/test-hub.js';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateProjectReviewInput!) {
    createProjectReview(input: $input) {
      id
      projectName
      stage
      designReviewedOn
      constructionAcceptedOn
      commissionedOn
      enterprise {
        name
        township {
          code
        }
      }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateProjectReviewInput!) {
    updateProjectReview(id: $id, input: $input) {
      id
      projectName
      stage
      designReviewedOn
      constructionAcceptedOn
      commissionedOn
      enterprise {
        name
      }
    }
  }
`;

const T1 = '450799101000';
const T2 = '450799102000';
let hub: TestHub;
const enterprise = { chem: '', wood: '' };
const codes = { chem: buildCreditCode('91', '450721', '40000001'), wood: buildCreditCode('91', '450721', '40000002') };
const ids: string[] = [];

async function ok(query: string, variables?: Record<string, unknown>) {
  const res = await hub.gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function reviewRows(): Promise<string> {
  return JSON.stringify(await hub.orm.em.getConnection().execute('select * from project_review order by id'));
}

function expectBadInput(res: { errors?: { message: string; extensions?: Record<string, any> }[] }, field: string) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  expect(res.errors![0]!.message).toContain(field);
}

beforeAll(async () => {
  hub = await startTestHub('empty');
  for (const [code, name] of [
    [T1, '灵城镇'],
    [T2, '檀圩镇'],
  ]) {
    await ok(`mutation ($c: String!, $n: String!) { createTownship(input: { code: $c, name: $n }) { code } }`, {
      c: code,
      n: name,
    });
  }
  const e = `mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`;
  enterprise.chem = (
    await ok(e, {
      input: { name: '宏达化工', creditCode: codes.chem, sector: 'HAZARDOUS_CHEMICALS', townshipCode: T1 },
    })
  ).createEnterprise.id;
  enterprise.wood = (
    await ok(e, { input: { name: '檀圩木材厂', creditCode: codes.wood, sector: 'INDUSTRY_TRADE', townshipCode: T2 } })
  ).createEnterprise.id;
  for (const input of [
    { projectName: '年产5万吨硫酸项目', enterpriseId: enterprise.chem },
    { projectName: '危化品仓库扩建', enterpriseId: enterprise.chem, designReviewedOn: '2014-02-10' },
    {
      projectName: '木材烘干车间',
      enterpriseId: enterprise.wood,
      designReviewedOn: '2014-03-01',
      constructionAcceptedOn: '2014-08-15',
    },
    {
      projectName: '新厂区',
      enterpriseId: enterprise.wood,
      designReviewedOn: '2013-05-01',
      constructionAcceptedOn: '2014-01-20',
      commissionedOn: '2014-04-01',
    },
  ]) {
    ids.push((await ok(CREATE, { input })).createProjectReview.id);
  }
});
afterAll(() => hub?.close());

describe('createProjectReview', () => {
  it('stores the stages and derives how far the review has come', async () => {
    const { nodes } = await ok(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on ProjectReview { stage enterprise { township { code } } } } }`,
      { ids },
    );
    expect(nodes.map((n: { stage: string }) => n.stage)).toEqual([
      'PENDING',
      'DESIGN_REVIEWED',
      'CONSTRUCTION_ACCEPTED',
      'COMMISSIONED',
    ]);
    expect(nodes[3].enterprise.township.code).toBe(T2);
  });

  it.each([
    ['constructionAcceptedOn', { constructionAcceptedOn: '2014-05-01' }],
    ['commissionedOn', { designReviewedOn: '2014-01-01', commissionedOn: '2014-05-01' }],
    ['constructionAcceptedOn', { designReviewedOn: '2014-06-01', constructionAcceptedOn: '2014-05-01' }],
    [
      'commissionedOn',
      { designReviewedOn: '2014-01-01', constructionAcceptedOn: '2014-06-01', commissionedOn: '2014-05-31' },
    ],
    ['designReviewedOn', { designReviewedOn: '2999-01-01' }],
    [
      'commissionedOn',
      { designReviewedOn: '2014-01-01', constructionAcceptedOn: '2014-06-01', commissionedOn: '2999-01-01' },
    ],
    ['designReviewedOn', { designReviewedOn: '2014-02-30' }],
    ['enterpriseId', { enterpriseId: 'RW50ZXJwcmlzZTo5OTk5' }],
    ['enterpriseId', { enterpriseId: 'garbage' }],
    ['projectName', { projectName: '' }],
  ])('refuses a bad %s (%o) with BAD_USER_INPUT naming it, and stores nothing', async (field, bad) => {
    const before = await reviewRows();
    const res = await hub.gql(CREATE, { input: { projectName: '测试项目', enterpriseId: enterprise.chem, ...bad } });
    expect(res.data?.createProjectReview ?? null).toBeNull();
    expectBadInput(res, field);
    expect(await reviewRows()).toBe(before);
  });
});

describe('updateProjectReview', () => {
  it('records later stages, moves the project, and clears stages', async () => {
    const { createProjectReview: r } = await ok(CREATE, {
      input: { projectName: '临时项目', enterpriseId: enterprise.chem, designReviewedOn: '2012-01-01' },
    });
    let res = await ok(UPDATE, {
      id: r.id,
      input: { constructionAcceptedOn: '2012-06-01', commissionedOn: '2012-07-01', enterpriseId: enterprise.wood },
    });
    expect(res.updateProjectReview).toMatchObject({
      stage: 'COMMISSIONED',
      enterprise: { name: '檀圩木材厂' },
      designReviewedOn: '2012-01-01',
    });
    res = await ok(UPDATE, { id: r.id, input: { commissionedOn: null, projectName: '临时项目（二期）' } });
    expect(res.updateProjectReview).toMatchObject({
      stage: 'CONSTRUCTION_ACCEPTED',
      commissionedOn: null,
      projectName: '临时项目（二期）',
    });
  });

  it.each([
    ['constructionAcceptedOn', { designReviewedOn: null }],
    ['constructionAcceptedOn', { designReviewedOn: '2014-09-01' }],
    ['commissionedOn', { commissionedOn: '2014-08-01' }],
    ['projectName', { projectName: null }],
    ['enterpriseId', { enterpriseId: Buffer.from('ProjectReview:1').toString('base64url') }],
  ])('refuses an update breaking %s and changes nothing', async (field, bad) => {
    const before = await reviewRows();
    const res = await hub.gql(UPDATE, { id: ids[2], input: bad });
    expectBadInput(res, field);
    expect(await reviewRows()).toBe(before);
  });
});

describe('projectReviews', () => {
  const list = async (filter: Record<string, unknown>) => {
    const q = `query ($f: ProjectReviewFilter) { projectReviews(filter: $f, orderBy: PROJECT_NAME_ASC) { totalCount nodes { projectName } } }`;
    const { projectReviews } = await ok(q, { f: filter });
    expect(projectReviews.nodes).toHaveLength(projectReviews.totalCount);
    return projectReviews.nodes.map((n: { projectName: string }) => n.projectName).sort();
  };

  it('filters by enterprise, credit code, township and stage', async () => {
    expect(await list({ enterpriseIds: [enterprise.chem] })).toEqual(['危化品仓库扩建', '年产5万吨硫酸项目'].sort());
    expect(await list({ enterpriseCreditCodes: [codes.wood], townshipCodes: [T2] })).toEqual(
      expect.arrayContaining(['新厂区', '木材烘干车间']),
    );
    expect(await list({ townshipCodes: [T1], stages: ['PENDING', 'DESIGN_REVIEWED'] })).toEqual(
      ['危化品仓库扩建', '年产5万吨硫酸项目'].sort(),
    );
    expect(await list({ stages: ['COMMISSIONED'], townshipCodes: [T2], enterpriseIds: [enterprise.wood] })).toEqual([
      '新厂区',
    ]);
    expect(await list({ stages: ['CONSTRUCTION_ACCEPTED'] })).toEqual(['临时项目（二期）', '木材烘干车间'].sort());
    expect(await list({ stages: [] })).toEqual([]);
  });

  it('pages with cursors, newest first by default', async () => {
    const q = `query ($after: String) { projectReviews(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
    const first = (await ok(q)).projectReviews;
    expect(first.totalCount).toBe(5);
    const second = (await ok(q, { after: first.pageInfo.endCursor })).projectReviews;
    expect(second.nodes).toHaveLength(2);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([true, false]);
    expect(second.nodes.at(-1).id).toBe(ids[0]);
  });
});
