import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { Township } from './township.entity.js';
import {
  type CreateTownshipInput,
  type TownshipFilter,
  TownshipOrder,
  type UpdateTownshipInput,
} from './township.inputs.js';

const ORDER: Record<TownshipOrder, QueryOrderMap<Township>> = {
  CODE_ASC: { code: 'asc' },
  NAME_ASC: { name: 'asc' },
};

export function townshipWhere(filter: TownshipFilter = {}): FilterQuery<Township> {
  const where: FilterQuery<Township> & Record<string, unknown> = {};
  if (filter.codes) where.code = { $in: filter.codes };
  if (filter.safeCommunityStatuses) where.safeCommunityStatus = { $in: filter.safeCommunityStatuses };
  if (filter.nameContains) where.name = { $like: `%${filter.nameContains.replace(/[\\%_]/g, '\\$&')}%` };
  return where;
}

export function checkBoundary(boundary: Record<string, unknown> | undefined, problems: InputProblems): void {
  if (boundary === undefined) return;
  const ok = (boundary.type === 'Polygon' || boundary.type === 'MultiPolygon') && Array.isArray(boundary.coordinates);
  problems.check(ok, 'boundary', '应为 GeoJSON Polygon 或 MultiPolygon', 'must be a GeoJSON Polygon or MultiPolygon');
}

export function checkSafeCommunity(status: string, year: number | null | undefined, problems: InputProblems): void {
  if (status === 'ACHIEVED') {
    problems.check(
      year != null,
      'safeCommunityYear',
      '已达标时须填写达标年份',
      'is required when the status is ACHIEVED',
    );
  } else {
    problems.check(year == null, 'safeCommunityYear', '仅在已达标时填写', 'only applies when the status is ACHIEVED');
  }
}

export class TownshipService {
  constructor(private readonly em: EntityManager) {}

  list(filter?: TownshipFilter, orderBy: TownshipOrder = TownshipOrder.CODE_ASC): Promise<Township[]> {
    return this.em.find(Township, townshipWhere(filter), { orderBy: [ORDER[orderBy], { id: 'asc' }] });
  }

  page(page: PageArgs, filter?: TownshipFilter, orderBy: TownshipOrder = TownshipOrder.CODE_ASC) {
    return paginate(this.em, Township, () => townshipWhere(filter), ORDER[orderBy], page);
  }

  async create(input: CreateTownshipInput): Promise<Township> {
    const problems = new InputProblems();
    if (await this.em.count(Township, { code: input.code })) {
      problems.add('code', `代码 ${input.code} 已被使用`, `code ${input.code} is already used`);
    }
    checkBoundary(input.boundary, problems);
    checkSafeCommunity(input.safeCommunityStatus ?? 'NOT_STARTED', input.safeCommunityYear, problems);
    problems.throwIfAny();
    const township = this.em.create(Township, { ...input });
    await this.em.flush();
    return township;
  }

  async update(township: Township, input: UpdateTownshipInput): Promise<Township> {
    const problems = new InputProblems();
    checkBoundary(input.boundary, problems);
    const status = input.safeCommunityStatus ?? township.safeCommunityStatus;
    const year =
      input.safeCommunityYear !== undefined
        ? input.safeCommunityYear
        : status === 'ACHIEVED'
          ? township.safeCommunityYear
          : null;
    checkSafeCommunity(status, year, problems);
    problems.throwIfAny();
    this.em.assign(township, { ...input, safeCommunityStatus: status, safeCommunityYear: year ?? null });
    await this.em.flush();
    return township;
  }
}
