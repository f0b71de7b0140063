import { isIsoDate } from '@hub/schema';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError(
      `不是有效日期（应为 YYYY-MM-DD）/ not a valid date, expected YYYY-MM-DD: ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** A calendar date in the county (Asia/Shanghai), as "YYYY-MM-DD"; held as that string on the server. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in the county\'s time zone (Asia/Shanghai), as ISO "YYYY-MM-DD".',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('日期必须是字符串 / a Date must be a string "YYYY-MM-DD"');
    return parseDate(ast.value);
  },
});

function parseMonth(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) {
    throw new GraphQLError(
      `不是有效月份（应为 YYYY-MM）/ not a valid month, expected YYYY-MM: ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** A calendar month in the county (Asia/Shanghai), as "YYYY-MM". */
export const MonthScalar = new GraphQLScalarType<string, string>({
  name: 'Month',
  description: 'A calendar month in the county\'s time zone (Asia/Shanghai), as "YYYY-MM".',
  serialize: parseMonth,
  parseValue: parseMonth,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('月份必须是字符串 / a Month must be a string "YYYY-MM"');
    return parseMonth(ast.value);
  },
});
