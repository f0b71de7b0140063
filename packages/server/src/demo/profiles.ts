// Shared vocabularies and samplers of the demo generator and the benchmark seeder: calendar helpers, the
// seasonality and time of day of each field's accidents, casualty and loss samplers, road-traffic details.
import {
  gradeSeverity,
  type HolidayPeriod,
  type LightCondition,
  type RoadClass,
  type Sector,
  type Severity,
  type TrafficCause,
  type VehicleType,
  type Weather,
} from '@hub/schema';
import type { Random } from './random.js';

// ---------------------------------------------------------------------------------------------------------
// Calendar (dates are county dates, YYYY-MM-DD; day numbers count days since 1970-01-01)

const DAY_MS = 86_400_000;

export const dayNumber = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
export const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => isoDate(dayNumber(iso) + days);
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
export const pad2 = (n: number): string => String(n).padStart(2, '0');
export const ymd = (year: number, month: number, day: number): string => `${year}-${pad2(month)}-${pad2(day)}`;
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: string): number => new Date(dayNumber(iso) * DAY_MS).getUTCDay();
/** An instant in county time (UTC+8), as ISO 8601 with its offset. */
export const countyInstant = (date: string, hour: number, minute: number, second = 0): string =>
  `${date}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}+08:00`;

/** The next weekday on or after a date (work is done on weekdays). */
export function onWeekday(iso: string): string {
  let day = dayNumber(iso);
  while ([0, 6].includes(new Date(day * DAY_MS).getUTCDay())) day++;
  return isoDate(day);
}

/** A random date in [from, to], both included. */
export const dateBetween = (rng: Random, from: string, to: string): string =>
  isoDate(rng.int(dayNumber(from), dayNumber(to)));

// The lunar holidays move; a table of their dates (Spring Festival = 正月初一, Dragon Boat = 五月初五,
// Mid-Autumn = 八月十五, Qingming = the solar term) for the years the generators may use.
const LUNAR: Record<number, { springFestival: string; qingming: string; dragonBoat: string; midAutumn: string }> = {
  2008: { springFestival: '02-07', qingming: '04-04', dragonBoat: '06-08', midAutumn: '09-14' },
  2009: { springFestival: '01-26', qingming: '04-04', dragonBoat: '05-28', midAutumn: '10-03' },
  2010: { springFestival: '02-14', qingming: '04-05', dragonBoat: '06-16', midAutumn: '09-22' },
  2011: { springFestival: '02-03', qingming: '04-05', dragonBoat: '06-06', midAutumn: '09-12' },
  2012: { springFestival: '01-23', qingming: '04-04', dragonBoat: '06-23', midAutumn: '09-30' },
  2013: { springFestival: '02-10', qingming: '04-04', dragonBoat: '06-12', midAutumn: '09-19' },
  2014: { springFestival: '01-31', qingming: '04-05', dragonBoat: '06-02', midAutumn: '09-08' },
  2015: { springFestival: '02-19', qingming: '04-05', dragonBoat: '06-20', midAutumn: '09-27' },
  2016: { springFestival: '02-08', qingming: '04-04', dragonBoat: '06-09', midAutumn: '09-15' },
};

/** The public holidays of a year with their first day. */
export function holidays(year: number): { period: HolidayPeriod; date: string }[] {
  const lunar = LUNAR[year];
  if (!lunar) throw new Error(`no holiday dates for ${year}: extend the table in demo/profiles.ts`);
  return [
    { period: 'NEW_YEAR', date: `${year}-01-01` },
    { period: 'SPRING_FESTIVAL', date: `${year}-${lunar.springFestival}` },
    { period: 'QINGMING', date: `${year}-${lunar.qingming}` },
    { period: 'LABOUR_DAY', date: `${year}-05-01` },
    { period: 'DRAGON_BOAT', date: `${year}-${lunar.dragonBoat}` },
    { period: 'MID_AUTUMN', date: `${year}-${lunar.midAutumn}` },
    { period: 'NATIONAL_DAY', date: `${year}-10-01` },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Accidents by field

export const SECTORS: readonly Sector[] = [
  'ROAD_TRAFFIC',
  'WATER_TRAFFIC',
  'FIRE',
  'CONSTRUCTION',
  'MINING',
  'HAZARDOUS_CHEMICALS',
  'FIREWORKS',
  'SPECIAL_EQUIPMENT',
  'INDUSTRY_TRADE',
  'AGRICULTURAL_MACHINERY',
  'OTHER',
];

/** Relative accident rate by month (January first) for each field. */
export const SEASON: Record<Sector, readonly number[]> = {
  // Spring Festival travel, Qingming, National Day.
  ROAD_TRAFFIC: [1.3, 1.3, 1, 1.1, 0.9, 0.9, 1, 1, 0.9, 1.2, 1, 1.1],
  // The flood season (May–September) on the rivers and reservoirs.
  WATER_TRAFFIC: [0.3, 0.3, 0.5, 0.8, 1.5, 2.5, 3, 3, 2, 1, 0.5, 0.3],
  // The dry season and winter heating.
  FIRE: [3, 3, 2.5, 1.5, 1, 0.6, 0.5, 0.5, 0.7, 1, 1.5, 2.5],
  // Building goes on from spring to autumn; the sites close around Spring Festival.
  CONSTRUCTION: [0.3, 0.4, 1.2, 1.5, 1.5, 1.3, 1.2, 1.2, 1.4, 1.5, 1.3, 0.8],
  // Rain loosens quarry faces.
  MINING: [0.6, 0.6, 1, 1.2, 1.4, 1.5, 1.4, 1.3, 1.1, 1, 0.8, 0.6],
  // Heat.
  HAZARDOUS_CHEMICALS: [0.8, 0.8, 0.9, 1, 1.1, 1.3, 1.4, 1.4, 1.1, 1, 0.9, 0.8],
  // Spring Festival.
  FIREWORKS: [3, 4, 1, 0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 0.5, 1.5],
  // Boilers in winter.
  SPECIAL_EQUIPMENT: [1.3, 1.2, 1, 1, 0.9, 0.9, 0.9, 0.9, 1, 1, 1.1, 1.3],
  INDUSTRY_TRADE: [0.9, 0.6, 1.1, 1.1, 1.1, 1, 1.1, 1.1, 1.1, 1.1, 1.1, 1],
  // Ploughing and the two rice harvests.
  AGRICULTURAL_MACHINERY: [0.5, 0.8, 2, 2, 1, 0.8, 2, 2, 1, 1.8, 1.5, 0.6],
  OTHER: [1, 1, 1, 1, 1, 1, 1.1, 1.1, 1, 1, 1, 1],
};

/** Relative rate by hour of day (0–23). */
const HOURS_ROAD = [1, 0.8, 0.6, 0.5, 0.5, 0.8, 1.5, 2.5, 3, 2.5, 2, 2, 2.2, 2, 2, 2.2, 2.6, 3.5, 4, 4, 3, 2.5, 2, 1.5];
const HOURS_WORK = [
  0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 3, 3.5, 3.5, 2.5, 1, 1.5, 3, 3.5, 3, 2, 1, 0.6, 0.4, 0.3, 0.2, 0.1,
];
const HOURS_FIRE = [
  2, 2, 2, 1.8, 1.5, 1, 0.8, 0.8, 1, 1, 1, 1.2, 1.4, 1.4, 1.4, 1.4, 1.5, 1.8, 2, 2.2, 2.4, 2.4, 2.2, 2.1,
];
const HOURS_DAY = [
  0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 1, 2, 2.5, 2.5, 2.5, 2.2, 1.8, 2, 2.5, 2.5, 2.5, 2.2, 1.5, 0.8, 0.4, 0.3, 0.2, 0.1,
];

export function hourWeights(sector: Sector): readonly number[] {
  switch (sector) {
    case 'ROAD_TRAFFIC':
      return HOURS_ROAD;
    case 'FIRE':
      return HOURS_FIRE;
    case 'WATER_TRAFFIC':
    case 'AGRICULTURAL_MACHINERY':
    case 'OTHER':
      return HOURS_DAY;
    default:
      return HOURS_WORK;
  }
}

export interface Casualties {
  deaths: number;
  missing: number;
  injuries: number;
  serious_injuries: number;
  direct_loss_cny: number;
  severity: Severity;
}

/** Chance that an accident of the field kills, and the median direct loss in yuan. */
const HARM: Record<Sector, { fatal: number; lossMedian: number; lossSigma: number; lossMax: number }> = {
  ROAD_TRAFFIC: { fatal: 0.3, lossMedian: 30_000, lossSigma: 0.8, lossMax: 400_000 },
  WATER_TRAFFIC: { fatal: 0.45, lossMedian: 40_000, lossSigma: 0.9, lossMax: 600_000 },
  FIRE: { fatal: 0.12, lossMedian: 110_000, lossSigma: 1.1, lossMax: 3_000_000 },
  CONSTRUCTION: { fatal: 0.45, lossMedian: 260_000, lossSigma: 0.8, lossMax: 2_500_000 },
  MINING: { fatal: 0.5, lossMedian: 220_000, lossSigma: 0.8, lossMax: 2_000_000 },
  HAZARDOUS_CHEMICALS: { fatal: 0.2, lossMedian: 200_000, lossSigma: 1, lossMax: 3_000_000 },
  FIREWORKS: { fatal: 0.25, lossMedian: 80_000, lossSigma: 0.9, lossMax: 1_200_000 },
  SPECIAL_EQUIPMENT: { fatal: 0.35, lossMedian: 100_000, lossSigma: 0.8, lossMax: 1_500_000 },
  INDUSTRY_TRADE: { fatal: 0.35, lossMedian: 80_000, lossSigma: 0.9, lossMax: 1_500_000 },
  AGRICULTURAL_MACHINERY: { fatal: 0.4, lossMedian: 15_000, lossSigma: 0.7, lossMax: 200_000 },
  OTHER: { fatal: 0.3, lossMedian: 20_000, lossSigma: 0.9, lossMax: 300_000 },
};

const clampRound = (v: number, min: number, max: number, unit: number): number =>
  Math.round(Math.min(max, Math.max(min, v)) / unit) * unit;

/**
 * Casualties and loss of an ordinary (一般) accident: at most 2 dead, a few injured, loss well under
 * 10 million yuan. `fatal` forces (true) or forbids (false) deaths; undefined leaves it to chance.
 */
export function sampleGeneralCasualties(rng: Random, sector: Sector, fatal?: boolean): Casualties {
  const h = HARM[sector];
  const dies = fatal ?? rng.chance(h.fatal);
  let deaths = 0;
  let missing = 0;
  if (dies) {
    deaths = rng.chance(0.1) ? 2 : 1;
    if (sector === 'WATER_TRAFFIC' && rng.chance(0.25)) [deaths, missing] = [deaths - 1, 1];
  }
  let injuries = dies ? (rng.chance(0.5) ? 0 : rng.int(1, 2)) : 1 + rng.poisson(sector === 'ROAD_TRAFFIC' ? 0.9 : 0.5);
  if (sector === 'FIRE' && !dies) injuries = rng.chance(0.7) ? 0 : rng.int(1, 2); // most fires hurt no one
  let serious = 0;
  for (let i = 0; i < injuries; i++) if (rng.chance(0.35)) serious++;
  const loss = clampRound(rng.logNormal(h.lossMedian, h.lossSigma), 2_000, h.lossMax, 100);
  return withSeverity({ deaths, missing, injuries, serious_injuries: Math.min(serious, 9), direct_loss_cny: loss });
}

export function withSeverity(c: Omit<Casualties, 'severity'>): Casualties {
  return {
    ...c,
    severity: gradeSeverity({
      deaths: c.deaths,
      missing: c.missing,
      seriousInjuries: c.serious_injuries,
      directLossCny: c.direct_loss_cny,
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Road traffic

export interface Road {
  name: string;
  roadClass: RoadClass;
}

/** Roads of the demo county (plausible numbering, not a real network). */
export const ROADS: readonly (Road & { weight: number })[] = [
  { name: 'G325国道', roadClass: 'NATIONAL', weight: 6 },
  { name: 'S311省道', roadClass: 'PROVINCIAL', weight: 3 },
  { name: 'S210省道', roadClass: 'PROVINCIAL', weight: 2 },
  { name: 'X601县道', roadClass: 'COUNTY', weight: 2.5 },
  { name: 'X603县道', roadClass: 'COUNTY', weight: 2 },
  { name: 'X612县道', roadClass: 'COUNTY', weight: 1.5 },
  { name: 'X620县道', roadClass: 'COUNTY', weight: 1 },
  { name: 'Y015乡道', roadClass: 'TOWNSHIP', weight: 1 },
  { name: 'Y032乡道', roadClass: 'TOWNSHIP', weight: 0.8 },
  { name: '村道', roadClass: 'VILLAGE', weight: 0.8 },
  { name: 'S40高速', roadClass: 'EXPRESSWAY', weight: 0.5 },
];
export const URBAN_ROADS: readonly string[] = ['城关镇人民路', '城关镇新兴大道', '城关镇环城东路', '城关镇建设路'];

const VEHICLE_SETS: readonly (readonly VehicleType[])[] = [
  ['CAR', 'MOTORCYCLE'],
  ['TRUCK', 'MOTORCYCLE'],
  ['MOTORCYCLE'],
  ['CAR', 'PEDESTRIAN'],
  ['TRUCK', 'CAR'],
  ['CAR', 'ELECTRIC_BIKE'],
  ['TRUCK', 'TRICYCLE'],
  ['AGRICULTURAL_VEHICLE'],
  ['BUS', 'CAR'],
  ['MOTORCYCLE', 'PEDESTRIAN'],
  ['MOTORCYCLE', 'MOTORCYCLE'],
  ['CAR'],
  ['TRUCK', 'BICYCLE'],
];
const VEHICLE_WEIGHTS = [5, 4, 3, 2, 2, 2.5, 1.5, 1, 0.8, 1.5, 2, 1, 0.7];

const CAUSE_WEIGHTS: Record<TrafficCause, number> = {
  SPEEDING: 0.2,
  DRINK_DRIVING: 0.12,
  FATIGUE: 0.08,
  UNLICENSED: 0.15,
  OVERLOADING: 0.06,
  ILLEGAL_OVERTAKING: 0.1,
  FAILURE_TO_YIELD: 0.14,
  WRONG_WAY: 0.08,
  OTHER: 0.07,
};

export function sampleVehicles(rng: Random): VehicleType[] {
  return [...new Set(VEHICLE_SETS[rng.weightedIndex(VEHICLE_WEIGHTS)]!)];
}

export const sampleTrafficCause = (rng: Random): TrafficCause => rng.weightedKey(CAUSE_WEIGHTS);

/** Weather by month: fog in late winter, rain and the odd typhoon in summer. */
export function sampleWeather(rng: Random, month: number): Weather {
  const summer = month >= 5 && month <= 9;
  return rng.weightedKey<Weather>({
    CLEAR: summer ? 4 : 5,
    CLOUDY: 3,
    RAIN: summer ? 3.5 : 1.5,
    FOG: month <= 3 ? 1.2 : month >= 11 ? 0.6 : 0.1,
    TYPHOON: month >= 7 && month <= 9 ? 0.25 : 0,
    OTHER: 0.1,
  });
}

/** Light from the hour (dawn 6–7, dusk 18–19 in the subtropics); lit roads in the county seat. */
export function lightAt(hour: number, lit: boolean): LightCondition {
  if (hour === 6 || hour === 18 || hour === 19) return 'DAWN_DUSK';
  if (hour >= 7 && hour < 18) return 'DAYLIGHT';
  return lit ? 'DARK_LIT' : 'DARK_UNLIT';
}

/** A road for an accident; county-seat accidents are often on its streets. */
export function sampleRoad(rng: Random, countySeat: boolean): Road {
  if (countySeat && rng.chance(0.45)) return { name: rng.pick(URBAN_ROADS), roadClass: 'URBAN' };
  const road = ROADS[rng.weightedIndex(ROADS.map((r) => r.weight))]!;
  return { name: road.name, roadClass: road.roadClass };
}
