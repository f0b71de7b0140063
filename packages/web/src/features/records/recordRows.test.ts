import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/messages';
import type { RecordPage } from './hooks/useRecordList';
import { recordRows, recordTable } from './recordRows';

const zh = LOCALES['zh-CN'];
const page = (rest: Omit<RecordPage, 'totalCount' | 'hasNextPage' | 'endCursor'>): RecordPage =>
  ({ totalCount: 1, hasNextPage: false, endCursor: null, ...rest }) as RecordPage;

describe('recordRows', () => {
  it('shows an accident in county time, with its road and cause, and the loss in 万元', () => {
    const rows = recordRows(
      page({
        kind: 'accidents',
        nodes: [
          {
            id: 'a1',
            occurredAt: '2014-09-06T11:10:00.000Z',
            sector: 'ROAD_TRAFFIC',
            severity: 'GENERAL',
            deaths: 2,
            injuries: 0,
            directLossCny: 86_000,
            place: 'G325国道新圩镇路段',
            township: { code: '1', name: '新圩镇' },
            enterprise: null,
            roadTraffic: { roadName: 'G325国道', roadClass: 'NATIONAL', cause: 'ILLEGAL_OVERTAKING' },
          },
        ],
      }),
      zh,
    );
    expect(rows.columns.map((column) => column.label)).toEqual([
      '发生时间',
      '乡镇',
      '行业',
      '事故等级',
      '死亡人数',
      '受伤人数',
      '直接经济损失（万元）',
      '地点',
      '事故原因',
    ]);
    const cells = rows.rows[0]!.cells;
    expect(cells.occurredAt!.text).toBe('2014年9月6日 19:10');
    expect(cells.deaths).toMatchObject({ text: '2', value: 2, tag: 'fatal', numeric: true });
    expect(cells.loss).toMatchObject({ text: '8.6', value: 8.6 });
    expect([cells.place!.text, cells.cause!.text]).toEqual(['G325国道', '违法超车']);
  });

  it('marks an overdue hazard’s deadline and its status in words', () => {
    const rows = recordRows(
      page({
        kind: 'hazards',
        nodes: [
          {
            id: 'h1',
            foundOn: '2014-12-26',
            level: 'MAJOR',
            category: 'ELECTRICAL',
            status: 'FOUND',
            deadline: '2015-02-11',
            rectifiedOn: null,
            overdue: true,
            description: '重大隐患：液化气储罐区与周边建筑安全距离不足',
            township: { code: '2', name: '六峰镇' },
            enterprise: { id: 'e1', name: '六峰顺通液化气站' },
          },
        ],
      }),
      zh,
    );
    const cells = rows.rows[0]!.cells;
    expect(cells.deadline).toMatchObject({ text: '2015年2月11日 · 逾期未整改', value: '2015-02-11', tag: 'overdue' });
    expect(cells.level).toMatchObject({ text: '重大隐患', tag: 'major' });
    expect(cells.status).toMatchObject({ text: '待整改', tag: 'found' });
    expect(recordTable(rows).rows[0]).toMatchObject({
      foundOn: '2014-12-26',
      rectifiedOn: null,
      enterprise: '六峰顺通液化气站',
    });
  });

  it('lists an inspection’s departments and whether it was joint, in English too', () => {
    const rows = recordRows(
      page({
        kind: 'inspections',
        nodes: [
          {
            id: 'i1',
            inspectedOn: '2014-10-01',
            campaign: 'HOLIDAY',
            holidayPeriod: 'NATIONAL_DAY',
            joint: true,
            hazardsFound: 3,
            penaltyCny: 20_000,
            township: { code: '1', name: '城关镇' },
            enterprise: null,
            departments: [
              { code: 'AJJ', name: '县安全生产监督管理局' },
              { code: 'XF', name: '县公安消防大队' },
            ],
          },
        ],
      }),
      LOCALES.en,
    );
    const cells = rows.rows[0]!.cells;
    expect(cells.campaign!.text).toBe('Holiday check（National Day）');
    expect(cells.departments!.text).toBe('县安全生产监督管理局, 县公安消防大队');
    expect(cells.joint).toMatchObject({ text: 'Joint', tag: 'joint' });
    expect(cells.enterprise!.text).toBe('(no enterprise)');
  });

  it('names whom a task is set to and its state', () => {
    const rows = recordRows(
      page({
        kind: 'tasks',
        nodes: [
          {
            id: 't1',
            title: '开展道路交通安全专项整治',
            assignedOn: '2014-03-01',
            dueOn: '2014-06-30',
            completedOn: null,
            status: 'OVERDUE',
            township: { code: '3', name: '白石乡' },
            department: null,
          },
        ],
      }),
      zh,
    );
    expect(rows.rows[0]!.cells.assignee!.text).toBe('白石乡');
    expect(rows.rows[0]!.cells.status).toMatchObject({ text: '逾期未完成', tag: 'task-overdue' });
    expect(rows.rows[0]!.cells.completedOn!.text).toBe('—');
  });
});
