// ECharts themes for the page's two looks: the light office layout and the dark wall screen. Option
// builders leave chrome colours (axes, legends, text) to the theme, so every chart follows the mode.
export type ChartMode = 'light' | 'dark';

interface Chrome {
  text: string;
  muted: string;
  axisLine: string;
  splitLine: string;
  background: string;
  tooltipBackground: string;
  tooltipText: string;
  mapArea: string;
  mapBorder: string;
}

const CHROME: Record<ChartMode, Chrome> = {
  light: {
    text: '#1E293B',
    muted: '#475569',
    axisLine: '#CBD5E1',
    splitLine: '#E2E8F0',
    background: '#FFFFFF',
    tooltipBackground: '#FFFFFF',
    tooltipText: '#1E293B',
    mapArea: '#F1F5F9',
    mapBorder: '#64748B',
  },
  dark: {
    text: '#E2E8F0',
    muted: '#A9B6C8',
    axisLine: '#3B4A60',
    splitLine: '#26344A',
    background: '#0E1A2B',
    tooltipBackground: '#15243A',
    tooltipText: '#E2E8F0',
    mapArea: '#1C2B40',
    mapBorder: '#8EA0B8',
  },
};

/** The background a chart is exported with (PNG), matching what the reader sees. */
export function chartBackground(mode: ChartMode): string {
  return CHROME[mode].background;
}

export function chartTheme(mode: ChartMode, fontFamily: string, fontScale = 1): Record<string, unknown> {
  const chrome = CHROME[mode];
  const fontSize = Math.round(12 * fontScale);
  const axis = {
    axisLine: { lineStyle: { color: chrome.axisLine } },
    axisTick: { lineStyle: { color: chrome.axisLine } },
    axisLabel: { color: chrome.muted, fontSize },
    nameTextStyle: { color: chrome.muted, fontSize },
    splitLine: { lineStyle: { color: chrome.splitLine } },
  };
  return {
    backgroundColor: 'transparent',
    textStyle: { fontFamily, color: chrome.text, fontSize },
    legend: { textStyle: { color: chrome.text, fontSize }, pageTextStyle: { color: chrome.muted } },
    tooltip: {
      backgroundColor: chrome.tooltipBackground,
      borderColor: chrome.axisLine,
      textStyle: { color: chrome.tooltipText, fontSize: Math.round(13 * fontScale) },
    },
    categoryAxis: axis,
    valueAxis: axis,
    visualMap: { textStyle: { color: chrome.text, fontSize } },
    timeline: {
      lineStyle: { color: chrome.axisLine },
      label: { color: chrome.muted, fontSize },
      itemStyle: { color: chrome.axisLine },
      controlStyle: { color: chrome.muted, borderColor: chrome.muted },
      checkpointStyle: { color: '#0072B2', borderColor: chrome.background },
    },
    geo: {
      itemStyle: { areaColor: chrome.mapArea, borderColor: chrome.mapBorder },
      label: { color: chrome.text },
    },
    map: {
      itemStyle: { areaColor: chrome.mapArea, borderColor: chrome.mapBorder },
      label: { color: chrome.text },
    },
  };
}
