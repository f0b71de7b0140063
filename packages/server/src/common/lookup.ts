// Resolving the natural keys that inputs use (township code, department code, global ids) to entities,
// recording a clear problem for each one that does not exist.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import { Department } from '../modules/department/department.entity.js';
import { Township } from '../modules/township/township.entity.js';
import type { InputProblems } from './errors.js';
import { fromGlobalId } from './global-id.js';
import { townshipScopeOf } from './township-scope.js';

export async function townshipByCode(em: EntityManager, code: string, problems: InputProblems, field = 'townshipCode') {
  const own = townshipScopeOf(em);
  if (own && code !== own) {
    problems.add(field, `只能填写本乡镇的代码 ${own}`, `may only be your own township's code ${own}`);
    return null;
  }
  const township = await em.findOne(Township, { code });
  if (!township) problems.add(field, `没有代码为 ${code} 的乡镇`, `no township has code ${code}`);
  return township;
}

export async function departmentByCode(
  em: EntityManager,
  code: string,
  problems: InputProblems,
  field = 'departmentCode',
) {
  const department = await em.findOne(Department, { code });
  if (!department) problems.add(field, `没有代码为 ${code} 的部门`, `no department has code ${code}`);
  return department;
}

export async function departmentsByCodes(
  em: EntityManager,
  codes: string[],
  problems: InputProblems,
  field = 'departmentCodes',
) {
  const found = await em.find(Department, { code: { $in: codes } });
  const missing = codes.filter((c) => !found.some((d) => d.code === c));
  if (missing.length)
    problems.add(field, `没有这些代码的部门：${missing.join('、')}`, `no department has code ${missing.join(', ')}`);
  return found;
}

/** The entity a global id points to, when it is of the expected type and exists. */
export async function entityByGlobalId<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  id: string,
  problems: InputProblems,
  field: string,
): Promise<T | null> {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.type !== entity.name) {
    problems.add(field, `不是有效的${entity.name} ID`, `is not a valid ${entity.name} id`);
    return null;
  }
  const found = await em.findOne(entity, { id: decoded.key } as never);
  if (!found) problems.add(field, `找不到 ${entity.name} ${id}`, `${entity.name} ${id} does not exist`);
  return found as T | null;
}
