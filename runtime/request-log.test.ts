import { GraphQLError } from 'graphql';
import { requestLogPlugin } from './request-log';

describe('request log', () => {
  it('logs the original of a masked error with the request id, scrubbed, and one line per request without data', async () => {
    const errors: any[] = [];
    const lines: any[] = [];
    const plugin = requestLogPlugin('hospital', {
      error: (entry: unknown) => {
        errors.push(entry);
      },
      info: (entry: unknown) => {
        lines.push(entry);
      },
    } as never);
    const hooks: any = await plugin.requestDidStart!({} as never);
    const internal = new GraphQLError('boom', {
      path: ['patient', 'hospitalReports'],
      originalError: new Error('duplicate key (ins)=(284077511612365)'),
    });
    const coded = new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } });
    const contextValue = { requestId: 'req-12345678' };
    await hooks.didEncounterErrors({ errors: [internal, coded], contextValue });
    await hooks.willSendResponse({
      contextValue,
      operationName: 'PatientRecord',
      request: { variables: { ins: '284077511612365' } },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      server: 'hospital',
      requestId: 'req-12345678',
      path: ['patient', 'hospitalReports'],
      err: { message: 'duplicate key (…)=(…)' },
    });
    expect(lines).toEqual([
      {
        server: 'hospital',
        requestId: 'req-12345678',
        operation: 'PatientRecord',
        outcome: 'error',
        codes: ['INTERNAL_SERVER_ERROR', 'FORBIDDEN'],
        ms: expect.any(Number),
      },
    ]);
    expect(JSON.stringify([errors, lines])).not.toContain('284077511612365');
  });
});
