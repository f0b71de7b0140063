import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, InputProblems } from '../../common/errors.js';
import { CountyYearStatistics } from './county-year-statistics.entity.js';
import type { CreateCountyYearStatisticsInput, UpdateCountyYearStatisticsInput } from './county-statistics.inputs.js';

const duplicate = (year: number) => [`${year} 年已有县情统计`, `there are statistics for ${year} already`] as const;

export class CountyStatisticsService {
  constructor(private readonly em: EntityManager) {}

  list(years?: number[]): Promise<CountyYearStatistics[]> {
    return this.em.find(CountyYearStatistics, years ? { year: { $in: years } } : {}, { orderBy: { year: 'asc' } });
  }

  private async checkYear(year: number, problems: InputProblems, self?: CountyYearStatistics): Promise<void> {
    const taken = await this.em.count(CountyYearStatistics, { year, ...(self ? { id: { $ne: self.id } } : {}) });
    if (taken) problems.add('year', ...duplicate(year));
  }

  /** Flushes, turning a lost race on the unique year into the answer the check gives. */
  private async flush(year: number): Promise<void> {
    try {
      await this.em.flush();
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw new BadUserInputError('year', ...duplicate(year));
      throw e;
    }
  }

  async create(input: CreateCountyYearStatisticsInput): Promise<CountyYearStatistics> {
    const problems = new InputProblems();
    await this.checkYear(input.year, problems);
    problems.throwIfAny();
    const record = this.em.create(CountyYearStatistics, { ...input });
    await this.flush(input.year);
    return record;
  }

  async update(record: CountyYearStatistics, input: UpdateCountyYearStatisticsInput): Promise<CountyYearStatistics> {
    const problems = new InputProblems();
    if (input.year != null && input.year !== record.year) await this.checkYear(input.year, problems, record);
    problems.throwIfAny();
    this.em.assign(record, {
      year: input.year ?? record.year,
      population: input.population ?? record.population,
      motorVehicles: input.motorVehicles ?? record.motorVehicles,
      gdpCny: input.gdpCny ?? record.gdpCny,
    });
    await this.flush(record.year);
    return record;
  }
}
