import { checkCreditCode, CREDIT_CODE_PROBLEM_MESSAGES } from '@hub/schema';
import type { EntityManager, QueryOrderMap } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { townshipByCode } from '../../common/lookup.js';
import { TOWNSHIP_SCOPE } from '../../common/township-scope.js';
import { Township } from '../township/township.entity.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { Enterprise } from './enterprise.entity.js';
import { enterpriseWhere } from './enterprise.filter.js';
import {
  type CreateEnterpriseInput,
  type EnterpriseFilter,
  EnterpriseOrder,
  type UpdateEnterpriseInput,
} from './enterprise.inputs.js';

// Only columns that are never null: a keyset cursor cannot hold a null.
const ORDER: Record<EnterpriseOrder, QueryOrderMap<Enterprise>> = {
  NAME_ASC: { name: 'asc' },
  CREDIT_CODE_ASC: { creditCode: 'asc' },
  CREATED_AT_DESC: { createdAt: 'desc' },
};

/** People type codes with spaces and in lower case; the stored form has neither. */
export const normalizeCreditCode = (code: string): string => code.replace(/\s+/g, '').toUpperCase();

export class EnterpriseService {
  constructor(private readonly em: EntityManager) {}

  page(page: PageArgs, filter?: EnterpriseFilter, orderBy: EnterpriseOrder = EnterpriseOrder.NAME_ASC) {
    return paginate(this.em, Enterprise, () => enterpriseWhere(filter), ORDER[orderBy], page);
  }

  /** Checks a credit code's form and check characters, then that no other enterprise has it. */
  private async checkCreditCode(code: string, problems: InputProblems, except?: Enterprise): Promise<void> {
    const problem = checkCreditCode(code);
    if (problem) {
      const { zh, en } = CREDIT_CODE_PROBLEM_MESSAGES[problem];
      problems.add('creditCode', zh, en);
      return;
    }
    // Unscoped: a township-limited caller must hear that another township's enterprise has the code (the
    // unique index would refuse it anyway), but not which enterprise that is.
    const taken = await this.em.findOne(Enterprise, { creditCode: code }, { filters: false });
    if (taken && taken !== except) {
      const scope = this.em.getFilterParams<{ townshipCode: string }>(TOWNSHIP_SCOPE)?.townshipCode;
      const visible =
        !scope || (await this.em.findOne(Township, taken.township.id, { filters: false }))?.code === scope;
      problems.add(
        'creditCode',
        visible
          ? `统一社会信用代码 ${code} 已被 ${taken.name} 使用`
          : `统一社会信用代码 ${code} 已被其他乡镇的企业使用`,
        visible
          ? `credit code ${code} is already used by another enterprise`
          : `credit code ${code} is already used by an enterprise of another township`,
      );
    }
  }

  async create(input: CreateEnterpriseInput): Promise<Enterprise> {
    const problems = new InputProblems();
    const creditCode = normalizeCreditCode(input.creditCode);
    await this.checkCreditCode(creditCode, problems);
    const township = await townshipByCode(this.em, input.townshipCode, problems);
    problems.throwIfAny();
    const { townshipCode: _t, ...fields } = input;
    const enterprise = this.em.create(Enterprise, { ...fields, creditCode, township: township! });
    await this.em.flush();
    return enterprise;
  }

  async update(enterprise: Enterprise, input: UpdateEnterpriseInput): Promise<Enterprise> {
    const problems = new InputProblems();
    const { townshipCode, creditCode: rawCode, ...changes } = input;
    for (const key of ['name', 'sector', 'aboveDesignatedSize', 'standardizationGrade'] as const) {
      problems.check(changes[key] !== null, key, '不能为空', 'cannot be null');
    }
    problems.check(rawCode !== null, 'creditCode', '不能为空', 'cannot be null');
    const creditCode = rawCode != null ? normalizeCreditCode(rawCode) : undefined;
    if (creditCode !== undefined && creditCode !== enterprise.creditCode)
      await this.checkCreditCode(creditCode, problems, enterprise);
    problems.check(townshipCode !== null, 'townshipCode', '不能为空', 'cannot be null');
    const township = townshipCode ? await townshipByCode(this.em, townshipCode, problems) : null;
    problems.throwIfAny();
    this.em.assign(enterprise, {
      ...changes,
      ...(creditCode !== undefined ? { creditCode } : {}),
      ...(township ? { township } : {}),
    });
    await this.em.flush();
    return enterprise;
  }
}
