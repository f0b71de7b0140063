// Each dataset's measure and dimension enums are made from its definition, so the SDL, the validation and the
// SQL read one table and cannot drift.
import { registerEnumType } from 'type-graphql';
import type { ExploreDatasetDef } from './explore.engine.js';
import { exploreSortInput } from './explore.types.js';

function enumOf(table: Record<string, { label: { zh: string; en: string } }>, name: string, description: string) {
  const values = Object.fromEntries(Object.keys(table).map((k) => [k, k])) as Record<string, string>;
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.entries(table).map(([k, v]) => [k, { description: `${v.label.zh} / ${v.label.en}` }]),
    ),
  });
  return values;
}

/** The GraphQL enums and sort input of a dataset, named `<Name>ExploreMeasure`, `…Dimension`, `…Sort`. */
export function exploreEnums(name: string, def: ExploreDatasetDef<never>) {
  const what = `${def.label.zh} / ${def.label.en}`;
  const Measure = enumOf(
    def.measures,
    `${name}ExploreMeasure`,
    `What \`${lower(name)}Explore\` can compute (${what}).`,
  );
  const Dimension = enumOf(
    def.dimensions,
    `${name}ExploreDimension`,
    `What \`${lower(name)}Explore\` can group by (${what}); times are read in Asia/Shanghai.`,
  );
  return { Measure, Dimension, Sort: exploreSortInput(name, Measure, Dimension) };
}

const lower = (s: string) => s[0]!.toLowerCase() + s.slice(1);
