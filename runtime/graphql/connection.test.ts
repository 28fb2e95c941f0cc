import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageSize } from './connection';

describe('cursors and page sizes', () => {
  it('round-trips a position', () => {
    const position = { at: '2026-11-01T10:00:00.000Z', id: 'hosp-1' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });
  it.each([
    '',
    'garbage',
    Buffer.from('["not a date","x"]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('refuses the cursor %j with BAD_USER_INPUT', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(GraphQLError);
    try {
      decodeCursor(cursor);
    } catch (error) {
      expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    }
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
