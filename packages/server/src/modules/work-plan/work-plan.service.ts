import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { BadUserInputError, InputProblems } from '../../common/errors.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { SHARE_MEASURES } from './work-plan-progress.js';
import { WorkPlanItem } from './work-plan-item.entity.js';
import {
  type CreateWorkPlanItemInput,
  type UpdateWorkPlanItemInput,
  type WorkPlanItemFilter,
  WorkPlanItemOrder,
} from './work-plan.inputs.js';

const ORDER: Record<WorkPlanItemOrder, QueryOrderMap<WorkPlanItem>> = {
  YEAR_ASC_NUMBER: { year: 'asc', number: 'asc' },
  YEAR_DESC_NUMBER: { year: 'desc', number: 'asc' },
};

export function workPlanItemWhere(filter: WorkPlanItemFilter = {}): FilterQuery<WorkPlanItem> {
  const where: Record<string, unknown> = {};
  if (filter.years) where.year = { $in: filter.years };
  if (filter.measures) where.measure = { $in: filter.measures };
  return where as FilterQuery<WorkPlanItem>;
}

type ItemFields = Pick<WorkPlanItem, 'year' | 'number' | 'measure' | 'targetValue'>;

const duplicate = (year: number, number: number) =>
  [`${year} 年计划已有第 ${number} 项`, `the ${year} plan already has an item number ${number}`] as const;

export class WorkPlanService {
  constructor(private readonly em: EntityManager) {}

  /** The plan of a year, item by item. */
  plan(year: number): Promise<WorkPlanItem[]> {
    return this.em.find(WorkPlanItem, { year }, { orderBy: [{ number: 'asc' }, { id: 'asc' }] });
  }

  page(page: PageArgs, filter?: WorkPlanItemFilter, orderBy: WorkPlanItemOrder = WorkPlanItemOrder.YEAR_DESC_NUMBER) {
    return paginate(this.em, WorkPlanItem, () => workPlanItemWhere(filter), ORDER[orderBy], page);
  }

  private async check(item: ItemFields, problems: InputProblems, self?: WorkPlanItem): Promise<void> {
    if (SHARE_MEASURES.has(item.measure)) {
      problems.check(
        item.targetValue <= 1,
        'targetValue',
        '占比目标应在0到1之间（如0.6表示60%）',
        'a share target must be at most 1 (0.6 means 60%)',
      );
    }
    const taken = await this.em.count(WorkPlanItem, {
      year: item.year,
      number: item.number,
      ...(self ? { id: { $ne: self.id } } : {}),
    });
    if (taken) problems.add('number', ...duplicate(item.year, item.number));
  }

  /** Flushes, turning a lost race on the (year, number) constraint into the answer the check gives. */
  private async flush(item: ItemFields): Promise<void> {
    try {
      await this.em.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException)
        throw new BadUserInputError('number', ...duplicate(item.year, item.number));
      throw e;
    }
  }

  async create(input: CreateWorkPlanItemInput): Promise<WorkPlanItem> {
    const problems = new InputProblems();
    await this.check(input, problems);
    problems.throwIfAny();
    const item = this.em.create(WorkPlanItem, { ...input, details: input.details ?? null });
    await this.flush(item);
    return item;
  }

  async update(item: WorkPlanItem, input: UpdateWorkPlanItemInput): Promise<WorkPlanItem> {
    const problems = new InputProblems();
    const merged = {
      year: input.year ?? item.year,
      number: input.number ?? item.number,
      title: input.title ?? item.title,
      details: input.details !== undefined ? input.details : item.details,
      measure: input.measure ?? item.measure,
      targetValue: input.targetValue ?? item.targetValue,
    };
    await this.check(merged, problems, item);
    problems.throwIfAny();
    this.em.assign(item, merged);
    await this.flush(merged);
    return item;
  }
}
