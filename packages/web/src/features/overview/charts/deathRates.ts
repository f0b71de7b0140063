import type { Sector } from '../../../domain/sector';

export interface CountyYearStatistics {
  population: number;
  motorVehicles: number;
  gdpCny: number;
}

export interface DeathRates {
  /** Deaths per 100,000 registered people (十万人死亡率). */
  per100kPeople: number | null;
  /** Road-traffic deaths per 10,000 motor vehicles (万车死亡率); null when road traffic is filtered out. */
  roadPer10kVehicles: number | null;
  /** Deaths per 100 million yuan of GDP (亿元GDP死亡率). */
  per100mGdp: number | null;
}

/**
 * The rates the county reports against its year-end statistics. They compare across years only for whole
 * years of the whole county, so the caller passes statistics only then.
 */
export function deathRates(
  deaths: number,
  trend: readonly { sector: Sector | null; deaths: number }[],
  sectorFilter: Sector | null,
  statistics: CountyYearStatistics | undefined,
): DeathRates {
  if (!statistics) return { per100kPeople: null, roadPer10kVehicles: null, per100mGdp: null };
  const roadDeaths = trend
    .filter((group) => group.sector === 'ROAD_TRAFFIC')
    .reduce((sum, group) => sum + group.deaths, 0);
  const roadCounted = sectorFilter === null || sectorFilter === 'ROAD_TRAFFIC';
  return {
    per100kPeople: statistics.population > 0 ? (deaths / statistics.population) * 100_000 : null,
    roadPer10kVehicles:
      roadCounted && statistics.motorVehicles > 0 ? (roadDeaths / statistics.motorVehicles) * 10_000 : null,
    per100mGdp: statistics.gdpCny > 0 ? (deaths / statistics.gdpCny) * 100_000_000 : null,
  };
}
