import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/messages';
import { recordDetail, type DetailNode } from './recordDetail';

const zh = LOCALES['zh-CN'];
const accident: DetailNode = {
  __typename: 'Accident',
  id: 'QWNjaWRlbnQ6MjI2',
  occurredAt: '2014-09-06T11:10:00.000Z',
  sector: 'ROAD_TRAFFIC',
  severity: 'GENERAL',
  deaths: 2,
  missing: 0,
  injuries: 0,
  seriousInjuries: 0,
  directLossCny: 86_000,
  place: 'G325国道新圩镇路段',
  lng: 109.31831,
  lat: 22.26914,
  cause: '驾驶人违法超车',
  summary: '一辆货车与一辆摩托车相撞',
  createdAt: '2014-09-06T12:00:00.000Z',
  updatedAt: '2014-09-07T12:00:00.000Z',
  township: { code: '1', name: '新圩镇' },
  enterprise: null,
  roadTraffic: {
    roadName: 'G325国道',
    roadClass: 'NATIONAL',
    cause: 'ILLEGAL_OVERTAKING',
    vehicleTypes: ['TRUCK', 'MOTORCYCLE'],
    weather: 'CLEAR',
    light: 'DAWN_DUSK',
  },
  investigation: {
    id: 'inv1',
    openedOn: '2014-09-06',
    closedOn: null,
    causeIdentified: true,
    responsibleDealtWith: false,
    peopleEducated: true,
    measuresImplemented: false,
    openPoints: 2,
    peopleHeldAccountable: 0,
  },
};

const valueOf = (view: ReturnType<typeof recordDetail>, section: string, field: string) =>
  view.sections.find((s) => s.key === section)?.fields.find((f) => f.key === field);

describe('recordDetail', () => {
  it('gives an accident all its fields: place, casualties, road details, and the investigation’s four points', () => {
    const view = recordDetail(accident, zh);
    expect(view.kind).toBe('accidents');
    expect(view.subtitle).toBe('2014年9月6日 19:10 · 新圩镇 · 道路交通 · 一般事故');
    expect(view.sections.map((section) => section.title)).toEqual([
      '基本情况',
      '伤亡与损失',
      '道路交通',
      '事故调查（四不放过）',
      '记录信息',
    ]);
    expect(valueOf(view, 'road', 'vehicleTypes')?.value).toBe('货车、摩托车');
    expect(valueOf(view, 'road', 'light')?.value).toBe('黎明/黄昏');
    expect(valueOf(view, 'investigation', 'causeIdentified')).toMatchObject({ value: '✓ 已完成', tag: 'met' });
    expect(valueOf(view, 'investigation', 'responsibleDealtWith')).toMatchObject({ value: '✗ 未完成', tag: 'open' });
    expect(valueOf(view, 'investigation', 'closedOn')).toMatchObject({ value: '未结案', tag: 'open' });
    expect(valueOf(view, 'basic', 'coordinates')?.value).toBe('109.31831, 22.26914');
  });

  it('says so when an accident has no investigation and is not on a road', () => {
    const view = recordDetail({ ...accident, roadTraffic: null, investigation: null, sector: 'FIRE' }, LOCALES.en);
    expect(view.sections.map((section) => section.key)).toEqual(['basic', 'casualties', 'investigation', 'record']);
    expect(valueOf(view, 'investigation', 'investigation')).toMatchObject({ value: 'not investigated', tag: 'open' });
  });

  it('gives a hazard its enterprise and the inspection that found it, each linked', () => {
    const view = recordDetail(
      {
        __typename: 'Hazard',
        id: 'h1',
        description: '液化气储罐区安全距离不足',
        level: 'MAJOR',
        category: 'ELECTRICAL',
        status: 'RECTIFYING',
        foundOn: '2014-12-26',
        deadline: '2015-02-11',
        rectifiedOn: null,
        verifiedOn: null,
        overdue: true,
        investmentCny: 0,
        createdAt: '2014-12-26T00:00:00.000Z',
        updatedAt: '2014-12-26T00:00:00.000Z',
        township: { code: '2', name: '六峰镇' },
        enterprise: {
          id: 'e1',
          name: '六峰顺通液化气站',
          creditCode: '91450700MA5K000000',
          sector: 'HAZARDOUS_CHEMICALS',
          standardizationGrade: 'NONE',
          aboveDesignatedSize: false,
          employees: 12,
          address: null,
        },
        inspection: {
          id: 'i1',
          inspectedOn: '2014-12-26',
          campaign: 'SIX_CRACKDOWNS',
          holidayPeriod: null,
          joint: false,
          penaltyCny: 0,
          hazardsFound: 2,
          notes: null,
          departments: [{ code: 'AJJ', name: '县安全生产监督管理局' }],
        },
      },
      zh,
    );
    expect(view.subtitle).toBe('2014年12月26日 · 六峰顺通液化气站 · 重大隐患 · 整改中');
    expect(valueOf(view, 'hazard', 'overdue')).toMatchObject({ value: '是', tag: 'overdue' });
    expect(valueOf(view, 'enterprise', 'name')?.link).toEqual({ kind: 'hazards', conditions: { enterprise: 'e1' } });
    expect(valueOf(view, 'enterprise', 'grade')?.value).toBe('未达标');
    expect(valueOf(view, 'inspection', 'inspectedOn')?.link).toEqual({ kind: 'inspections', record: 'i1' });
    expect(valueOf(view, 'inspection', 'campaign')?.value).toBe('“六打六治”');
    expect(valueOf(view, 'enterprise', 'address')?.value).toBe('—');
  });

  it('describes a kind of record it does not list by its type only', () => {
    expect(recordDetail({ __typename: 'Township', id: 't' }, zh)).toEqual({
      kind: null,
      title: '记录',
      subtitle: 'Township',
      sections: [],
    });
  });
});
