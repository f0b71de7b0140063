import type { EntityManager, QueryOrderMap } from '@mikro-orm/postgresql';
import { InputProblems } from '../../common/errors.js';
import { departmentByCode } from '../../common/lookup.js';
import { type PageArgs, paginate } from '../../common/pagination.js';
import type { Department } from '../department/department.entity.js';
import { TrainingSession } from './training.entity.js';
import { trainingWhere } from './training.filter.js';
import {
  type CreateTrainingSessionInput,
  type TrainingFilter,
  TrainingSessionOrder,
  type UpdateTrainingSessionInput,
} from './training.inputs.js';

const ORDER: Record<TrainingSessionOrder, QueryOrderMap<TrainingSession>> = {
  STARTS_ON_ASC: { startsOn: 'asc' },
  STARTS_ON_DESC: { startsOn: 'desc' },
  TRAINEES_DESC: { trainees: 'desc' },
};

interface SessionFigures {
  startsOn: string;
  endsOn: string;
  trainees: number;
  certified: number;
}

export function checkFigures(s: SessionFigures, problems: InputProblems): void {
  problems.check(
    s.endsOn >= s.startsOn,
    'endsOn',
    `结束日期 ${s.endsOn} 早于开始日期 ${s.startsOn}`,
    `${s.endsOn} is before the first day ${s.startsOn}`,
  );
  problems.check(
    s.certified <= s.trainees,
    'certified',
    `发证人数（${s.certified}）不能多于参训人数（${s.trainees}）`,
    `certificates (${s.certified}) cannot exceed trainees (${s.trainees})`,
  );
}

export class TrainingService {
  constructor(private readonly em: EntityManager) {}

  page(page: PageArgs, filter?: TrainingFilter, orderBy: TrainingSessionOrder = TrainingSessionOrder.STARTS_ON_DESC) {
    return paginate(this.em, TrainingSession, () => trainingWhere(filter), ORDER[orderBy], page);
  }

  async create(input: CreateTrainingSessionInput): Promise<TrainingSession> {
    const problems = new InputProblems();
    const certified = input.certified ?? 0;
    checkFigures({ ...input, certified }, problems);
    const organizer = input.organizerCode
      ? await departmentByCode(this.em, input.organizerCode, problems, 'organizerCode')
      : null;
    problems.throwIfAny();
    const { organizerCode: _o, ...fields } = input;
    const session = this.em.create(TrainingSession, { ...fields, certified, organizer });
    await this.em.flush();
    return session;
  }

  async update(session: TrainingSession, input: UpdateTrainingSessionInput): Promise<TrainingSession> {
    const problems = new InputProblems();
    const merged = {
      title: input.title ?? session.title,
      kind: input.kind ?? session.kind,
      startsOn: input.startsOn ?? session.startsOn,
      endsOn: input.endsOn ?? session.endsOn,
      trainees: input.trainees ?? session.trainees,
      certified: input.certified ?? session.certified,
    };
    checkFigures(merged, problems);
    let organizer: Department | null | undefined;
    if (input.organizerCode === null) organizer = null;
    else if (input.organizerCode !== undefined)
      organizer = await departmentByCode(this.em, input.organizerCode, problems, 'organizerCode');
    problems.throwIfAny();
    this.em.assign(session, { ...merged, ...(organizer !== undefined ? { organizer } : {}) });
    await this.em.flush();
    return session;
  }
}
