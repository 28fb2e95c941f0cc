import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, validate } from 'graphql';
import { projectPath } from '../domain/paths';
import { DEFAULT_QUERY_LIMITS, queryLimitOptions, tooManyTokens } from './query-limits';

const schema = buildASTSchema(parse(readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8')), {
  assumeValidSDL: true,
});
const errors = (query: string, limits = DEFAULT_QUERY_LIMITS) =>
  validate(schema, parse(query), queryLimitOptions(limits).validationRules).map((e) => e.message);

describe('query limits', () => {
  const deep = '{ patient(ins: "284077511612365") { hospitalReports { edges { node { author { name } } } } } }';

  it("refuses depth beyond the limit (the schema has no cycle, so the default 12 is out of any query's reach)", () => {
    expect(errors(deep)).toEqual([]);
    expect(errors(deep, { ...DEFAULT_QUERY_LIMITS, maxDepth: 4 })).toContain('Query is too deep');
  });

  it.each([
    ['a plain record', '{ patient(ins: "x") { identity { firstName } } }', 3],
    // patient, the connection, then `nodes` and each of its three fields once per item of a default page (20).
    [
      'one default page of three fields',
      '{ patient(ins: "x") { hospitalReports { nodes { id title effectiveAt } } } }',
      2 + 20 + 20 * 3,
    ],
    [
      'two pages of 100',
      '{ patient(ins: "x") { accessTraces(first: 100) { nodes { touched } } hospitalReports(first: 100) { nodes { id } } } }',
      1 + 2 * (1 + 100 + 100),
    ],
    [
      'a page size from a variable, costed at the maximum',
      'query($n: Int) { patient(ins: "x") { hospitalReports(first: $n) { nodes { id } } } }',
      2 + 100 + 100,
    ],
  ])('costs %s exactly at its figure', (_case, query, expected) => {
    expect(errors(query, { ...DEFAULT_QUERY_LIMITS, maxCost: expected - 1 })).toContain(
      'Query is too costly: ask for fewer items or fewer fields',
    );
    expect(errors(query, { ...DEFAULT_QUERY_LIMITS, maxCost: expected })).toEqual([]);
  });

  it('counts tokens without parsing', () => {
    expect(tooManyTokens('{ a b c }', 5)).toBe(false);
    expect(tooManyTokens('{ a b c d e }', 5)).toBe(true);
    expect(tooManyTokens('{ "unterminated', 5)).toBe(false);
  });
});
