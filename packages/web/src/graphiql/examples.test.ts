import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CONTRACT_EXAMPLES, parseExamples } from './examples';

describe('GraphiQL examples from the API contract', () => {
  it('offers every contract operation, in the contract’s order, each titled in Chinese and English', () => {
    expect(CONTRACT_EXAMPLES.map((example) => example.operationName)).toEqual([
      'SeptemberRoadTraffic',
      'MonthlyTrend2014',
      'AccidentsBySeverity2014',
      'Clusters2014',
      'RoadTrafficSeptember',
      'Townships',
      'HazardsByTownship2014',
      'CapacityGaps2014',
      'TrainingAndPlan',
      'ReportAccident',
    ]);
    for (const example of CONTRACT_EXAMPLES) {
      expect(example.title['zh-CN'], example.operationName).toMatch(/[\u4e00-\u9fff]/);
      expect(example.title.en, example.operationName).not.toBe(example.operationName);
    }
  });

  it('gives each example exactly its own operation, as written, with variables it declares', () => {
    for (const example of CONTRACT_EXAMPLES) {
      const operations = parse(example.query).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      expect(operations.map((d) => d.name?.value)).toEqual([example.operationName]);
      const declared = operations[0]!.variableDefinitions?.map((v) => v.variable.name.value) ?? [];
      const given = example.variables ? Object.keys(JSON.parse(example.variables) as object) : [];
      expect(
        given.every((name) => declared.includes(name)),
        example.operationName,
      ).toBe(true);
    }
    expect(CONTRACT_EXAMPLES.find((e) => e.operationName === 'ReportAccident')?.kind).toBe('mutation');
  });

  it('names an operation it has no title for by its name', () => {
    const [example] = parseExamples('# a comment\nquery NewInContract { townships { code } }\n');
    expect(example).toMatchObject({ operationName: 'NewInContract', title: { en: 'NewInContract' }, variables: '' });
    expect(example?.query).toBe('# NewInContract / NewInContract\nquery NewInContract { townships { code } }\n');
  });
});
