// The GraphQL `Sector` enum (行业领域), in the order the dashboard stacks and lists them.
// Mirrors the SDL in packages/schema; switch to its generated client types once they are published.
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
