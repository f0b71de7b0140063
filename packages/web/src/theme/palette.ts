import type { Sector } from '../domain/sector';

// One fixed colour per sector, so a field keeps its colour in every chart and year.
// The first eight are Okabe–Ito (distinguishable with the common colour-vision deficiencies;
// its black is softened to dark grey for large bar areas). Eleven fields exceed what any palette
// keeps fully distinct, so the three rarer fields take Paul Tol's "muted" wine and olive and a
// neutral grey, and SECTORS is ordered so that neighbouring stacks never share a hue family.
// Legends and tooltips always name the field as well.
export const SECTOR_COLORS: Record<Sector, string> = {
  ROAD_TRAFFIC: '#D55E00',
  WATER_TRAFFIC: '#56B4E9',
  FIRE: '#E69F00',
  CONSTRUCTION: '#0072B2',
  MINING: '#4D4D4D',
  HAZARDOUS_CHEMICALS: '#CC79A7',
  FIREWORKS: '#F0E442',
  SPECIAL_EQUIPMENT: '#009E73',
  INDUSTRY_TRADE: '#882255',
  AGRICULTURAL_MACHINERY: '#999933',
  OTHER: '#BBBBBB',
};

// Cluster markers differ from bars by shape (a pin) as well as colour.
export const CLUSTER_MARK_COLOR = '#1F2937';

// Two-way comparisons, from Okabe–Ito: "good / now" blue against "bad / gap" vermillion, and a neutral
// grey for the earlier period. Text or icons always say which is which as well.
export const COMPARE_COLORS = {
  previous: '#A3AAB5',
  current: '#0072B2',
  good: '#009E73',
  warning: '#E69F00',
  bad: '#D55E00',
} as const;

// Sequential ramp for choropleths (ColorBrewer YlOrRd, 5 classes): ordered by lightness, so it reads
// without hue discrimination and in greyscale.
export const SEQUENTIAL_RAMP = ['#FFFFB2', '#FECC5C', '#FD8D3C', '#F03B20', '#BD0026'] as const;

// Accident points on the map: dark with a light rim, visible on every class of the ramp.
export const POINT_COLOR = '#1F2937';
