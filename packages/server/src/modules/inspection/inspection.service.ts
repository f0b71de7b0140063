import { countyToday, InspectionCampaign } from '@hub/schema';
import type { EntityManager, QueryOrderMap, Ref } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { departmentsByCodes, entityByGlobalId, townshipByCode } from '../../common/lookup.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import type { Township } from '../township/township.entity.js';
import { Inspection } from './inspection.entity.js';
import { inspectionWhere } from './inspection.filter.js';
import {
  type CreateInspectionInput,
  type InspectionFilter,
  InspectionOrder,
  type UpdateInspectionInput,
} from './inspection.inputs.js';

const ORDER: Record<InspectionOrder, QueryOrderMap<Inspection>> = {
  INSPECTED_ON_DESC: { inspectedOn: 'desc' },
  INSPECTED_ON_ASC: { inspectedOn: 'asc' },
  PENALTY_DESC: { penaltyCny: 'desc' },
};

export function checkDate(inspectedOn: string, problems: InputProblems, today = countyToday()): void {
  problems.check(
    inspectedOn <= today,
    'inspectedOn',
    `检查日期 ${inspectedOn} 晚于今天（${today}）`,
    `${inspectedOn} is in the future (today is ${today})`,
  );
}

/** A holiday period belongs to the HOLIDAY campaign, and that campaign needs one. */
export function checkHoliday(
  campaign: InspectionCampaign,
  holidayPeriod: string | null | undefined,
  problems: InputProblems,
): void {
  if (campaign === InspectionCampaign.HOLIDAY) {
    problems.check(
      holidayPeriod != null,
      'holidayPeriod',
      '节假日检查须填写节假日',
      'is required for the HOLIDAY campaign',
    );
  } else {
    problems.check(
      holidayPeriod == null,
      'holidayPeriod',
      '仅节假日检查填写节假日',
      'only applies to the HOLIDAY campaign',
    );
  }
}

export class InspectionService {
  constructor(private readonly em: EntityManager) {}

  page(page: PageArgs, filter?: InspectionFilter, orderBy: InspectionOrder = InspectionOrder.INSPECTED_ON_DESC) {
    return paginate(this.em, Inspection, () => inspectionWhere(filter), ORDER[orderBy], page);
  }

  private departments(codes: string[], problems: InputProblems) {
    return departmentsByCodes(this.em, [...new Set(codes)], problems);
  }

  async create(input: CreateInspectionInput): Promise<Inspection> {
    const problems = new InputProblems();
    checkDate(input.inspectedOn, problems);
    checkHoliday(input.campaign, input.holidayPeriod, problems);
    const departments = await this.departments(input.departmentCodes, problems);
    const enterprise = input.enterpriseId
      ? await entityByGlobalId(this.em, Enterprise, input.enterpriseId, problems, 'enterpriseId')
      : null;
    let township: Township | Ref<Township> | null = null;
    if (input.townshipCode) township = await townshipByCode(this.em, input.townshipCode, problems);
    else if (enterprise) township = enterprise.township;
    else if (!input.enterpriseId)
      problems.add('townshipCode', '未指定企业时须填写乡镇代码', 'is required when no enterprise is given');
    problems.throwIfAny();
    const { departmentCodes: _d, enterpriseId: _e, townshipCode: _t, ...fields } = input;
    const inspection = this.em.create(Inspection, {
      ...fields,
      holidayPeriod: input.holidayPeriod ?? null,
      penaltyCny: input.penaltyCny ?? 0,
      enterprise,
      township: township!,
      joint: departments.length > 1,
      departments,
    });
    await this.em.flush();
    return inspection;
  }

  async update(inspection: Inspection, input: UpdateInspectionInput): Promise<Inspection> {
    const problems = new InputProblems();
    for (const field of ['inspectedOn', 'departmentCodes', 'campaign', 'townshipCode', 'penaltyCny'] as const) {
      problems.check(input[field] !== null, field, '不能为空', 'cannot be null');
    }
    const { departmentCodes, enterpriseId, townshipCode, ...changes } = input;
    if (changes.inspectedOn) checkDate(changes.inspectedOn, problems);
    const campaign = changes.campaign ?? inspection.campaign;
    // Moving away from the HOLIDAY campaign drops the holiday period rather than rejecting the update.
    const holidayPeriod =
      changes.holidayPeriod !== undefined
        ? changes.holidayPeriod
        : campaign === InspectionCampaign.HOLIDAY
          ? inspection.holidayPeriod
          : null;
    checkHoliday(campaign, holidayPeriod, problems);
    const departments = departmentCodes ? await this.departments(departmentCodes, problems) : null;
    const enterprise = enterpriseId
      ? await entityByGlobalId(this.em, Enterprise, enterpriseId, problems, 'enterpriseId')
      : null;
    const township = townshipCode ? await townshipByCode(this.em, townshipCode, problems) : null;
    problems.throwIfAny();
    this.em.assign(inspection, {
      ...changes,
      holidayPeriod: holidayPeriod ?? null,
      ...(enterpriseId !== undefined ? { enterprise } : {}),
      // An inspection moved to another enterprise follows it to its township unless a township is given.
      ...(township ? { township } : enterprise ? { township: enterprise.township } : {}),
    });
    if (departments) {
      await inspection.departments.init();
      inspection.departments.set(departments);
      inspection.joint = departments.length > 1;
    }
    await this.em.flush();
    return inspection;
  }
}
