import { outageOf } from './signed-data-source';

describe("an unavailable source's errors name each field it nulled", () => {
  const paths = (query: string, variables?: Record<string, unknown>) => outageOf(query, variables).map((e) => e.path);

  it.each<[string, string, Record<string, unknown> | undefined, (string | number)[][]]>([
    [
      'a root fetch, alias kept',
      '{ a: patient(ins: "1") { ins } __typename searchPatients { __typename } }',
      undefined,
      [['a'], ['searchPatients']],
    ],
    [
      'an entity fetch, per representation and field',
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Patient { __typename hospitalReports { totalCount } r: hospitalStays { totalCount } } } }',
      { representations: [{}, {}] },
      [
        ['_entities', 0, 'hospitalReports'],
        ['_entities', 0, 'r'],
        ['_entities', 1, 'hospitalReports'],
        ['_entities', 1, 'r'],
      ],
    ],
    ['no query at all', '', undefined, [[]]],
  ])('%s', (_label, query, variables, expected) => {
    expect(paths(query, variables)).toEqual(expected);
    for (const error of outageOf(query, variables)) expect(error.extensions.code).toBe('SERVICE_UNAVAILABLE');
  });
});
