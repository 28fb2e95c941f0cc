import { parse, type OperationDefinitionNode } from 'graphql';
import { isAnalyticsOnly } from './deadline';

const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

describe('which requests get the analytics deadline', () => {
  it.each([
    ['{ analytics { patients(measure: PATIENTS, groupBy: [YEAR]) { suppressedCells } } }', true],
    [
      'query Dash { __typename analytics { dispensations(measure: EVENTS, groupBy: [ATC3]) { suppressedCells } } }',
      true,
    ],
    ['{ __typename }', false],
    ['{ analytics { id } patient(ins: "284077511612365") { ins } }', false],
    ['{ a: patient(ins: "284077511612365") { ins } }', false],
    ['mutation { setSecondaryUseConsent(ins: "284077511612365", consent: false) { ins } }', false],
  ])('%s → %s', (source, expected) => expect(isAnalyticsOnly(operation(source))).toBe(expected));
});
