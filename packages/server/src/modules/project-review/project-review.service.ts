import { countyToday } from '@hub/schema';
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { entityByGlobalId } from '../../common/lookup.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import { Enterprise } from '../enterprise/enterprise.entity.js';
import { globalKeys } from '../hazard/hazard.filter.js';
import { ProjectReview } from './project-review.entity.js';
import {
  type CreateProjectReviewInput,
  type ProjectReviewFilter,
  ProjectReviewOrder,
  ProjectReviewStage,
  type UpdateProjectReviewInput,
} from './project-review.inputs.js';

// Only columns that are never null: a keyset cursor cannot hold a null.
const ORDER: Record<ProjectReviewOrder, QueryOrderMap<ProjectReview>> = {
  PROJECT_NAME_ASC: { projectName: 'asc' },
  CREATED_AT_DESC: { createdAt: 'desc' },
};

type StageDates = Pick<ProjectReview, 'designReviewedOn' | 'constructionAcceptedOn' | 'commissionedOn'>;

/** The stages in order, with the date that marks each and its name for messages. */
const STAGES = [
  { field: 'designReviewedOn', zh: '设计审查', en: 'design review' },
  { field: 'constructionAcceptedOn', zh: '施工验收', en: 'construction acceptance' },
  { field: 'commissionedOn', zh: '投入使用', en: 'commissioning' },
] as const;

export function stageOf(r: StageDates): ProjectReviewStage {
  if (r.commissionedOn) return ProjectReviewStage.COMMISSIONED;
  if (r.constructionAcceptedOn) return ProjectReviewStage.CONSTRUCTION_ACCEPTED;
  if (r.designReviewedOn) return ProjectReviewStage.DESIGN_REVIEWED;
  return ProjectReviewStage.PENDING;
}

const STAGE_WHERE: Record<ProjectReviewStage, FilterQuery<ProjectReview>> = {
  COMMISSIONED: { commissionedOn: { $ne: null } },
  CONSTRUCTION_ACCEPTED: { commissionedOn: null, constructionAcceptedOn: { $ne: null } },
  DESIGN_REVIEWED: { commissionedOn: null, constructionAcceptedOn: null, designReviewedOn: { $ne: null } },
  PENDING: { commissionedOn: null, constructionAcceptedOn: null, designReviewedOn: null },
};

export function projectReviewWhere(filter: ProjectReviewFilter = {}): FilterQuery<ProjectReview> {
  const and: FilterQuery<ProjectReview>[] = [];
  if (filter.enterpriseIds)
    and.push({ enterprise: { $in: globalKeys(filter.enterpriseIds, 'Enterprise', 'filter.enterpriseIds') } });
  if (filter.enterpriseCreditCodes) and.push({ enterprise: { creditCode: { $in: filter.enterpriseCreditCodes } } });
  if (filter.townshipCodes) and.push({ enterprise: { township: { code: { $in: filter.townshipCodes } } } });
  // An empty list of stages matches nothing, as an empty list does in the other filters.
  if (filter.stages)
    and.push(
      filter.stages.length ? { $or: [...new Set(filter.stages)].map((s) => STAGE_WHERE[s]) } : { id: { $in: [] } },
    );
  return and.length ? { $and: and } : {};
}

/** Stage dates in order, each stage after the one before it, none in the future. */
function checkStages(r: StageDates, problems: InputProblems, today = countyToday()): void {
  let previous: (typeof STAGES)[number] | undefined;
  for (const stage of STAGES) {
    const date = r[stage.field];
    if (date) {
      problems.check(
        date <= today,
        stage.field,
        `${stage.zh}日期 ${date} 晚于今天（${today}）`,
        `${date} is in the future (today is ${today})`,
      );
      if (previous) {
        const before = r[previous.field];
        if (!before) {
          problems.add(
            stage.field,
            `须先有${previous.zh}日期`,
            `needs the ${previous.en} date (${previous.field}) first`,
          );
        } else {
          problems.check(
            date >= before,
            stage.field,
            `${stage.zh}日期 ${date} 早于${previous.zh}日期 ${before}`,
            `${date} is before the ${previous.en} date ${before}`,
          );
        }
      }
    }
    previous = stage;
  }
}

export class ProjectReviewService {
  constructor(private readonly em: EntityManager) {}

  page(page: PageArgs, filter?: ProjectReviewFilter, orderBy: ProjectReviewOrder = ProjectReviewOrder.CREATED_AT_DESC) {
    return paginate(this.em, ProjectReview, () => projectReviewWhere(filter), ORDER[orderBy], page);
  }

  async create(input: CreateProjectReviewInput): Promise<ProjectReview> {
    const problems = new InputProblems();
    const dates: StageDates = {
      designReviewedOn: input.designReviewedOn ?? null,
      constructionAcceptedOn: input.constructionAcceptedOn ?? null,
      commissionedOn: input.commissionedOn ?? null,
    };
    checkStages(dates, problems);
    const enterprise = await entityByGlobalId(this.em, Enterprise, input.enterpriseId, problems, 'enterpriseId');
    problems.throwIfAny();
    const review = this.em.create(ProjectReview, { projectName: input.projectName, enterprise: enterprise!, ...dates });
    await this.em.flush();
    return review;
  }

  async update(review: ProjectReview, input: UpdateProjectReviewInput): Promise<ProjectReview> {
    const problems = new InputProblems();
    problems.check(input.projectName !== null, 'projectName', '不能为空', 'cannot be null');
    problems.check(input.enterpriseId !== null, 'enterpriseId', '不能为空', 'cannot be null');
    const pick = <K extends keyof StageDates>(k: K) => (input[k] !== undefined ? input[k] : review[k]) ?? null;
    const dates: StageDates = {
      designReviewedOn: pick('designReviewedOn'),
      constructionAcceptedOn: pick('constructionAcceptedOn'),
      commissionedOn: pick('commissionedOn'),
    };
    checkStages(dates, problems);
    const enterprise = input.enterpriseId
      ? await entityByGlobalId(this.em, Enterprise, input.enterpriseId, problems, 'enterpriseId')
      : null;
    problems.throwIfAny();
    this.em.assign(review, {
      ...(input.projectName != null ? { projectName: input.projectName } : {}),
      ...(enterprise ? { enterprise } : {}),
      ...dates,
    });
    await this.em.flush();
    return review;
  }
}
