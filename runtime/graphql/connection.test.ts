import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageSize, type CursorScope } from './connection';

describe('cursors and page sizes', () => {
  const DOCS: CursorScope = { list: 'hospital_report', args: ['284077511612365', {}], id: 'text' };
  const TRACES: CursorScope = { list: 'accessTraces', args: ['284077511612365', {}], id: 'serial' };
  const raw = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  const digestOf = (scope: CursorScope) =>
    JSON.parse(Buffer.from(encodeCursor({ at: AT, id: '1' }, scope), 'base64url').toString())[0];
  const AT = '2026-11-01T10:00:00.000Z';

  it('round-trips a position within its list', () => {
    const position = { at: AT, id: 'hosp-1' };
    expect(decodeCursor(encodeCursor(position, DOCS), DOCS)).toEqual(position);
    expect(decodeCursor(encodeCursor({ at: AT, id: '42' }, TRACES), TRACES)).toEqual({ at: AT, id: '42' });
  });
  it.each<[string, () => string, CursorScope]>([
    ['empty', () => '', DOCS],
    ['not base64 JSON', () => 'garbage', DOCS],
    ['an object', () => raw({ a: 1 }), DOCS],
    ["the former shape (no list's digest)", () => raw([AT, 'hosp-1']), DOCS],
    ['a date that is not one', () => raw([digestOf(DOCS), 'not a date', 'x']), DOCS],
    ['30 February', () => raw([digestOf(DOCS), '2026-02-30T10:00:00.000Z', 'hosp-1']), DOCS],
    ['an instant in another format', () => raw([digestOf(DOCS), '2026-11-01 10:00:00', 'hosp-1']), DOCS],
    ['"x" for a trace number', () => raw([digestOf(TRACES), AT, 'x']), TRACES],
    ['a NUL in an id', () => raw([digestOf(DOCS), AT, 'hosp-\u0000']), DOCS],
    ['a number for the instant', () => raw([digestOf(DOCS), 1, 'hosp-1']), DOCS],
    ['a cursor of another list', () => encodeCursor({ at: AT, id: '7' }, TRACES), { ...TRACES, list: 'notifications' }],
    [
      'a cursor for another patient',
      () => encodeCursor({ at: AT, id: 'hosp-1' }, DOCS),
      { ...DOCS, args: ['115036912304567', {}] },
    ],
    [
      'a cursor for another filter',
      () => encodeCursor({ at: AT, id: 'hosp-1' }, DOCS),
      { ...DOCS, args: ['284077511612365', { typeCodes: ['11490-0'] }] },
    ],
    ['a cursor over 512 characters', () => 'a'.repeat(600), DOCS],
  ])('refuses %s with BAD_USER_INPUT naming after', (_label, cursor, scope) => {
    let error: unknown;
    try {
      decodeCursor(cursor(), scope);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
  it.each([
    [undefined, 20],
    [null, 20],
    [1, 1],
    [100, 100],
  ])('first: %p gives %p', (first, size) => expect(pageSize(first)).toBe(size));
  it.each([0, -1, 101, 2.5])('first: %p is refused', (first) =>
    expect(() => pageSize(first)).toThrow('must be between 1 and 100'),
  );
});
