import { Severity } from './enums.js';

/** The figures of one accident that decide its severity grade. */
export interface Casualties {
  deaths: number;
  /** Missing people count with the dead (art. 3). */
  missing?: number;
  /** Serious injuries, acute industrial poisoning included. */
  seriousInjuries: number;
  /** Direct economic loss in yuan. */
  directLossCny: number;
}

// Lower bounds of each grade, highest grade first: "X or more" includes X (art. 3).
const THRESHOLDS: ReadonlyArray<{ grade: Severity; deaths: number; seriousInjuries: number; lossCny: number }> = [
  { grade: Severity.ESPECIALLY_MAJOR, deaths: 30, seriousInjuries: 100, lossCny: 100_000_000 },
  { grade: Severity.MAJOR, deaths: 10, seriousInjuries: 50, lossCny: 50_000_000 },
  { grade: Severity.LARGER, deaths: 3, seriousInjuries: 10, lossCny: 10_000_000 },
];

/**
 * Grades an accident by the State Council's regulation on reporting and investigating work-safety
 * accidents, art. 3: the grade is the highest that any one measure reaches.
 */
export function gradeSeverity({ deaths, missing = 0, seriousInjuries, directLossCny }: Casualties): Severity {
  const dead = deaths + missing;
  for (const t of THRESHOLDS) {
    if (dead >= t.deaths || seriousInjuries >= t.seriousInjuries || directLossCny >= t.lossCny) return t.grade;
  }
  return Severity.GENERAL;
}

/** Ordinal of a grade, 0 = general, for comparisons and sorting. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = {
  GENERAL: 0,
  LARGER: 1,
  MAJOR: 2,
  ESPECIALLY_MAJOR: 3,
};
