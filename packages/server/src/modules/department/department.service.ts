import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { Department } from './department.entity.js';
import {
  type CreateDepartmentInput,
  type DepartmentFilter,
  DepartmentOrder,
  type UpdateDepartmentInput,
} from './department.inputs.js';

const ORDER: Record<DepartmentOrder, QueryOrderMap<Department>> = {
  CODE_ASC: { code: 'asc' },
  NAME_ASC: { name: 'asc' },
};

export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

export function departmentWhere(filter: DepartmentFilter = {}): FilterQuery<Department> {
  const where: Record<string, unknown> = {};
  if (filter.codes) where.code = { $in: filter.codes };
  // sectors is a text[] column: && (overlap) keeps departments supervising any of the fields asked for.
  if (filter.sectors) where.sectors = { $overlap: filter.sectors };
  if (filter.nameContains) where.name = { $like: likePattern(filter.nameContains) };
  return where as FilterQuery<Department>;
}

export class DepartmentService {
  constructor(private readonly em: EntityManager) {}

  list(filter?: DepartmentFilter, orderBy: DepartmentOrder = DepartmentOrder.CODE_ASC): Promise<Department[]> {
    return this.em.find(Department, departmentWhere(filter), { orderBy: [ORDER[orderBy], { id: 'asc' }] });
  }

  page(page: PageArgs, filter?: DepartmentFilter, orderBy: DepartmentOrder = DepartmentOrder.CODE_ASC) {
    return paginate(this.em, Department, () => departmentWhere(filter), ORDER[orderBy], page);
  }

  private async checkCodeFree(code: string, problems: InputProblems, except?: Department): Promise<void> {
    const taken = await this.em.findOne(Department, { code });
    if (taken && taken !== except) problems.add('code', `代码 ${code} 已被使用`, `code ${code} is already used`);
  }

  async create(input: CreateDepartmentInput): Promise<Department> {
    const problems = new InputProblems();
    await this.checkCodeFree(input.code, problems);
    problems.throwIfAny();
    const department = this.em.create(Department, {
      code: input.code,
      name: input.name,
      sectors: [...new Set(input.sectors)],
    });
    await this.em.flush();
    return department;
  }

  async update(department: Department, input: UpdateDepartmentInput): Promise<Department> {
    const problems = new InputProblems();
    if (input.code != null && input.code !== department.code)
      await this.checkCodeFree(input.code, problems, department);
    problems.check(input.name !== null, 'name', '不能为空', 'cannot be null');
    problems.check(input.sectors !== null, 'sectors', '不能为空', 'cannot be null');
    problems.throwIfAny();
    this.em.assign(department, {
      ...(input.code != null ? { code: input.code } : {}),
      ...(input.name != null ? { name: input.name } : {}),
      ...(input.sectors != null ? { sectors: [...new Set(input.sectors)] } : {}),
    });
    await this.em.flush();
    return department;
  }
}
