import { describe, expect, it } from 'vitest';
import { roadFigures } from './roadFigures';

const y2014 = { accidents: 12, fatalAccidents: 6, deaths: 7, injuries: 22, directLossCny: 569_000 };
const y2013 = { accidents: 11, fatalAccidents: 3, deaths: 3, injuries: 15, directLossCny: 400_000 };

describe('roadFigures', () => {
  it('compares with the same dates a year earlier and divides deaths by 10,000 vehicles', () => {
    const figures = roadFigures(y2014, y2013, 78_400);
    expect(figures.accidentsChange).toBeCloseTo(1 / 11);
    expect(figures.deathsChange).toBeCloseTo(4 / 3);
    expect(figures.deathsPer10kVehicles).toBeCloseTo(0.893, 3);
  });

  it('has no change without a base and no rate without the vehicle count', () => {
    const figures = roadFigures(y2014, { ...y2013, accidents: 0, deaths: 0 }, null);
    expect([figures.accidentsChange, figures.deathsChange, figures.deathsPer10kVehicles]).toEqual([null, null, null]);
  });
});
