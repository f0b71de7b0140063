import type { Sector } from '../graphql/generated/graphql';

export type { Sector };

// The GraphQL `Sector` enum (行业领域), in the order the dashboard stacks and lists them. The check below
// fails to compile when the schema gains a sector this list lacks.
export const SECTORS = [
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
] as const satisfies readonly Sector[];

type MissingSectors = Exclude<Sector, (typeof SECTORS)[number]>;
const everySectorListed: [MissingSectors] extends [never] ? true : MissingSectors = true;
void everySectorListed;
