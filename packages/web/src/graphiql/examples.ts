// The API contract's operations (tests/contract/operations.graphql, vendored from shared/contract) as GraphiQL
// examples: one source of truth, so the examples are exactly what the contract test runs against the hub.
import { Kind, parse } from 'graphql';
import contractSource from '../../../../tests/contract/operations.graphql?raw';
import type { Lang } from '../i18n/lang';

export interface Example {
  operationName: string;
  kind: 'query' | 'mutation';
  title: Record<Lang, string>;
  /** The operation as written in the contract, headed by its title as a comment. */
  query: string;
  /** Variables as JSON text, for operations that take any. */
  variables: string;
}

// Titles for the contract's operations; an operation added to the contract later still shows, by its name.
const TITLES: Record<string, Record<Lang, string>> = {
  SeptemberRoadTraffic: { 'zh-CN': '2014年9月道路交通事故合计', en: 'Road-traffic accident totals, September 2014' },
  MonthlyTrend2014: { 'zh-CN': '2014年各月分行业事故趋势', en: 'Monthly accident trend by sector, 2014' },
  AccidentsBySeverity2014: {
    'zh-CN': '2014年事故按等级和乡镇',
    en: 'Accidents by severity and township, 2014',
  },
  Clusters2014: { 'zh-CN': '2014年事故异常聚集', en: 'Accident clusters (exceedances), 2014' },
  RoadTrafficSeptember: {
    'zh-CN': '2014年9月道路交通事故清单（分页）',
    en: 'Road-traffic accidents, September 2014 (paged)',
  },
  Townships: { 'zh-CN': '乡镇与安全社区创建', en: 'Townships and safe-community status' },
  HazardsByTownship2014: { 'zh-CN': '2014年各乡镇隐患排查整改', en: 'Hazards found and rectified by township, 2014' },
  CapacityGaps2014: { 'zh-CN': '2014年监管力量缺口', en: 'Supervisory staffing gaps, 2014' },
  TrainingAndPlan: { 'zh-CN': '2014年培训与2015年工作计划', en: 'Training 2014 and the 2015 work plan' },
  ReportAccident: { 'zh-CN': '上报一起事故（写入数据）', en: 'Report an accident (writes data)' },
};

// Variables that make an operation runnable as it stands. ReportAccident needs a real township code, which
// differs per county: the placeholder says where to get one (the hub refuses it, naming the field, until then).
const VARIABLES: Record<string, unknown> = {
  RoadTrafficSeptember: { after: null },
  ReportAccident: {
    input: {
      occurredAt: '2014-11-20T10:00:00+08:00',
      townshipCode: '先运行「乡镇」示例取一个 code / run the Townships example for a code',
      sector: 'INDUSTRY_TRADE',
      deaths: 3,
      injuries: 0,
      seriousInjuries: 0,
      directLossCny: 0,
      summary: '示例 / example',
    },
  },
};

export function parseExamples(source: string): Example[] {
  const document = parse(source);
  return document.definitions.flatMap((definition): Example[] => {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name || !definition.loc) return [];
    if (definition.operation === 'subscription') return [];
    const operationName = definition.name.value;
    const title = TITLES[operationName] ?? { 'zh-CN': operationName, en: operationName };
    const text = source.slice(definition.loc.start, definition.loc.end);
    const variables = VARIABLES[operationName];
    return [
      {
        operationName,
        kind: definition.operation,
        title,
        query: `# ${title['zh-CN']} / ${title.en}\n${text}\n`,
        variables: variables === undefined ? '' : JSON.stringify(variables, null, 2),
      },
    ];
  });
}

export const CONTRACT_EXAMPLES: readonly Example[] = parseExamples(contractSource);
