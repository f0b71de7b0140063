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

// Chart chrome, in the greys of the page (styles/global.css).
export const AXIS_LINE_COLOR = '#CBD5E1';
export const SPLIT_LINE_COLOR = '#E2E8F0';
export const AXIS_LABEL_COLOR = '#475569';
