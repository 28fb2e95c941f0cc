import { createServer, type Server } from 'node:http';
import { createSecretKey, randomBytes } from 'node:crypto';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { DEADLINE_HEADER, remainingMs } from '../runtime/deadline';
import { signedDataSource } from './signed-data-source';
import type { GatewayContext } from './context';

describe("a request's one deadline", () => {
  it.each<[number | undefined, number, number, number]>([
    [undefined, 5000, 1000, 5000],
    [2000, 5000, 1000, 1000],
    [2000, 5000, 2000, 0],
    [2000, 5000, 2600, 0],
  ])('due at %p (fallback %p), at %p: %p ms left', (deadlineAt, fallback, now, left) =>
    expect(remainingMs(deadlineAt, fallback, now)).toBe(left),
  );

  describe('across chained fetches', () => {
    const servers: Server[] = [];
    /** The deadline each server was given, as its request's header said. */
    const given: number[] = [];
    const serve = async (delayMs: number | null) => {
      const server = createServer((req, res) => {
        given.push(Number(req.headers[DEADLINE_HEADER]));
        if (delayMs === null) return; // hung: never answers
        setTimeout(() => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: { __typename: 'Query' } }));
        }, delayMs);
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      return `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
    };
    afterAll(() => servers.forEach((s) => (s.closeAllConnections(), s.close())));

    it('a slow first fetch leaves the second only what is left: the request ends by its deadline, not twice it', async () => {
      const callKey = createSecretKey(randomBytes(32));
      const TIMEOUT = 1000;
      const registry = signedDataSource({
        name: 'patient',
        url: await serve(600),
        callKey,
        timeoutMs: TIMEOUT,
      });
      const hung = signedDataSource({
        name: 'hospital',
        url: await serve(null),
        callKey,
        timeoutMs: TIMEOUT,
      });
      const started = Date.now();
      const context: GatewayContext = {
        actor: { kind: 'operator', id: 'ops:test' },
        requestId: 'chained-deadline-1',
        deadlineAt: started + TIMEOUT,
      };
      const fetchFrom = (source: typeof registry) =>
        source.process({
          kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
          request: { query: '{ patient { ins } }' },
          context,
          incomingRequestContext: {} as never,
        });
      const first = await fetchFrom(registry);
      expect(first.data).toEqual({ __typename: 'Query' });
      const second = await fetchFrom(hung);
      expect(second.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      // The second is given what the first left: at most 1000 - 600 ms, however slow the machine (time only
      // passes), where a deadline per fetch gave it the whole 1000 again. The same figure arms its abort
      // (signed-data-source.ts), so the request ends by its deadline, not twice it. Asserted on the figure
      // given, not on the wall clock, so that a loaded machine cannot fail it.
      expect(given[0]).toBeLessThanOrEqual(TIMEOUT);
      // Nothing left at all (a very slow machine), and the second is not even sent: that holds the deadline too.
      expect(given[1] ?? 0).toBeLessThanOrEqual(TIMEOUT - 600);
    });
  });
});
