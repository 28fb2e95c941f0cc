import { GraphQLError } from 'graphql';
import { errorLogPlugin, maskError, scrub } from './error-masking';

describe('unexpected errors are logged without the values they quote', () => {
  it.each([
    ['invalid input syntax for type timestamp with time zone: "now-900d"', 'invalid input syntax for type timestamp with time zone: "…"'],
    ['duplicate key value violates unique constraint "patient_pkey" Key (ins)=(284077511612365) already exists', 'duplicate key value violates unique constraint "…" Key (…)=(…) already exists'],
  ])('%s', (message, logged) => {
    expect(scrub(message)).toBe(logged);
    expect(scrub(message)).not.toMatch(/284077511612365|now-900d/);
  });
});

describe('masking', () => {
  it('keeps a coded error, and masks anything else to INTERNAL_SERVER_ERROR', () => {
    expect(maskError({ message: 'ins: bad key', extensions: { code: 'BAD_USER_INPUT', field: 'ins', stacktrace: ['x'] } }, null))
      .toEqual({ message: 'ins: bad key', extensions: { code: 'BAD_USER_INPUT', field: 'ins' } });
    expect(maskError({ message: 'connect ECONNREFUSED 10.0.0.7:5432', path: ['patient'], extensions: { code: 'WHATEVER' } }, null))
      .toEqual({ message: 'Internal server error', path: ['patient'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('logs the original of a masked error with the request id, scrubbed; coded errors are not logged', async () => {
    const logged: unknown[] = [];
    const plugin = errorLogPlugin('hospital', { error: (entry: unknown) => { logged.push(entry); } } as never);
    const hooks = await plugin.requestDidStart!({} as never);
    const internal = new GraphQLError('boom', { path: ['patient', 'hospitalReports'], originalError: new Error('duplicate key (ins)=(284077511612365)') });
    const coded = new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
    await (hooks as any).didEncounterErrors({ errors: [internal, coded], contextValue: { requestId: 'req-12345678' } });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ service: 'hospital', requestId: 'req-12345678', path: ['patient', 'hospitalReports'], err: { message: 'duplicate key (…)=(…)' } });
    expect(JSON.stringify(logged)).not.toContain('284077511612365');
  });
});
