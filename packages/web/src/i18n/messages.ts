import type { Sector } from '../domain/sector';
import type { Lang } from './lang';

/** What a screen reader is told about the monthly trend chart. */
export interface TrendSummaryFacts {
  year: number;
  accidents: number;
  peakMonth: string;
  peakAccidents: number;
  clusters: number;
}

// The dashboard's words, zh-CN first. `Messages` is taken from the zh-CN catalogue, so the
// compiler rejects an English catalogue that misses or misspells a key.
const zhCN = {
  appTitle: '县域安全生产监管数据中枢',
  skipToContent: '跳到主要内容',
  languageSwitch: '界面语言',
  nav: {
    label: '主导航',
    overview: '总览',
    trendMap: '趋势地图',
    roadTraffic: '道路交通',
    hazards: '隐患排查',
    capacity: '监管力量',
    plan: '计划与应急',
    records: '记录',
  },
  comingSoon: {
    badge: '建设中',
    navBadge: '建设中',
    body: '该页面正在建设中，将在后续版本中提供。',
    back: '返回总览',
  },
  notFound: {
    title: '页面不存在',
    body: '没有找到这个地址对应的页面。',
  },
  crashed: {
    title: '页面出错了',
    body: '页面遇到意外错误。请刷新后重试。',
    reload: '刷新页面',
  },
  status: {
    loading: '正在加载…',
    retry: '重试',
    loadFailed: (detail: string) => `数据加载失败：${detail}`,
  },
  year: {
    label: '年度',
    previous: '上一年',
    next: '下一年',
    value: (year: number) => `${year} 年`,
  },
  months: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  sectors: {
    ROAD_TRAFFIC: '道路交通',
    WATER_TRAFFIC: '水上交通',
    FIRE: '火灾',
    CONSTRUCTION: '建筑施工',
    MINING: '矿山',
    HAZARDOUS_CHEMICALS: '危险化学品',
    FIREWORKS: '烟花爆竹',
    SPECIAL_EQUIPMENT: '特种设备',
    INDUSTRY_TRADE: '工商贸',
    AGRICULTURAL_MACHINERY: '农业机械',
    OTHER: '其他',
  } satisfies Record<Sector, string>,
  overview: {
    subtitle: (year: number) => `${year} 年度事故概况`,
    kpi: {
      label: '主要指标',
      accidents: '事故起数',
      deaths: '死亡人数',
      injuries: '受伤人数',
      directLoss: '直接经济损失',
      accidentsUnit: '起',
      peopleUnit: '人',
      wanYuanUnit: '万元',
    },
    trend: {
      title: '分行业月度事故起数',
      axisName: '起数',
      summary: (facts: TrendSummaryFacts) =>
        `${facts.year}年各月事故起数按行业堆叠的柱状图。全年共${facts.accidents}起，${facts.peakMonth}最多（${facts.peakAccidents}起）；` +
        `检测到${facts.clusters}处事故聚集，已用图钉标出。`,
      empty: (year: number) => `${year} 年没有事故记录。`,
    },
    clusters: {
      title: '事故聚集预警',
      hint: '按行业、月份和乡镇检测的明显高于基线的事故聚集',
      empty: '本年度未检测到事故聚集。',
      countyWide: '全县',
      accidents: '事故',
      expected: '基线预期',
      deaths: '死亡',
      injuries: '受伤',
      score: '异常分值',
    },
  },
};

export type Messages = typeof zhCN;

const en: Messages = {
  appTitle: 'County Work-Safety Supervision Hub',
  skipToContent: 'Skip to main content',
  languageSwitch: 'Language',
  nav: {
    label: 'Main navigation',
    overview: 'Overview',
    trendMap: 'Trend map',
    roadTraffic: 'Road traffic',
    hazards: 'Hazards',
    capacity: 'Supervisory capacity',
    plan: 'Plan & preparedness',
    records: 'Records',
  },
  comingSoon: {
    badge: 'Coming in a later release',
    navBadge: 'Soon',
    body: 'This page is under construction and will come in a later release.',
    back: 'Back to the overview',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address.',
  },
  crashed: {
    title: 'Something went wrong',
    body: 'The page hit an unexpected error. Please reload and try again.',
    reload: 'Reload',
  },
  status: {
    loading: 'Loading…',
    retry: 'Retry',
    loadFailed: (detail: string) => `Could not load the data: ${detail}`,
  },
  year: {
    label: 'Year',
    previous: 'Previous year',
    next: 'Next year',
    value: (year: number) => String(year),
  },
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  sectors: {
    ROAD_TRAFFIC: 'Road traffic',
    WATER_TRAFFIC: 'Water traffic',
    FIRE: 'Fire',
    CONSTRUCTION: 'Construction',
    MINING: 'Mining',
    HAZARDOUS_CHEMICALS: 'Hazardous chemicals',
    FIREWORKS: 'Fireworks',
    SPECIAL_EQUIPMENT: 'Special equipment',
    INDUSTRY_TRADE: 'Industry and trade',
    AGRICULTURAL_MACHINERY: 'Agricultural machinery',
    OTHER: 'Other',
  },
  overview: {
    subtitle: (year: number) => `Accidents in ${year}`,
    kpi: {
      label: 'Key figures',
      accidents: 'Accidents',
      deaths: 'Deaths',
      injuries: 'Injuries',
      directLoss: 'Direct economic loss',
      accidentsUnit: '',
      peopleUnit: '',
      wanYuanUnit: '×10,000 CNY',
    },
    trend: {
      title: 'Accidents per month by sector',
      axisName: 'Accidents',
      summary: (facts: TrendSummaryFacts) =>
        `Stacked bar chart of accidents per month by sector in ${facts.year}: ${facts.accidents} in total, ` +
        `most in ${facts.peakMonth} (${facts.peakAccidents}); ${facts.clusters} accident cluster(s) marked with pins.`,
      empty: (year: number) => `No accidents recorded in ${year}.`,
    },
    clusters: {
      title: 'Accident cluster alerts',
      hint: 'Sector, month and township combinations well above their baseline',
      empty: 'No accident clusters detected this year.',
      countyWide: 'County-wide',
      accidents: 'Accidents',
      expected: 'Expected',
      deaths: 'Deaths',
      injuries: 'Injuries',
      score: 'Score',
    },
  },
};

export const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zhCN, en };
