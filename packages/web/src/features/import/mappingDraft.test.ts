import { describe, expect, it } from 'vitest';
import {
  autoMatch,
  definitionOf,
  draftOf,
  missingRequired,
  sameDraft,
  untranslatedValues,
  type ImportField,
} from './mappingDraft';

const field = (name: string, header: string, extra: Partial<ImportField> = {}): ImportField => ({
  name,
  header,
  required: false,
  type: 'string',
  example: '',
  hintZh: null,
  hintEn: null,
  allowedLabels: [],
  ...extra,
});

const FIELDS: ImportField[] = [
  field('occurredAt', '发生时间', { required: true, type: 'datetime' }),
  field('townshipCode', '乡镇', { required: true }),
  field('sector', '行业领域', {
    required: true,
    type: 'enum',
    allowedLabels: [
      { value: 'ROAD_TRAFFIC', labelZh: '道路交通', labelEn: 'Road traffic' },
      { value: 'FIRE', labelZh: '火灾', labelEn: 'Fire' },
    ],
  }),
  field('deaths', '死亡人数', { required: true, type: 'int' }),
];

describe('autoMatch', () => {
  it('finds template headers in Chinese or English, ignoring case and spaces', () => {
    const draft = autoMatch(FIELDS, [' 发生时间 ', 'SECTOR', '备注']);
    expect(draft.occurredAt?.column).toBe(' 发生时间 ');
    expect(draft.sector?.column).toBe('SECTOR');
    expect(draft.townshipCode?.column).toBeNull();
    expect(missingRequired(FIELDS, draft).map((f) => f.name)).toEqual(['townshipCode', 'deaths']);
  });
});

describe('definitionOf and draftOf', () => {
  it('round-trips columns and value translations', () => {
    const header = ['日期', '镇', '类别', '伤亡'];
    const draft = {
      ...autoMatch(FIELDS, header),
      occurredAt: { column: '日期', translations: [] },
      townshipCode: { column: '镇', translations: [{ from: '01', to: '450799100000' }] },
      sector: {
        column: '类别',
        translations: [
          { from: '交通', to: 'ROAD_TRAFFIC' },
          { from: '', to: 'FIRE' },
        ],
      },
    };
    const definition = definitionOf(draft);
    expect(definition).toEqual({
      fields: {
        occurredAt: '日期',
        townshipCode: { column: '镇', values: { '01': '450799100000' } },
        sector: { column: '类别', values: { 交通: 'ROAD_TRAFFIC' } },
      },
    });
    const back = draftOf(definition, FIELDS, header);
    expect(back.townshipCode).toEqual({ column: '镇', translations: [{ from: '01', to: '450799100000' }] });
    expect(back.deaths?.column).toBeNull();
    expect(sameDraft(back, draft)).toBe(true);
    expect(sameDraft(back, { ...draft, deaths: { column: '伤亡', translations: [] } })).toBe(false);
  });

  it("keeps what the page does not edit of a saved mapping (source, date order, constants, 'otherwise')", () => {
    const saved = {
      source: 'HK',
      dateOrder: 'DMY',
      fields: {
        sector: { value: 'ROAD_TRAFFIC' },
        deaths: { column: 'Severity', values: { Fatal: 1 }, otherwise: 0 },
      },
    };
    const draft = draftOf(saved, FIELDS, ['Severity', 'Date']);
    expect(draft.deaths).toEqual({ column: 'Severity', translations: [{ from: 'Fatal', to: '1' }] });
    expect(definitionOf(draft, saved)).toEqual({
      source: 'HK',
      dateOrder: 'DMY',
      fields: {
        sector: { value: 'ROAD_TRAFFIC' },
        deaths: { column: 'Severity', values: { Fatal: '1' }, otherwise: 0 },
      },
    });
  });
});

describe('untranslatedValues', () => {
  it('lists the preview values of an enum column that would not be understood', () => {
    const header = ['类别'];
    const rows = [['交通'], ['火灾'], ['fire'], ['ROAD_TRAFFIC'], ['交通'], [''], ['矿山']];
    const sector = FIELDS[2]!;
    expect(untranslatedValues(sector, { column: '类别', translations: [] }, header, rows)).toEqual(['交通', '矿山']);
    expect(
      untranslatedValues(
        sector,
        { column: '类别', translations: [{ from: '交通', to: 'ROAD_TRAFFIC' }] },
        header,
        rows,
      ),
    ).toEqual(['矿山']);
    expect(untranslatedValues(FIELDS[3]!, { column: '类别', translations: [] }, header, rows)).toEqual([]);
  });
});
