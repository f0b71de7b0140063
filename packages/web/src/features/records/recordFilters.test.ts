import { describe, expect, it } from 'vitest';
import {
  activeConditions,
  NO_CONDITIONS,
  parseRecordFilters,
  recordExportOf,
  recordListVariables,
  writeRecordFilters,
  type RecordFilters,
} from './recordFilters';

const parse = (query: string) => parseRecordFilters(new URLSearchParams(query));
const range = { from: '2014-01-01', to: '2014-12-31' };

describe('parseRecordFilters', () => {
  it('reads the kind and its conditions, lists comma-separated', () => {
    expect(parse('kind=hazards&status=RECTIFIED,VERIFIED&level=MAJOR&overdue=0&enterprise=RW50ZXJwcmlzZTox')).toEqual({
      ...NO_CONDITIONS,
      kind: 'hazards',
      statuses: ['RECTIFIED', 'VERIFIED'],
      levels: ['MAJOR'],
      overdue: false,
      enterprise: 'RW50ZXJwcmlzZTox',
    });
  });

  it('defaults to accidents and ignores unknown kinds, values and malformed ids', () => {
    expect(parse('')).toEqual({ ...NO_CONDITIONS, kind: 'accidents' });
    const odd = parse('kind=rockets&cause=SPEEDING,TELEPORTING&fatal=maybe&enterprise=a<b&department=AJJ,x;y,AJJ');
    expect(odd).toMatchObject({ kind: 'accidents', causes: ['SPEEDING'], fatal: null, enterprise: null });
    expect(odd.departments).toEqual(['AJJ']);
  });
});

describe('writeRecordFilters', () => {
  it('writes the kind’s conditions and keeps other parameters', () => {
    const filters: RecordFilters = { ...NO_CONDITIONS, kind: 'accidents', causes: ['SPEEDING'], fatal: true };
    expect(writeRecordFilters(new URLSearchParams('lang=en&year=2014'), filters).toString()).toBe(
      'lang=en&year=2014&kind=accidents&cause=SPEEDING&fatal=1',
    );
  });

  it('drops the conditions another kind cannot use when the kind changes', () => {
    const previous = new URLSearchParams('kind=hazards&status=FOUND&overdue=1&enterprise=RW50ZXJwcmlzZTox');
    const next = writeRecordFilters(previous, { ...parseRecordFilters(previous), kind: 'inspections' });
    expect(next.toString()).toBe('kind=inspections&enterprise=RW50ZXJwcmlzZTox');
  });

  it('counts only the conditions the kind uses', () => {
    expect(
      activeConditions({ ...NO_CONDITIONS, kind: 'tasks', causes: ['SPEEDING'], taskStatuses: ['OVERDUE'] }),
    ).toEqual(['taskStatuses']);
  });
});

describe('recordListVariables', () => {
  it('asks for a page of the chosen kind with every filter, and skips the other kinds', () => {
    const variables = recordListVariables(
      { from: '2014-09-01', to: '2014-09-30' },
      { township: '450799101000', sector: 'ROAD_TRAFFIC' },
      { ...NO_CONDITIONS, kind: 'accidents', causes: ['SPEEDING'], roadClasses: ['NATIONAL'] },
      null,
    );
    expect(variables).toEqual({
      accidents: {
        from: '2014-09-01',
        to: '2014-09-30',
        townshipCodes: ['450799101000'],
        sectors: ['ROAD_TRAFFIC'],
        trafficCauses: ['SPEEDING'],
        roadClasses: ['NATIONAL'],
      },
      hazards: null,
      inspections: null,
      tasks: null,
      withAccidents: true,
      withHazards: false,
      withInspections: false,
      withTasks: false,
      first: 25,
      after: null,
    });
  });

  it('gives hazards the sector (their enterprise’s field) and inspections none; passes the cursor', () => {
    const global = { township: null, sector: 'FIRE' as const };
    const hazards = recordListVariables(range, global, { ...NO_CONDITIONS, kind: 'hazards', overdue: true }, 'c1');
    expect(hazards.hazards).toEqual({ ...range, sectors: ['FIRE'], overdue: true });
    expect(hazards.after).toBe('c1');
    const inspections = recordListVariables(
      range,
      global,
      { ...NO_CONDITIONS, kind: 'inspections', joint: true },
      null,
    );
    expect(inspections.inspections).toEqual({ ...range, joint: true });
    const tasks = recordListVariables(
      range,
      global,
      { ...NO_CONDITIONS, kind: 'tasks', taskStatuses: ['OVERDUE'] },
      null,
    );
    expect(tasks.tasks).toEqual({ ...range, statuses: ['OVERDUE'] });
  });
});

describe('recordExportOf', () => {
  it('exports the kind on screen under exactly the filter its list asks with', () => {
    const global = { township: '450799101000', sector: 'FIRE' as const };
    for (const kind of ['accidents', 'hazards', 'inspections', 'tasks'] as const) {
      const filters: RecordFilters = {
        ...NO_CONDITIONS,
        kind,
        overdue: true,
        departments: ['AJJ'],
        severities: ['GENERAL'],
      };
      const list = recordListVariables(range, global, filters, 'cursor');
      const exported = recordExportOf(range, global, filters);
      expect(exported.what).toBe(kind);
      expect(exported.filter).toEqual(list[kind]);
    }
  });
});
