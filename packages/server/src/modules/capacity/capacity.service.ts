import { raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, FilterQuery, Knex, QueryOrderMap } from '@mikro-orm/postgresql';
import { BadUserInputError, InputProblems } from '../../common/errors.js';
import { departmentByCode, townshipByCode } from '../../common/lookup.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import type { Department } from '../department/department.entity.js';
import type { Township } from '../township/township.entity.js';
import { SupervisoryCapacity } from './capacity.entity.js';
import {
  type CapacityFilter,
  CapacityOwnerKind,
  type CreateSupervisoryCapacityInput,
  SupervisoryCapacityOrder,
  type UpdateSupervisoryCapacityInput,
} from './capacity.inputs.js';

const ORDER: Record<SupervisoryCapacityOrder, QueryOrderMap<SupervisoryCapacity>> = {
  YEAR_DESC: { year: 'desc' },
  YEAR_ASC: { year: 'asc' },
  STAFF_ACTUAL_ASC: { staffActual: 'asc' },
};

export function capacityWhere(filter: CapacityFilter = {}): FilterQuery<SupervisoryCapacity> {
  const where: Record<string, unknown> = {};
  if (filter.years) where.year = { $in: filter.years };
  if (filter.ownerKind === CapacityOwnerKind.TOWNSHIP) where.township = { $ne: null };
  if (filter.ownerKind === CapacityOwnerKind.DEPARTMENT) where.department = { $ne: null };
  const owners: Record<string, unknown>[] = [];
  if (filter.townshipCodes) owners.push({ township: { code: { $in: filter.townshipCodes } } });
  if (filter.departmentCodes) owners.push({ department: { code: { $in: filter.departmentCodes } } });
  if (owners.length) where.$or = owners;
  return where as FilterQuery<SupervisoryCapacity>;
}

/** The same filter for statistics, over `supervisory_capacity as c` (joined to `township as t`, `department as d`). */
export function applyCapacityFilter(qb: Knex.QueryBuilder, filter: CapacityFilter = {}): Knex.QueryBuilder {
  if (filter.years) qb.whereIn('c.year', filter.years);
  if (filter.ownerKind === CapacityOwnerKind.TOWNSHIP) qb.whereNotNull('c.township_id');
  if (filter.ownerKind === CapacityOwnerKind.DEPARTMENT) qb.whereNotNull('c.department_id');
  const { townshipCodes, departmentCodes } = filter;
  if (townshipCodes || departmentCodes)
    qb.where((w) => {
      if (townshipCodes) w.orWhereIn('t.code', townshipCodes);
      if (departmentCodes) w.orWhereIn('d.code', departmentCodes);
    });
  return qb;
}

type Owner = { township: Township | null; department: Department | null };
type OwnerKeys = { township: number | null; department: number | null };

const keysOf = (o: Owner): OwnerKeys => ({ township: o.township?.id ?? null, department: o.department?.id ?? null });

export class CapacityService {
  constructor(private readonly em: EntityManager) {}

  /** A year's records, the largest staffing gap first. */
  ofYear(year: number, ownerKind?: CapacityOwnerKind): Promise<SupervisoryCapacity[]> {
    return this.em.find(SupervisoryCapacity, capacityWhere({ years: [year], ownerKind }), {
      orderBy: [{ [raw((a) => `${a}.staff_required - ${a}.staff_actual`)]: 'desc' }, { id: 'asc' }],
    });
  }

  page(
    page: PageArgs,
    filter?: CapacityFilter,
    orderBy: SupervisoryCapacityOrder = SupervisoryCapacityOrder.YEAR_DESC,
  ) {
    return paginate(this.em, SupervisoryCapacity, () => capacityWhere(filter), ORDER[orderBy], page);
  }

  /** Resolves the owner codes of an input: exactly one of township and department. */
  private async owner(
    input: { townshipCode?: string | null; departmentCode?: string | null },
    problems: InputProblems,
  ): Promise<Owner | undefined> {
    const { townshipCode, departmentCode } = input;
    if (townshipCode && departmentCode) {
      problems.add('departmentCode', '只能填写乡镇代码或部门代码之一', 'give townshipCode or departmentCode, not both');
      return undefined;
    }
    if (townshipCode) return { township: await townshipByCode(this.em, townshipCode, problems), department: null };
    if (departmentCode)
      return { township: null, department: await departmentByCode(this.em, departmentCode, problems) };
    return undefined;
  }

  /** One record per owner and year: a second one is the caller's mistake, reported on `year`. */
  private async checkUnique(
    year: number,
    owner: OwnerKeys,
    problems: InputProblems,
    self?: SupervisoryCapacity,
  ): Promise<void> {
    if (owner.township == null && owner.department == null) return;
    const taken = await this.em.count(SupervisoryCapacity, {
      year,
      township: owner.township,
      department: owner.department,
      ...(self ? { id: { $ne: self.id } } : {}),
    });
    problems.check(
      taken === 0,
      'year',
      `该乡镇或部门 ${year} 年已有监管力量记录`,
      `this owner already has a record for ${year}`,
    );
  }

  static checkFigures(c: { staffActual: number; certifiedEnforcementStaff: number }, problems: InputProblems): void {
    problems.check(
      c.certifiedEnforcementStaff <= c.staffActual,
      'certifiedEnforcementStaff',
      `持证执法人员（${c.certifiedEnforcementStaff}）不能多于实有人员（${c.staffActual}）`,
      `certified staff (${c.certifiedEnforcementStaff}) cannot exceed staff in post (${c.staffActual})`,
    );
  }

  /** Flushes, turning a lost race on the owner-and-year index into the same answer the check gives. */
  private async flush(year: number): Promise<void> {
    try {
      await this.em.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) {
        throw new BadUserInputError(
          'year',
          `该乡镇或部门 ${year} 年已有监管力量记录`,
          `this owner already has a record for ${year}`,
        );
      }
      throw e;
    }
  }

  async create(input: CreateSupervisoryCapacityInput): Promise<SupervisoryCapacity> {
    const problems = new InputProblems();
    const certifiedEnforcementStaff = input.certifiedEnforcementStaff ?? 0;
    CapacityService.checkFigures({ staffActual: input.staffActual, certifiedEnforcementStaff }, problems);
    if (!input.townshipCode && !input.departmentCode) {
      problems.add('townshipCode', '须填写乡镇代码或部门代码之一', 'give a townshipCode or a departmentCode');
    }
    const owner = await this.owner(input, problems);
    if (owner) await this.checkUnique(input.year, keysOf(owner), problems);
    problems.throwIfAny();
    const { townshipCode: _t, departmentCode: _d, ...fields } = input;
    const record = this.em.create(SupervisoryCapacity, {
      ...fields,
      ...owner!,
      certifiedEnforcementStaff,
      hasOffice: input.hasOffice ?? false,
      vehicles: input.vehicles ?? 0,
    });
    await this.flush(input.year);
    return record;
  }

  async update(record: SupervisoryCapacity, input: UpdateSupervisoryCapacityInput): Promise<SupervisoryCapacity> {
    const problems = new InputProblems();
    const merged = {
      year: input.year ?? record.year,
      institutionEstablished: input.institutionEstablished ?? record.institutionEstablished,
      staffRequired: input.staffRequired ?? record.staffRequired,
      staffActual: input.staffActual ?? record.staffActual,
      certifiedEnforcementStaff: input.certifiedEnforcementStaff ?? record.certifiedEnforcementStaff,
      hasOffice: input.hasOffice ?? record.hasOffice,
      vehicles: input.vehicles ?? record.vehicles,
    };
    CapacityService.checkFigures(merged, problems);
    const newOwner = await this.owner(input, problems);
    const owner: OwnerKeys = newOwner
      ? keysOf(newOwner)
      : { township: record.township?.id ?? null, department: record.department?.id ?? null };
    if (newOwner || input.year != null) await this.checkUnique(merged.year, owner, problems, record);
    problems.throwIfAny();
    this.em.assign(record, { ...merged, ...(newOwner ? newOwner : {}) });
    await this.flush(merged.year);
    return record;
  }
}
