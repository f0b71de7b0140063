// The GraphQL `Sector` enum (行业领域), in the order the dashboard stacks and lists them.
// Mirrors `Sector` in packages/schema/src/enums.ts; import it from @hub/schema (with its generated
// client types) once that package is built ahead of the dashboard.
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
] as const;

export type Sector = (typeof SECTORS)[number];
