import { describe, expect, it } from 'vitest';
import { deathRates } from './deathRates';

// The demo county's 2014 statistics.
const statistics = { population: 380_916, motorVehicles: 78_400, gdpCny: 10_860_000_000 };
const trend = [
  { sector: 'ROAD_TRAFFIC' as const, deaths: 15 },
  { sector: 'ROAD_TRAFFIC' as const, deaths: 5 },
  { sector: 'FIRE' as const, deaths: 14 },
];

describe('deathRates', () => {
  it('divides deaths by population, road deaths by vehicles, and deaths by GDP', () => {
    const rates = deathRates(34, trend, null, statistics);
    expect(rates.per100kPeople).toBeCloseTo(8.926, 3);
    expect(rates.roadPer10kVehicles).toBeCloseTo(2.551, 3);
    expect(rates.per100mGdp).toBeCloseTo(0.3131, 4);
  });

  it('leaves the road rate out when another sector is chosen, and all out without statistics', () => {
    expect(deathRates(14, trend, 'FIRE', statistics).roadPer10kVehicles).toBeNull();
    expect(deathRates(34, trend, null, undefined)).toEqual({
      per100kPeople: null,
      roadPer10kVehicles: null,
      per100mGdp: null,
    });
  });
});
