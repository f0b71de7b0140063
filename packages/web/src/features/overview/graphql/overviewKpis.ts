import { gql } from 'urql';
import type { Sector } from '../../../domain/sector';

// Hand-written result types until packages/schema publishes generated client types.
export interface MonthlySectorGroup {
  /** "YYYY-MM"; null only for dimensions not grouped by. */
  month: string | null;
  sector: Sector | null;
  accidents: number;
  deaths: number;
  injuries: number;
}

export interface AccidentCluster {
  sector: Sector;
  month: string;
  /** null for a county-wide cluster. */
  township: { code: string; name: string } | null;
  accidents: number;
  deaths: number;
  injuries: number;
  expected: number;
  score: number;
  /** Written by the server in Chinese; names the figures. */
  explanation: string;
}

export interface OverviewKpisData {
  accidentStats: {
    total: { accidents: number; deaths: number; injuries: number; directLossCny: number };
    groups: MonthlySectorGroup[];
  };
  accidentClusters: AccidentCluster[];
}

export interface OverviewKpisVariables {
  from: string;
  to: string;
  year: number;
}

export const OverviewKpisQuery = gql<OverviewKpisData, OverviewKpisVariables>`
  query OverviewKpis($from: Date!, $to: Date!, $year: Int!) {
    accidentStats(filter: { from: $from, to: $to }, groupBy: [MONTH, SECTOR]) {
      total {
        accidents
        deaths
        injuries
        directLossCny
      }
      groups {
        month
        sector
        accidents
        deaths
        injuries
      }
    }
    accidentClusters(year: $year) {
      sector
      month
      township {
        code
        name
      }
      accidents
      deaths
      injuries
      expected
      score
      explanation
    }
  }
`;
