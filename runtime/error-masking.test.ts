import { maskError, scrub } from './error-masking';

describe('unexpected errors are logged without the values they quote', () => {
  it.each([
    [
      'invalid input syntax for type timestamp with time zone: "now-900d"',
      'invalid input syntax for type timestamp with time zone: "…"',
    ],
    [
      'duplicate key value violates unique constraint "patient_pkey" Key (ins)=(284077511612365) already exists',
      'duplicate key value violates unique constraint "…" Key (…)=(…) already exists',
    ],
  ])('%s', (message, logged) => {
    expect(scrub(message)).toBe(logged);
    expect(scrub(message)).not.toMatch(/284077511612365|now-900d/);
  });
});

describe('masking', () => {
  it('keeps a coded error, and masks anything else to INTERNAL_SERVER_ERROR', () => {
    expect(
      maskError(
        { message: 'ins: bad key', extensions: { code: 'BAD_USER_INPUT', field: 'ins', stacktrace: ['x'] } },
        null,
      ),
    ).toEqual({ message: 'ins: bad key', extensions: { code: 'BAD_USER_INPUT', field: 'ins' } });
    expect(
      maskError(
        { message: 'connect ECONNREFUSED 10.0.0.7:5432', path: ['patient'], extensions: { code: 'WHATEVER' } },
        null,
      ),
    ).toEqual({ message: 'Internal server error', path: ['patient'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
