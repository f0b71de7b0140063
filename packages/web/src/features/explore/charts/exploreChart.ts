// The option builders of the Explore page: one explore result (columns, rows of dimension values and measures)
// to an ECharts option and the same figures as a table, for each chart type. Pure, tested without a DOM.
import type { ChartOption, ChartSpec } from '../../../components/chartOption';
import type { Cell, DataTable } from '../../../components/dataTable';
import { formatDecimal } from '../../../i18n/format';
import type { Lang } from '../../../i18n/lang';
import { SECTOR_COLORS, SEQUENTIAL_RAMP } from '../../../theme/palette';
import type { ChartType } from '../exploreOperation';

export interface LocalizedText {
  zh: string;
  en: string;
}
export interface ExploreResultData {
  dimensions: readonly { key: string; label: LocalizedText }[];
  measures: readonly { key: string; label: LocalizedText }[];
  rows: readonly { dimensions: readonly { key: string | null; label: LocalizedText }[]; measures: readonly number[] }[];
  totals: readonly number[];
  truncated: boolean;
}

const text = (lang: Lang, label: LocalizedText) => (lang === 'en' ? label.en : label.zh);
// A categorical palette (Okabe–Ito first): the sectors' colours, which are chosen to stay apart.
const CATEGORICAL = Object.values(SECTOR_COLORS);
const colourOf = (dimension: string | undefined, key: string | null, index: number) =>
  dimension === 'SECTOR' && key && key in SECTOR_COLORS
    ? SECTOR_COLORS[key as keyof typeof SECTOR_COLORS]
    : CATEGORICAL[index % CATEGORICAL.length]!;

/** The result as a table: a column per dimension (its label) and per measure (its value). */
export function exploreTable(result: ExploreResultData, lang: Lang): DataTable {
  const columns = [
    ...result.dimensions.map((d, i) => ({ key: `d${i}`, label: text(lang, d.label) })),
    ...result.measures.map((m, i) => ({ key: `m${i}`, label: text(lang, m.label) })),
  ];
  const rows = result.rows.map((row) => {
    const cells: Record<string, Cell> = {};
    row.dimensions.forEach((d, i) => (cells[`d${i}`] = text(lang, d.label)));
    row.measures.forEach((v, i) => (cells[`m${i}`] = v));
    return cells;
  });
  return { columns, rows };
}

/** Distinct values of one dimension, in row order (`sorted`: by key, numbers as numbers, "not recorded" first). */
function valuesOf(result: ExploreResultData, index: number, sorted = false) {
  const seen = new Map<string, { key: string | null; label: LocalizedText }>();
  for (const row of result.rows) {
    const d = row.dimensions[index];
    if (d && !seen.has(String(d.key))) seen.set(String(d.key), d);
  }
  const values = [...seen.values()];
  if (!sorted) return values;
  const rank = (k: string | null) => (k === null ? -Infinity : /^-?\d+$/.test(k) ? Number(k) : NaN);
  return values.sort((a, b) => {
    const [x, y] = [rank(a.key), rank(b.key)];
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x - y;
    if (a.key === null || b.key === null) return a.key === null ? -1 : 1;
    return a.key.localeCompare(b.key);
  });
}

const format = (lang: Lang, v: number) => (Number.isInteger(v) ? v.toLocaleString(lang) : formatDecimal(lang, v, 2));

/** Five classes from 0 to the largest value, for the map and the heatmap (whole-number bounds for counts). */
function pieces(lang: Lang, values: readonly number[]) {
  const max = Math.max(0, ...values);
  const whole = values.every((v) => Number.isInteger(v));
  const raw = max <= 0 ? 1 : max / SEQUENTIAL_RAMP.length;
  const step = whole ? Math.max(1, Math.ceil(raw)) : raw;
  const bound = (i: number) => format(lang, whole ? step * i : Math.round(step * i * 100) / 100);
  return SEQUENTIAL_RAMP.map((color, i) => ({
    gte: step * i,
    lt: i === SEQUENTIAL_RAMP.length - 1 ? undefined : step * (i + 1),
    color,
    label: i === SEQUENTIAL_RAMP.length - 1 ? `≥ ${bound(i)}` : `${bound(i)}–${bound(i + 1)}`,
  }));
}

export interface ExploreChartContext {
  lang: Lang;
  /** One-sentence summary for screen readers. */
  description: string;
  /** For TOWNSHIP_MAP: the name the county's GeoJSON is registered under. */
  mapName?: string;
}

/** Why a chart type cannot draw this result (null when it can). */
export function chartProblem(result: Pick<ExploreResultData, 'dimensions'>, type: ChartType): string | null {
  const dims = result.dimensions.map((d) => d.key);
  if (type === 'TABLE') return null;
  if (type === 'TOWNSHIP_MAP') return dims.includes('TOWNSHIP') ? null : 'needsTownship';
  if (type === 'HEATMAP') return dims.length >= 2 ? null : 'needsTwoDimensions';
  if (type === 'PIE') return dims.length >= 1 ? null : 'needsOneDimension';
  return dims.length >= 1 ? null : 'needsOneDimension';
}

/** The chart and its table; the table alone for TABLE or a chart the result cannot fill. */
export function exploreChart(result: ExploreResultData, type: ChartType, ctx: ExploreChartContext): ChartSpec | null {
  if (type === 'TABLE' || chartProblem(result, type)) return null;
  const { lang } = ctx;
  const table = exploreTable(result, lang);
  const aria = { enabled: true, label: { description: ctx.description } };
  const measureName = (i: number) => text(lang, result.measures[i]!.label);
  const tooltipValue = (v: unknown) => (typeof v === 'number' ? format(lang, v) : String(v ?? ''));

  if (type === 'PIE') {
    const data = result.rows.map((row) => ({
      id: row.dimensions[0]!.key ?? '',
      name: text(lang, row.dimensions[0]!.label),
      value: row.measures[0] ?? 0,
    }));
    const option: ChartOption = {
      aria,
      tooltip: { trigger: 'item', valueFormatter: tooltipValue },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          name: measureName(0),
          radius: ['35%', '70%'],
          data: data.map((d, i) => ({ ...d, itemStyle: { color: colourOf(result.dimensions[0]?.key, d.id, i) } })),
          label: { formatter: '{b}: {d}%' },
        },
      ],
    };
    return { option, table };
  }

  if (type === 'HEATMAP') {
    const xs = valuesOf(result, 0);
    const ys = valuesOf(result, 1, true);
    const data = result.rows.map((row) => [
      xs.findIndex((x) => x.key === row.dimensions[0]!.key),
      ys.findIndex((y) => y.key === row.dimensions[1]!.key),
      row.measures[0] ?? 0,
    ]);
    const option: ChartOption = {
      aria,
      tooltip: { position: 'top', valueFormatter: tooltipValue },
      grid: { left: 110, right: 20, top: 20, bottom: 90 },
      xAxis: { type: 'category', data: xs.map((x) => text(lang, x.label)), splitArea: { show: true } },
      yAxis: { type: 'category', data: ys.map((y) => text(lang, y.label)), splitArea: { show: true } },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        pieces: pieces(
          lang,
          data.map((d) => d[2]!),
        ),
      },
      series: [{ type: 'heatmap', name: measureName(0), data, label: { show: data.length <= 120 } }],
    };
    return { option, table };
  }

  if (type === 'TOWNSHIP_MAP') {
    const t = result.dimensions.findIndex((d) => d.key === 'TOWNSHIP');
    const sums = new Map<string, { name: string; value: number }>();
    for (const row of result.rows) {
      const d = row.dimensions[t]!;
      if (!d.key) continue;
      const prev = sums.get(d.key) ?? { name: text(lang, d.label), value: 0 };
      prev.value += row.measures[0] ?? 0;
      sums.set(d.key, prev);
    }
    const option: ChartOption = {
      aria,
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const item = p as { data?: { label?: string; value?: number } };
          return `${item.data?.label ?? ''}: ${tooltipValue(item.data?.value)}`;
        },
      },
      visualMap: {
        type: 'piecewise',
        left: 0,
        bottom: 0,
        pieces: pieces(
          lang,
          [...sums.values()].map((s) => s.value),
        ),
      },
      series: [
        {
          type: 'map',
          map: ctx.mapName ?? 'county',
          name: measureName(0),
          roam: false,
          label: { show: true, formatter: (p: { data?: { label?: string } }) => p.data?.label ?? '' },
          data: [...sums.entries()].map(([code, s]) => ({ name: code, value: s.value, label: s.name, id: code })),
        } as never,
      ],
    };
    return { option, table };
  }

  // LINE and STACKED_BAR: the first dimension on the axis; series by the second dimension (first measure),
  // or else one series per measure.
  const xs = valuesOf(result, 0);
  const xIndex = new Map(xs.map((x, i) => [String(x.key), i]));
  let series: { id: string; name: string; color: string; data: (number | null)[] }[];
  if (result.dimensions.length >= 2) {
    series = valuesOf(result, 1, true).map((s, i) => ({
      id: String(s.key),
      name: text(lang, s.label),
      color: colourOf(result.dimensions[1]!.key, s.key, i),
      data: xs.map(() => null as number | null),
    }));
    const sIndex = new Map(series.map((s, i) => [s.id, i]));
    for (const row of result.rows) {
      const target = series[sIndex.get(String(row.dimensions[1]!.key))!]!;
      const at = xIndex.get(String(row.dimensions[0]!.key))!;
      target.data[at] = (target.data[at] ?? 0) + (row.measures[0] ?? 0);
    }
  } else {
    series = result.measures.map((m, i) => ({
      id: m.key,
      name: text(lang, m.label),
      color: colourOf(undefined, null, i),
      data: xs.map(() => null as number | null),
    }));
    for (const row of result.rows) {
      const at = xIndex.get(String(row.dimensions[0]!.key))!;
      row.measures.forEach((v, i) => (series[i]!.data[at] = v));
    }
  }
  const bar = type === 'STACKED_BAR';
  const option: ChartOption = {
    aria,
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: xs.map((x) => text(lang, x.label)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value' },
    series: series.map((s) =>
      bar
        ? { type: 'bar' as const, id: s.id, name: s.name, stack: 'total', itemStyle: { color: s.color }, data: s.data }
        : {
            type: 'line' as const,
            id: s.id,
            name: s.name,
            itemStyle: { color: s.color },
            lineStyle: { color: s.color },
            data: s.data,
          },
    ),
  };
  return { option, table };
}
