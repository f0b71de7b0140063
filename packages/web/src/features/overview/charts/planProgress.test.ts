import { describe, expect, it } from 'vitest';
import type { PlanItemFieldsFragment } from '../../../graphql/generated/graphql';
import { LOCALES } from '../../../i18n/messages';
import { planItemView, planProgressTable } from './planProgress';

const training: PlanItemFieldsFragment = {
  id: 'w4',
  year: 2015,
  number: 4,
  title: '强化安全生产持证上岗培训教育',
  measure: 'TRAINING_SESSIONS',
  target: '培训班（期） ≥ 2',
  targetValue: 2,
  actual: 1,
  progress: 0.5,
};
const investigations: PlanItemFieldsFragment = {
  id: 'w8',
  year: 2015,
  number: 8,
  title: '严肃查处事故，严格责任追究',
  measure: 'INVESTIGATIONS_CLOSED_SHARE',
  target: '事故调查结案率 ≥ 100%',
  targetValue: 1,
  actual: 0.75,
  progress: 1.2,
};

describe('planItemView', () => {
  it('shows the server’s Chinese title and target in Chinese', () => {
    expect(planItemView(training, LOCALES['zh-CN'])).toEqual({
      id: 'w4',
      number: 4,
      name: '强化安全生产持证上岗培训教育',
      originalTitle: null,
      target: '培训班（期） ≥ 2',
      actual: '1',
      progress: 0.5,
      progressText: '50%',
    });
  });

  it('names the measure in English, keeps the Chinese title beside it, and writes shares as percentages', () => {
    expect(planItemView(investigations, LOCALES.en)).toMatchObject({
      name: 'Share of accident investigations closed',
      originalTitle: '严肃查处事故，严格责任追究',
      target: 'Share of accident investigations closed ≥ 100%',
      actual: '75%',
      // Over-achievement is shown as done, not beyond the bar.
      progress: 1,
      progressText: '100%',
    });
  });
});

describe('planProgressTable', () => {
  it('lists every item of every plan shown', () => {
    const table = planProgressTable([{ year: 2015, items: [training, investigations] }], LOCALES['zh-CN']);
    expect(table.columns.map((c) => c.label)).toEqual(['计划年度', '计划事项', '目标', '实际', '进度']);
    expect(table.rows[0]).toEqual({
      plan: 2015,
      item: '4. 强化安全生产持证上岗培训教育',
      target: '培训班（期） ≥ 2',
      actual: '1',
      progress: 0.5,
    });
    expect(table.rows[1]?.progress).toBe(1);
  });
});
