import type { MapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { ChartOption, ChartSpec } from '../../../components/chartOption';
import { escapeHtml, paramOf } from '../../../components/chartText';
import type { Sector, Severity } from '../../../graphql/generated/graphql';
import { formatCount, formatDate, formatDecimal, formatMonth, monthAxisLabels } from '../../../i18n/format';
import type { Locale, MapMetric } from '../../../i18n/messages';
import { POINT_COLOR, SEQUENTIAL_RAMP } from '../../../theme/palette';
import { colourClasses, metricValue, MONTHLY_METRICS, type TownshipFigures } from './townshipFigures';

export interface MapPoint {
  id: string;
  lng: number;
  lat: number;
  /** County date YYYY-MM-DD. */
  date: string;
  sector: Sector;
  severity: Severity;
  deaths: number;
  injuries: number;
}

export interface TownshipMapInput {
  /** Name the county's GeoJSON is registered under (see countyGeoJson). */
  mapName: string;
  figures: readonly TownshipFigures[];
  metric: MapMetric;
  /** The months of the period, "YYYY-MM": the time slider's steps after the whole period. */
  months: readonly string[];
  points: readonly MapPoint[];
  /** Township code outlined as chosen. */
  selected: string | null;
  periodText: string;
}

const SELECTED_BORDER = '#0072B2';

export function formatMetric(lang: Locale['lang'], metric: MapMetric, value: number | null, noValue: string): string {
  if (value === null) return noValue;
  return metric === 'accidentsPer10k' ? formatDecimal(lang, value, 2) : formatCount(lang, value);
}

/**
 * The townships as a choropleth of one metric, with accident points on top. Metrics counted per month get
 * a time slider (ECharts timeline): the whole period first, then month by month.
 */
export function townshipMapChart(input: TownshipMapInput, locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.trendMap;
  const { metric, figures } = input;
  const monthly = MONTHLY_METRICS.has(metric);
  const frames: (string | null)[] = monthly ? [null, ...input.months] : [null];
  const format = (value: number | null) => formatMetric(lang, metric, value, text.noValue);
  const nameOf = new Map(figures.map((township) => [township.code, township.name]));

  const values = frames.map((month) => figures.map((township) => metricValue(township, metric, month)));
  // Two colour scales: one for the whole period, one shared by every month (so months compare with each
  // other while the slider plays, and a month is not washed out by the year's totals).
  const piecesFor = (frameValues: readonly (number | null)[][]) =>
    colourClasses(
      Math.max(0, ...frameValues.flat().map((value) => value ?? 0)),
      metric !== 'accidentsPer10k',
      SEQUENTIAL_RAMP,
      (value) => format(value),
    ).map((piece) =>
      piece.above === null
        ? { value: 0, color: piece.color, label: piece.label }
        : { gt: piece.above, lte: piece.upTo, color: piece.color, label: piece.label },
    );
  const periodPieces = piecesFor(values.slice(0, 1));
  const monthPieces = monthly ? piecesFor(values.slice(1)) : periodPieces;

  const mapData = (frameValues: readonly (number | null)[]) =>
    figures.map((township, index) => ({ name: township.code, value: frameValues[index] ?? undefined }));
  const pointData = (month: string | null) =>
    input.points
      .filter((point) => month === null || point.date.startsWith(month))
      .map((point) => ({
        name: point.id,
        value: [point.lng, point.lat, point.deaths],
        tooltipText: [
          formatDate(lang, point.date),
          `${m.sectors[point.sector]} · ${m.severities[point.severity]}`,
          `${m.columns.deaths} ${formatCount(lang, point.deaths)} · ${m.columns.injuries} ${formatCount(lang, point.injuries)}`,
        ].join('\n'),
      }));

  const mapSeries: MapSeriesOption = {
    type: 'map',
    id: 'townships',
    name: text.metrics[metric],
    geoIndex: 0,
    tooltip: {
      formatter: (params: unknown) => {
        const code = String(paramOf(params, 'name') ?? '');
        const value = paramOf(params, 'value');
        return `${escapeHtml(nameOf.get(code) ?? code)}<br/>${escapeHtml(text.metrics[metric])}: ${escapeHtml(
          format(typeof value === 'number' && Number.isFinite(value) ? value : null),
        )}`;
      },
    },
  };
  const pointSeries: ScatterSeriesOption = {
    type: 'scatter',
    id: 'points',
    name: text.points,
    coordinateSystem: 'geo',
    // Fatal accidents a little larger; the shape (a ring) keeps points apart from the area colours.
    symbolSize: (value: number[]) => ((value[2] ?? 0) > 0 ? 9 : 6),
    itemStyle: { color: POINT_COLOR, borderColor: '#FFFFFF', borderWidth: 1, opacity: 0.85 },
    tooltip: {
      formatter: (params: unknown) => {
        const data = paramOf(params, 'data');
        return escapeHtml(String(paramOf(data, 'tooltipText') ?? '')).replace(/\n/g, '<br/>');
      },
    },
    zlevel: 1,
  };

  const top = [...figures]
    .map((township) => ({ township, value: metricValue(township, metric) }))
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1))[0];
  const summary = text.summary(text.metrics[metric], top?.township.name ?? '', format(top?.value ?? null));

  const frameLabels = [text.wholePeriod, ...(monthly ? monthAxisLabels(lang, m.months, input.months) : [])];
  const baseOption: ChartOption = {
    aria: { label: { description: summary } },
    tooltip: { trigger: 'item', confine: true },
    // On the canvas, so an exported image still says the shapes are illustrative.
    graphic: [
      {
        type: 'text',
        right: 12,
        top: 8,
        style: { text: text.illustrative, fill: '#B45309', fontSize: 12, fontWeight: 'bold' },
      },
    ],
    geo: {
      map: input.mapName,
      roam: false,
      // Room above for the "illustrative" label.
      top: 30,
      bottom: monthly ? 72 : 8,
      left: 8,
      right: 8,
      // Dark names with a light halo: legible on every class of the ramp, which is the same in both modes.
      label: {
        show: true,
        formatter: (params: unknown) => nameOf.get(String(paramOf(params, 'name'))) ?? '',
        fontSize: 11,
        color: '#1E293B',
        textBorderColor: 'rgba(255, 255, 255, 0.85)',
        textBorderWidth: 2,
      },
      emphasis: { label: { show: true }, itemStyle: { borderWidth: 2 } },
      select: { disabled: true },
      // The chosen township: a thick blue outline (the map series draws through geo, so geo styles it).
      regions: input.selected
        ? [{ name: input.selected, itemStyle: { borderColor: SELECTED_BORDER, borderWidth: 3 } }]
        : [],
    },
    visualMap: {
      type: 'piecewise',
      seriesIndex: 0,
      left: 8,
      bottom: monthly ? 76 : 8,
      orient: 'vertical',
      itemWidth: 14,
      itemHeight: 10,
      pieces: periodPieces,
      outOfRange: { color: '#D9D9D9' },
    },
    series: [mapSeries, pointSeries],
  };

  const option: ChartOption = monthly
    ? {
        baseOption: {
          ...baseOption,
          timeline: {
            axisType: 'category',
            data: frameLabels,
            autoPlay: false,
            playInterval: 1600,
            loop: true,
            left: 40,
            right: 40,
            bottom: 8,
            label: { interval: 0 },
          },
        },
        options: frames.map((month, index) => ({
          visualMap: { pieces: month === null ? periodPieces : monthPieces },
          series: [{ data: mapData(values[index]!) }, { data: pointData(month) }],
        })),
      }
    : {
        ...baseOption,
        series: [
          { ...mapSeries, data: mapData(values[0]!) },
          { ...pointSeries, data: pointData(null) },
        ],
      };

  return {
    option,
    table: {
      columns: [
        { key: 'township', label: m.columns.township },
        { key: 'population', label: m.columns.population },
        { key: 'total', label: text.valueOver(text.metrics[metric], input.periodText) },
        ...(monthly ? input.months.map((month) => ({ key: month, label: formatMonth(lang, month) })) : []),
      ],
      rows: figures.map((township, index) => ({
        township: township.name,
        population: township.population,
        total: roundFor(metric, values[0]![index] ?? null),
        ...Object.fromEntries(
          monthly
            ? input.months.map((month, monthIndex) => [month, roundFor(metric, values[monthIndex + 1]![index] ?? null)])
            : [],
        ),
      })),
    },
  };
}

function roundFor(metric: MapMetric, value: number | null): number | null {
  return value === null ? null : metric === 'accidentsPer10k' ? Number(value.toFixed(3)) : value;
}
