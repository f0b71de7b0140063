import { countyToday } from '@hub/schema';
import type { EntityManager, QueryOrderMap } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { departmentByCode, townshipByCode } from '../../common/lookup.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import type { Department } from '../department/department.entity.js';
import type { Township } from '../township/township.entity.js';
import { SupervisionTask } from './task.entity.js';
import { taskWhere } from './task.filter.js';
import {
  type CreateSupervisionTaskInput,
  type SupervisionTaskFilter,
  SupervisionTaskOrder,
  type UpdateSupervisionTaskInput,
} from './task.inputs.js';

const ORDER: Record<SupervisionTaskOrder, QueryOrderMap<SupervisionTask>> = {
  ASSIGNED_ON_DESC: { assignedOn: 'desc' },
  DUE_ON_ASC: { dueOn: 'asc' },
};

interface TaskDates {
  assignedOn: string;
  dueOn: string;
  completedOn?: string | null;
}

function checkDates(d: TaskDates, problems: InputProblems, today = countyToday()): void {
  problems.check(
    d.dueOn >= d.assignedOn,
    'dueOn',
    `完成期限 ${d.dueOn} 早于下达日期 ${d.assignedOn}`,
    `dueOn ${d.dueOn} is before assignedOn ${d.assignedOn}`,
  );
  if (d.completedOn) {
    problems.check(
      d.completedOn >= d.assignedOn,
      'completedOn',
      `完成日期 ${d.completedOn} 早于下达日期 ${d.assignedOn}`,
      `completedOn ${d.completedOn} is before assignedOn ${d.assignedOn}`,
    );
    problems.check(
      d.completedOn <= today,
      'completedOn',
      `完成日期 ${d.completedOn} 晚于今天（${today}）`,
      `${d.completedOn} is in the future (today is ${today})`,
    );
  }
}

export class SupervisionTaskService {
  constructor(private readonly em: EntityManager) {}

  page(
    page: PageArgs,
    filter?: SupervisionTaskFilter,
    orderBy: SupervisionTaskOrder = SupervisionTaskOrder.ASSIGNED_ON_DESC,
  ) {
    return paginate(this.em, SupervisionTask, () => taskWhere(filter), ORDER[orderBy], page);
  }

  /** Exactly one of a township and a department takes the task. */
  private async assignee(
    input: { townshipCode?: string | null; departmentCode?: string | null },
    problems: InputProblems,
  ) {
    const { townshipCode, departmentCode } = input;
    if (!townshipCode === !departmentCode) {
      problems.add(
        'townshipCode',
        '乡镇代码和部门代码须且只须填写一个',
        'give exactly one of townshipCode and departmentCode',
      );
      return { township: null, department: null };
    }
    const township: Township | null = townshipCode ? await townshipByCode(this.em, townshipCode, problems) : null;
    const department: Department | null = departmentCode
      ? await departmentByCode(this.em, departmentCode, problems)
      : null;
    return { township, department };
  }

  async create(input: CreateSupervisionTaskInput): Promise<SupervisionTask> {
    const problems = new InputProblems();
    checkDates(input, problems);
    const { township, department } = await this.assignee(input, problems);
    problems.throwIfAny();
    const task = this.em.create(SupervisionTask, {
      title: input.title,
      assignedOn: input.assignedOn,
      dueOn: input.dueOn,
      completedOn: input.completedOn ?? null,
      township,
      department,
    });
    await this.em.flush();
    return task;
  }

  async update(task: SupervisionTask, input: UpdateSupervisionTaskInput): Promise<SupervisionTask> {
    const problems = new InputProblems();
    for (const field of ['title', 'assignedOn', 'dueOn'] as const)
      problems.check(input[field] !== null, field, '不能为空', 'cannot be null');
    const { townshipCode, departmentCode, ...changes } = input;
    const dates: TaskDates = {
      assignedOn: changes.assignedOn ?? task.assignedOn,
      dueOn: changes.dueOn ?? task.dueOn,
      completedOn: changes.completedOn !== undefined ? changes.completedOn : task.completedOn,
    };
    checkDates(dates, problems);
    const reassigned = townshipCode != null || departmentCode != null;
    const assignee = reassigned ? await this.assignee(input, problems) : null;
    problems.throwIfAny();
    this.em.assign(task, { ...changes, ...dates, ...(assignee ?? {}) });
    await this.em.flush();
    return task;
  }
}
