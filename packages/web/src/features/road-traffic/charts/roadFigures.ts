export interface RoadTotals {
  accidents: number;
  fatalAccidents: number;
  deaths: number;
  injuries: number;
  directLossCny: number;
}

export interface RoadFigures extends RoadTotals {
  /** Accidents a year earlier, and the relative change (null when there were none). */
  accidentsYearEarlier: number;
  accidentsChange: number | null;
  deathsYearEarlier: number;
  deathsChange: number | null;
  /** Road deaths per 10,000 motor vehicles (万车死亡率); null unless the year's vehicle count applies. */
  deathsPer10kVehicles: number | null;
}

const change = (now: number, before: number) => (before > 0 ? (now - before) / before : null);

/**
 * The page's headline figures. The death rate per 10,000 vehicles uses the county's year-end vehicle count,
 * so the caller passes the count only for a whole year of the whole county.
 */
export function roadFigures(current: RoadTotals, yearEarlier: RoadTotals, motorVehicles: number | null): RoadFigures {
  return {
    ...current,
    accidentsYearEarlier: yearEarlier.accidents,
    accidentsChange: change(current.accidents, yearEarlier.accidents),
    deathsYearEarlier: yearEarlier.deaths,
    deathsChange: change(current.deaths, yearEarlier.deaths),
    deathsPer10kVehicles: motorVehicles && motorVehicles > 0 ? (current.deaths / motorVehicles) * 10_000 : null,
  };
}
