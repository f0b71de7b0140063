import { countyToday, HazardStatus } from '@hub/schema';
import type { EntityManager, QueryOrderMap, Ref } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { entityByGlobalId, townshipByCode } from '../../common/lookup.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { Inspection } from '../inspection/inspection.entity.js';
import type { Township } from '../township/township.entity.js';
import { Hazard } from './hazard.entity.js';
import { hazardWhere } from './hazard.filter.js';
import {
  type CreateHazardInput,
  type HazardFilter,
  HazardOrder,
  OpenHazardStatus,
  type UpdateHazardInput,
} from './hazard.inputs.js';

const ORDER: Record<HazardOrder, QueryOrderMap<Hazard>> = {
  FOUND_ON_DESC: { foundOn: 'desc' },
  FOUND_ON_ASC: { foundOn: 'asc' },
  DEADLINE_ASC: { deadline: 'asc' },
  INVESTMENT_DESC: { investmentCny: 'desc' },
};

interface HazardDates {
  foundOn: string;
  deadline: string;
  rectifiedOn?: string | null;
  verifiedOn?: string | null;
}

/** The rules between the dates of a hazard, whatever their source (a new hazard or an update). */
export function checkDates(d: HazardDates, problems: InputProblems, today = countyToday()): void {
  const notFuture = (field: keyof HazardDates, zh: string) => {
    const value = d[field];
    problems.check(
      !value || value <= today,
      field,
      `${zh} ${value} 晚于今天（${today}）`,
      `${value} is in the future (today is ${today})`,
    );
  };
  notFuture('foundOn', '发现日期');
  notFuture('rectifiedOn', '整改日期');
  notFuture('verifiedOn', '验收日期');
  problems.check(
    d.deadline >= d.foundOn,
    'deadline',
    `整改期限 ${d.deadline} 早于发现日期 ${d.foundOn}`,
    `deadline ${d.deadline} is before foundOn ${d.foundOn}`,
  );
  if (d.rectifiedOn) {
    problems.check(
      d.rectifiedOn >= d.foundOn,
      'rectifiedOn',
      `整改日期 ${d.rectifiedOn} 早于发现日期 ${d.foundOn}`,
      `rectifiedOn ${d.rectifiedOn} is before foundOn ${d.foundOn}`,
    );
  }
  if (d.verifiedOn) {
    if (!d.rectifiedOn)
      problems.add(
        'verifiedOn',
        '须先有整改日期才能验收',
        'needs rectifiedOn: only a rectified hazard can be verified',
      );
    else {
      problems.check(
        d.verifiedOn >= d.rectifiedOn,
        'verifiedOn',
        `验收日期 ${d.verifiedOn} 早于整改日期 ${d.rectifiedOn}`,
        `verifiedOn ${d.verifiedOn} is before rectifiedOn ${d.rectifiedOn}`,
      );
    }
  }
}

/** VERIFIED with a verification date, RECTIFIED with a rectification date, else the open status given. */
export function deriveHazardStatus(
  d: Pick<HazardDates, 'rectifiedOn' | 'verifiedOn'>,
  open: OpenHazardStatus = OpenHazardStatus.FOUND,
): HazardStatus {
  if (d.verifiedOn) return HazardStatus.VERIFIED;
  if (d.rectifiedOn) return HazardStatus.RECTIFIED;
  return open;
}

/** Required fields of an update may be left out but not set to null. */
function checkNotNull(input: object, fields: string[], problems: InputProblems): void {
  for (const field of fields) {
    problems.check((input as Record<string, unknown>)[field] !== null, field, '不能为空', 'cannot be null');
  }
}

export class HazardService {
  constructor(private readonly em: EntityManager) {}

  page(page: PageArgs, filter?: HazardFilter, orderBy: HazardOrder = HazardOrder.FOUND_ON_DESC) {
    return paginate(this.em, Hazard, () => hazardWhere(filter), ORDER[orderBy], page);
  }

  /** The enterprise and inspection of an input, when given; a problem for each one that does not exist. */
  private async references(
    input: { enterpriseId?: string | null; inspectionId?: string | null },
    problems: InputProblems,
  ) {
    const enterprise = input.enterpriseId
      ? await entityByGlobalId(this.em, Enterprise, input.enterpriseId, problems, 'enterpriseId')
      : null;
    const inspection = input.inspectionId
      ? await entityByGlobalId(this.em, Inspection, input.inspectionId, problems, 'inspectionId')
      : null;
    return { enterprise, inspection };
  }

  async create(input: CreateHazardInput): Promise<Hazard> {
    const problems = new InputProblems();
    checkDates(input, problems);
    const { enterprise, inspection } = await this.references(input, problems);
    let township: Township | Ref<Township> | null = null;
    if (input.townshipCode) township = await townshipByCode(this.em, input.townshipCode, problems);
    else if (enterprise) township = enterprise.township;
    else if (inspection) township = inspection.township;
    else if (!input.enterpriseId && !input.inspectionId) {
      problems.add('townshipCode', '未指定企业时须填写乡镇代码', 'is required when no enterprise is given');
    }
    problems.throwIfAny();
    const { enterpriseId: _e, inspectionId: _i, townshipCode: _t, status, ...fields } = input;
    const hazard = this.em.create(Hazard, {
      ...fields,
      rectifiedOn: input.rectifiedOn ?? null,
      verifiedOn: input.verifiedOn ?? null,
      investmentCny: input.investmentCny ?? 0,
      enterprise,
      inspection,
      township: township!,
      status: deriveHazardStatus(input, status ?? undefined),
    });
    await this.em.flush();
    return hazard;
  }

  async update(hazard: Hazard, input: UpdateHazardInput): Promise<Hazard> {
    const problems = new InputProblems();
    checkNotNull(
      input,
      ['townshipCode', 'foundOn', 'level', 'category', 'description', 'deadline', 'status', 'investmentCny'],
      problems,
    );
    const { enterpriseId, inspectionId, townshipCode, status, ...changes } = input;
    const dates: HazardDates = {
      foundOn: changes.foundOn ?? hazard.foundOn,
      deadline: changes.deadline ?? hazard.deadline,
      rectifiedOn: changes.rectifiedOn !== undefined ? changes.rectifiedOn : hazard.rectifiedOn,
      verifiedOn: changes.verifiedOn !== undefined ? changes.verifiedOn : hazard.verifiedOn,
    };
    checkDates(dates, problems);
    const { enterprise, inspection } = await this.references(input, problems);
    const township = townshipCode ? await townshipByCode(this.em, townshipCode, problems) : null;
    problems.throwIfAny();
    // The open status stays as it was unless given; a hazard whose rectification is withdrawn is open again.
    const previousOpen =
      hazard.status === HazardStatus.RECTIFYING ? OpenHazardStatus.RECTIFYING : OpenHazardStatus.FOUND;
    this.em.assign(hazard, {
      ...changes,
      ...dates,
      ...(enterpriseId !== undefined ? { enterprise } : {}),
      ...(inspectionId !== undefined ? { inspection } : {}),
      // A hazard moved to another enterprise follows it to its township unless a township is given.
      ...(township ? { township } : enterprise ? { township: enterprise.township } : {}),
      status: deriveHazardStatus(dates, status ?? previousOpen),
    });
    await this.em.flush();
    return hazard;
  }
}
