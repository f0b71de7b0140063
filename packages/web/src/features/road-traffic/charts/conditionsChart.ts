import type { BarSeriesOption } from 'echarts/charts';
import type { ChartSpec } from '../../../components/chartOption';
import { LIGHT_CONDITIONS, WEATHERS } from '../../../domain/enums';
import type { LightCondition, Weather } from '../../../graphql/generated/graphql';
import { formatCount } from '../../../i18n/format';
import type { Locale } from '../../../i18n/messages';
import { weatherLightKey } from '../../records/drillDown';

export interface ConditionGroup {
  weather: Weather | null;
  light: LightCondition | null;
  accidents: number;
  deaths: number;
}

// From light to dark, so the stack reads in greyscale too; the legend names each.
export const LIGHT_COLORS: Record<LightCondition | 'NONE', string> = {
  DAYLIGHT: '#F0E442',
  DAWN_DUSK: '#E69F00',
  DARK_LIT: '#0072B2',
  DARK_UNLIT: '#1F2937',
  NONE: '#BBBBBB',
};

type LightKey = LightCondition | 'NONE';
type WeatherKey = Weather | 'NONE';

/** Road-traffic accidents by weather (across) and light (stacked): how many happen in the dark or the rain. */
export function conditionsChart(groups: readonly ConditionGroup[], locale: Locale): ChartSpec {
  const { lang, m } = locale;
  const text = m.roadTraffic.conditions;
  const counts = new Map<string, number>();
  for (const group of groups) {
    const key = `${group.weather ?? 'NONE'}|${group.light ?? 'NONE'}`;
    counts.set(key, (counts.get(key) ?? 0) + group.accidents);
  }
  const countOf = (weather: WeatherKey, light: LightKey) => counts.get(`${weather}|${light}`) ?? 0;
  const weatherTotal = (weather: WeatherKey) =>
    [...LIGHT_CONDITIONS, 'NONE' as const].reduce((sum, light) => sum + countOf(weather, light), 0);
  const lightTotal = (light: LightKey) =>
    [...WEATHERS, 'NONE' as const].reduce((sum, weather) => sum + countOf(weather, light), 0);
  const weathers = [...WEATHERS, 'NONE' as const].filter((weather) => weatherTotal(weather) > 0);
  const lights = [...LIGHT_CONDITIONS, 'NONE' as const].filter((light) => lightTotal(light) > 0);
  const weatherName = (weather: WeatherKey) => (weather === 'NONE' ? m.notRecorded : m.weathers[weather]);
  const lightName = (light: LightKey) => (light === 'NONE' ? m.notRecorded : m.lights[light]);

  const total = weathers.reduce((sum, weather) => sum + weatherTotal(weather), 0);
  const dark = lightTotal('DARK_LIT') + lightTotal('DARK_UNLIT');
  const bad = weathers.filter((w) => w !== 'CLEAR' && w !== 'CLOUDY' && w !== 'NONE');
  const badWeather = bad.reduce((sum, weather) => sum + weatherTotal(weather), 0);

  const series: BarSeriesOption[] = lights.map((light) => ({
    type: 'bar',
    id: light,
    name: lightName(light),
    stack: 'light',
    // Segments with both recorded carry their key for the drill-down; "not recorded" cannot be filtered by.
    data: weathers.map((weather) =>
      weather !== 'NONE' && light !== 'NONE'
        ? { id: weatherLightKey(weather, light), value: countOf(weather, light) }
        : { value: countOf(weather, light), cursor: 'default' },
    ),
    itemStyle: { color: LIGHT_COLORS[light], borderColor: '#FFFFFF', borderWidth: 0.5 },
    barMaxWidth: 34,
    cursor: 'pointer',
  }));

  return {
    option: {
      aria: { label: { description: text.summary(total, dark, badWeather) } },
      legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 12 },
      grid: { top: 40, left: 8, right: 12, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        valueFormatter: (value) => formatCount(lang, Number(value)),
      },
      xAxis: {
        type: 'category',
        data: weathers.map(weatherName),
        axisTick: { show: false },
        axisLabel: { interval: 0 },
      },
      yAxis: { type: 'value', minInterval: 1, name: m.overview.trend.axisName, nameTextStyle: { align: 'left' } },
      series,
    },
    table: {
      columns: [
        { key: 'weather', label: m.columns.weather },
        ...lights.map((light) => ({ key: light, label: lightName(light) })),
        { key: 'total', label: m.columns.accidents },
      ],
      rows: weathers.map((weather) => ({
        weather: weatherName(weather),
        ...Object.fromEntries(lights.map((light) => [light, countOf(weather, light)])),
        total: weatherTotal(weather),
      })),
    },
  };
}
