import { Role } from '@hub/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { coerceInputValue, GraphQLError, type GraphQLInputType } from 'graphql';
import { BadUserInputError, InputProblems, NotFoundError } from '../../common/errors.js';
import { fromGlobalId } from '../../common/global-id.js';
import type { Viewer } from '../../common/viewer.js';
import { hubSchema } from '../../graphql/schema.js';
import { EXPLORE_DATASETS } from '../explore/datasets/index.js';
import { compileExplore, type ExploreDatasetDef, runExplore } from '../explore/explore.engine.js';
import { ExploreDataset, type ExploreResult } from '../explore/explore.types.js';
import { canSee, isOwner, ownerIdOf, whereVisible } from './saved-query.access.js';
import { SavedQueryRecord, type StoredOperation } from './saved-query.entity.js';
import type { ExploreOperationInput, SaveQueryInput, UpdateSavedQueryInput } from './saved-query.inputs.js';

/** The filter input type of each dataset's explore query. */
const FILTER_TYPE: Record<ExploreDataset, string> = {
  ACCIDENT: 'AccidentFilter',
  ROAD_TRAFFIC: 'AccidentFilter',
  INVESTIGATION: 'AccidentFilter',
  HAZARD: 'HazardFilter',
  INSPECTION: 'InspectionFilter',
  TRAINING: 'TrainingFilter',
  CAPACITY: 'CapacityFilter',
};

const ROLES = new Set<string>(Object.values(Role));
const MAX_OPTIONS_BYTES = 10_000;

export class SavedQueryService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
  ) {}

  /** The filter JSON read as the dataset's filter input type: the same checks as a GraphQL argument. */
  private async coerceFilter(dataset: ExploreDataset, filter: unknown): Promise<Record<string, unknown> | null> {
    if (filter == null) return null;
    const type = (await hubSchema()).getType(FILTER_TYPE[dataset]) as GraphQLInputType;
    return coerceInputValue(filter, type, (path, _value, error) => {
      const field = ['operation.filter', ...path].join('.');
      throw new BadUserInputError(field, `筛选条件无效：${error.message}`, `invalid filter: ${error.message}`);
    }) as Record<string, unknown>;
  }

  /** Checks an operation by compiling it (nothing runs) and returns it as stored. */
  async checkOperation(op: ExploreOperationInput): Promise<StoredOperation> {
    const stored: StoredOperation = {
      measures: [...op.measures],
      dimensions: [...op.dimensions],
      filter: await this.coerceFilter(op.dataset, op.filter),
      orderBy: op.orderBy?.map((s) => ({ measure: s.measure, dimension: s.dimension, direction: s.direction })) ?? null,
      limit: op.limit ?? null,
    };
    try {
      compileExplore(this.em, EXPLORE_DATASETS[op.dataset] as ExploreDatasetDef<object>, stored as never, this.viewer);
    } catch (e) {
      if (e instanceof GraphQLError && e.extensions.field) {
        const field = `operation.${String(e.extensions.field)}`;
        throw new GraphQLError(`operation.${e.message}`, { extensions: { ...e.extensions, field } });
      }
      throw e;
    }
    return stored;
  }

  private checkFields(input: Partial<SaveQueryInput>, problems: InputProblems): void {
    if (input.name != null) {
      const n = input.name.trim();
      problems.check(n.length >= 1 && n.length <= 120, 'name', '名称应为1–120个字符', 'must be 1 to 120 characters');
    }
    if (input.description != null)
      problems.check(input.description.length <= 2000, 'description', '说明最多2000个字符', 'at most 2000 characters');
    input.sharedWithRoles?.forEach((r, i) =>
      problems.check(ROLES.has(r), `sharedWithRoles[${i}]`, `没有角色 ${r}`, `${r} is not a role`),
    );
    if (input.sharedWithUsers)
      problems.check(input.sharedWithUsers.length <= 200, 'sharedWithUsers', '最多200个用户', 'at most 200 users');
    if (input.chart?.options)
      problems.check(
        JSON.stringify(input.chart.options).length <= MAX_OPTIONS_BYTES,
        'chart.options',
        '图表设置过大',
        'chart options are too large (10 kB at most)',
      );
  }

  private requireSignedIn(): Viewer & { id: string } {
    if (this.viewer.kind === 'anonymous' || this.viewer.id == null)
      throw new GraphQLError('请先登录再保存查询 / sign in to save queries', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    return this.viewer as Viewer & { id: string };
  }

  async save(input: SaveQueryInput): Promise<SavedQueryRecord> {
    const viewer = this.requireSignedIn();
    const problems = new InputProblems('input');
    this.checkFields(input, problems);
    problems.throwIfAny();
    const operation = await this.checkOperation(input.operation);
    const q = this.em.create(SavedQueryRecord, {
      name: input.name.trim(),
      description: input.description?.trim() || null,
      ownerId: ownerIdOf(viewer),
      ownerName: viewer.name,
      visibility: input.visibility,
      sharedWithRoles: input.sharedWithRoles ?? [],
      sharedWithUsers: input.sharedWithUsers ?? [],
      dataset: input.operation.dataset,
      operation,
      chartType: input.chart.type,
      chartOptions: input.chart.options ?? {},
      pinned: input.pinned ?? false,
    });
    await this.em.flush();
    return q;
  }

  /** A saved query the caller may see; NOT_FOUND otherwise (its existence is not disclosed). */
  async visible(id: string): Promise<SavedQueryRecord> {
    const decoded = fromGlobalId(id);
    if (decoded?.type !== 'SavedQuery')
      throw new BadUserInputError('id', '不是有效的查询 ID', 'is not a SavedQuery id');
    const q = await this.em.findOne(SavedQueryRecord, { id: decoded.key });
    if (!q || !canSee(this.viewer, q)) throw new NotFoundError('查询', id);
    return q;
  }

  private async owned(id: string): Promise<SavedQueryRecord> {
    const q = await this.visible(id);
    if (!isOwner(this.viewer, q))
      throw new GraphQLError('只有创建者可以修改或删除 / only the owner may change or delete it', {
        extensions: { code: 'FORBIDDEN' },
      });
    return q;
  }

  async update(id: string, input: UpdateSavedQueryInput): Promise<SavedQueryRecord> {
    const q = await this.owned(id);
    const problems = new InputProblems('input');
    this.checkFields(input as Partial<SaveQueryInput>, problems);
    problems.throwIfAny();
    if (input.operation) {
      q.operation = await this.checkOperation(input.operation);
      q.dataset = input.operation.dataset;
    }
    if (input.name != null) q.name = input.name.trim();
    if (input.description != null) q.description = input.description.trim() || null;
    if (input.visibility != null) q.visibility = input.visibility;
    if (input.sharedWithRoles != null) q.sharedWithRoles = input.sharedWithRoles;
    if (input.sharedWithUsers != null) q.sharedWithUsers = input.sharedWithUsers;
    if (input.chart) {
      q.chartType = input.chart.type;
      q.chartOptions = input.chart.options ?? {};
    }
    if (input.pinned != null) q.pinned = input.pinned;
    await this.em.flush();
    return q;
  }

  async delete(id: string): Promise<string> {
    const q = await this.owned(id);
    await this.em.remove(q).flush();
    return id;
  }

  /** What the caller may see, newest first; `pinned` gives the caller's own board. One statement. */
  async list(opts: { pinned?: boolean | null; mine?: boolean | null; dataset?: ExploreDataset | null }) {
    const knex = this.em.getKnex();
    const qb = whereVisible(knex('saved_query as q').select('q.*'), this.viewer);
    if (opts.mine || opts.pinned) qb.where('q.owner_id', ownerIdOf(this.viewer));
    if (opts.pinned) qb.where('q.pinned', true);
    if (opts.dataset) qb.where('q.dataset', opts.dataset);
    const rows = (await qb.orderBy([{ column: 'q.updated_at', order: 'desc' }, 'q.id']).limit(500)) as object[];
    return rows.map((r) => this.em.map(SavedQueryRecord, r));
  }

  /** Runs a saved query the caller may see, with the caller's own township scope. */
  async run(id: string): Promise<ExploreResult> {
    const q = await this.visible(id);
    const op = await this.checkOperation({ ...q.operation, dataset: q.dataset } as ExploreOperationInput);
    return runExplore(this.em, this.viewer, EXPLORE_DATASETS[q.dataset] as ExploreDatasetDef<object>, op as never);
  }
}
