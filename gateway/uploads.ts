import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { KeyLike } from 'jose';
import type { Actor } from '../domain/actor';
import type { SourceName } from '../domain/sources';
import { UPLOAD_LIMITS, UPLOAD_PATH } from '../domain/uploads';
import { ACTOR_HEADER, signCallCredential } from '../runtime/credential';
import { DEADLINE_HEADER } from '../runtime/deadline';
import type { BodyRoute, Page } from '../runtime/http-server';
import { logger } from '../runtime/logger';
import { authenticate, type AuthOptions } from './authenticate';

/** The source that keeps uploads: the patient's personal space (domain/uploads.json). */
export const UPLOAD_SOURCE: SourceName = 'personal-space';
/** Five MiB cross one more hop than a GraphQL fetch: the bytes get longer than a field's deadline. */
const UPLOAD_TIMEOUT_MS = 30_000;

const json = (status: number, body: unknown, requestId: string): Page => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
  headers: { 'x-request-id': requestId },
});
const refusal = (status: number, code: string, message: string, requestId: string) =>
  json(status, { errors: [{ message, extensions: { code } }] }, requestId);

/**
 * `PUT /uploads/<ticket>`: the bytes of a file a ticket announced (subgraphs/personal-space/uploads.ts). The
 * same bearer authentication as /graphql; at most UPLOAD_LIMITS.maxBytes on this route only (/graphql keeps
 * its 1 MiB). The gateway reads no ticket and no file: it forwards the bytes over HTTP to the personal space
 * with a credential of its own for this call (runtime/credential.ts: that subgraph, this body, once, 5 s),
 * which checks that the ticket is this actor's, and the bytes, and answers. The answer comes back as it is.
 */
export function uploadRoute(options: {
  auth: AuthOptions;
  /** The secret the gateway shares with the personal space. */
  callKey: KeyLike;
  subgraphUrls: Record<SourceName, string>;
}): BodyRoute<{ actor: Actor; requestId: string }> {
  const target = options.subgraphUrls[UPLOAD_SOURCE].replace(/\/graphql$/, '');
  return {
    prefix: UPLOAD_PATH,
    method: 'PUT',
    maxBodyBytes: UPLOAD_LIMITS.maxBytes,
    // The bearer token is judged before the body is read: 5 MiB are read only for an authenticated actor.
    admit: async (req: IncomingMessage) => {
      const requestId = randomUUID();
      try {
        return { admitted: { actor: await authenticate(req.headers.authorization, options.auth), requestId } };
      } catch (error) {
        if (error instanceof GraphQLError)
          return { refused: refusal(401, 'UNAUTHENTICATED', error.message, requestId) };
        throw error;
      }
    },
    handle: async (_req: IncomingMessage, url: URL, body: Buffer, { actor, requestId }) => {
      const credential = await signCallCredential(options.callKey, 'gateway', {
        actor,
        requestId,
        audience: UPLOAD_SOURCE,
        body,
      });
      let response: Response;
      try {
        response = await fetch(`${target}${url.pathname}`, {
          method: 'PUT',
          body,
          headers: {
            'content-type': 'application/octet-stream',
            [ACTOR_HEADER]: credential,
            [DEADLINE_HEADER]: String(UPLOAD_TIMEOUT_MS),
          },
          signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
        });
      } catch {
        return refusal(503, 'SERVICE_UNAVAILABLE', 'The personal space did not answer; nothing was kept', requestId);
      }
      const answer = await response.json().catch(() => null);
      if (answer === null || typeof answer !== 'object') {
        logger.warn({ requestId, status: response.status }, 'upload answer is not JSON');
        return refusal(503, 'SERVICE_UNAVAILABLE', 'The personal space did not answer; nothing was kept', requestId);
      }
      // The subgraph refusing the gateway's own credential is an outage, not the caller's fault.
      if (response.status === 401)
        return refusal(503, 'SERVICE_UNAVAILABLE', 'The personal space did not answer; nothing was kept', requestId);
      return json(response.status, answer, requestId);
    },
  };
}
