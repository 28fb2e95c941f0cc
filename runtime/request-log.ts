import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { logger as processLogger } from './logger';
import { operationLabel } from './metrics';
import { clientCode, scrub } from './error-masking';

type Log = Pick<typeof processLogger, 'error' | 'info'>;

/**
 * One line per request (server: the gateway or a subgraph, beside the process's `service`; request id,
 * operation name, outcome, error codes, duration) and, for every error the client sees masked, the original,
 * scrubbed: both found by the request id across the gateway and the subgraphs. The gateway's line also names
 * the client's own x-request-id (correlationId), to join the client's logs. No variable, document or answer is
 * logged.
 */
export function requestLogPlugin<Ctx extends BaseContext & { requestId?: string; correlationId?: string }>(
  service: string,
  log: Log = processLogger,
): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      const codes: string[] = [];
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = clientCode(error.extensions?.code);
            codes.push(code);
            if (code !== 'INTERNAL_SERVER_ERROR') continue;
            const original = error.originalError ?? error;
            log.error(
              {
                server: service,
                requestId: contextValue?.requestId,
                path: error.path,
                err: { name: original.name, message: scrub(original.message), stack: scrub(original.stack ?? '') },
              },
              'unexpected error',
            );
          }
        },
        async willSendResponse({ contextValue, operationName }) {
          log.info(
            {
              server: service,
              requestId: contextValue?.requestId,
              ...(contextValue?.correlationId ? { correlationId: contextValue.correlationId } : {}),
              operation: operationLabel(operationName),
              outcome: codes.length > 0 ? 'error' : 'ok',
              ...(codes.length > 0 ? { codes: [...new Set(codes)] } : {}),
              ms: Number(process.hrtime.bigint() - started) / 1e6,
            },
            'request',
          );
        },
      };
    },
  };
}
