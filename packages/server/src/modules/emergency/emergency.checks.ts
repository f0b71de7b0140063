// Checks shared by the emergency plans, drills and rescue teams: owners by natural key or global id, and dates.
import { countyToday } from '@hub/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { InputProblems } from '../../common/errors.js';
import { departmentByCode, entityByGlobalId, townshipByCode } from '../../common/lookup.js';
import type { Department } from '../department/department.entity.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import type { Township } from '../township/township.entity.js';

export interface OwnerInput {
  townshipCode?: string | null;
  departmentCode?: string | null;
  enterpriseId?: string | null;
}

/** Each owner as the input has it: undefined when left out, null when given as null (or unknown: a problem is recorded). */
export interface Owners {
  township: Township | null | undefined;
  department: Department | null | undefined;
  enterprise: Enterprise | null | undefined;
}

export const OWNER_FIELDS = ['townshipCode', 'departmentCode', 'enterpriseId'] as const;

export async function resolveOwners(em: EntityManager, input: OwnerInput, problems: InputProblems): Promise<Owners> {
  const { townshipCode, departmentCode, enterpriseId } = input;
  return {
    township: townshipCode == null ? townshipCode : await townshipByCode(em, townshipCode, problems),
    department: departmentCode == null ? departmentCode : await departmentByCode(em, departmentCode, problems),
    enterprise:
      enterpriseId == null
        ? enterpriseId
        : await entityByGlobalId(em, Enterprise, enterpriseId, problems, 'enterpriseId'),
  };
}

/** The owner fields given a value (not left out, not null). */
export function givenOwnerFields(input: OwnerInput): (typeof OWNER_FIELDS)[number][] {
  return OWNER_FIELDS.filter((f) => input[f] != null);
}

/** Exactly one owner: none is reported on `townshipCode`, extra ones on each field after the first. */
export function checkExactlyOneOwner(input: OwnerInput, problems: InputProblems): void {
  const given = givenOwnerFields(input);
  if (given.length === 0) {
    problems.add(
      'townshipCode',
      '须指定一个所属：乡镇、部门或企业',
      'give one owner: townshipCode, departmentCode or enterpriseId',
    );
  }
  for (const field of given.slice(1)) {
    problems.add(field, `只能指定一个所属（已指定 ${given[0]}）`, `give only one owner (${given[0]} is given)`);
  }
}

export function checkNotInFuture(date: string | undefined, field: string, problems: InputProblems): void {
  if (!date) return;
  const today = countyToday();
  problems.check(date <= today, field, `日期 ${date} 晚于今天（${today}）`, `${date} is in the future`);
}
