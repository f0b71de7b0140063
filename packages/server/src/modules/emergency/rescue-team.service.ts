import { RescueTeamLevel } from '@hub/schema';
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { type OwnerInput, resolveOwners } from './emergency.checks.js';
import { RescueTeam } from './rescue-team.entity.js';
import {
  type CreateRescueTeamInput,
  type RescueTeamFilter,
  RescueTeamOrder,
  type UpdateRescueTeamInput,
} from './rescue-team.inputs.js';

const ORDER: Record<RescueTeamOrder, QueryOrderMap<RescueTeam>> = {
  NAME_ASC: { name: 'asc' },
  MEMBERS_DESC: { members: 'desc' },
};

export function rescueTeamWhere(filter: RescueTeamFilter = {}): FilterQuery<RescueTeam> {
  const where: Record<string, unknown> = {};
  if (filter.levels) where.level = { $in: filter.levels };
  if (filter.townshipCodes) where.township = { code: { $in: filter.townshipCodes } };
  return where as FilterQuery<RescueTeam>;
}

type OwnerField = keyof OwnerInput;
// Which owner each level requires, and which it allows.
const RULES: Record<RescueTeamLevel, { required?: OwnerField; allowed: OwnerField[] }> = {
  TOWNSHIP: { required: 'townshipCode', allowed: ['townshipCode'] },
  DEPARTMENT: { required: 'departmentCode', allowed: ['departmentCode'] },
  ENTERPRISE: { required: 'enterpriseId', allowed: ['enterpriseId'] },
  COUNTY: { allowed: ['departmentCode'] },
};

/** The owner goes with the level; `has` tells which owners the team will have. */
function checkOwnerForLevel(level: RescueTeamLevel, has: Record<OwnerField, boolean>, problems: InputProblems): void {
  const rule = RULES[level];
  if (rule.required) {
    problems.check(
      has[rule.required],
      rule.required,
      `${level} 级队伍须填写 ${rule.required}`,
      `is required for a ${level} team`,
    );
  }
  for (const field of Object.keys(has) as OwnerField[]) {
    if (has[field] && !rule.allowed.includes(field)) {
      problems.add(field, `${level} 级队伍不能填写 ${field}`, `does not apply to a ${level} team`);
    }
  }
}

export class RescueTeamService {
  constructor(private readonly em: EntityManager) {}

  page(page: PageArgs, filter?: RescueTeamFilter, orderBy: RescueTeamOrder = RescueTeamOrder.NAME_ASC) {
    return paginate(this.em, RescueTeam, () => rescueTeamWhere(filter), ORDER[orderBy], page);
  }

  async create(input: CreateRescueTeamInput): Promise<RescueTeam> {
    const problems = new InputProblems();
    checkOwnerForLevel(
      input.level,
      {
        townshipCode: input.townshipCode != null,
        departmentCode: input.departmentCode != null,
        enterpriseId: input.enterpriseId != null,
      },
      problems,
    );
    const owners = await resolveOwners(this.em, input, problems);
    problems.throwIfAny();
    const team = this.em.create(RescueTeam, {
      name: input.name,
      level: input.level,
      members: input.members,
      establishedYear: input.establishedYear ?? null,
      township: owners.township ?? null,
      department: owners.department ?? null,
      enterprise: owners.enterprise ?? null,
    });
    await this.em.flush();
    return team;
  }

  async update(team: RescueTeam, input: UpdateRescueTeamInput): Promise<RescueTeam> {
    const problems = new InputProblems();
    const level = input.level ?? team.level;
    // A new level takes its owner from this input alone; otherwise an owner left out stays, and null removes it.
    const fresh = level !== team.level;
    const has = (given: unknown, current: unknown) => (given !== undefined ? given != null : !fresh && current != null);
    checkOwnerForLevel(
      level,
      {
        townshipCode: has(input.townshipCode, team.township),
        departmentCode: has(input.departmentCode, team.department),
        enterpriseId: has(input.enterpriseId, team.enterprise),
      },
      problems,
    );
    const owners = await resolveOwners(this.em, input, problems);
    problems.throwIfAny();
    const kept = <T>(given: T | null | undefined, current: T | null | undefined): T | null =>
      given !== undefined ? given : fresh ? null : (current ?? null);
    this.em.assign(team, {
      name: input.name ?? team.name,
      level,
      members: input.members ?? team.members,
      establishedYear: input.establishedYear !== undefined ? input.establishedYear : team.establishedYear,
      township: kept(owners.township, team.township?.unwrap()),
      department: kept(owners.department, team.department?.unwrap()),
      enterprise: kept(owners.enterprise, team.enterprise?.unwrap()),
    });
    await this.em.flush();
    return team;
  }
}
