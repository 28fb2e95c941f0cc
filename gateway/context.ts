import type { Actor } from '../domain/actor';

export interface GatewayContext {
  actor: Actor;
  requestId: string;
  /** The signed actor credential, made once per request and shared by its subgraph fetches. */
  credential?: Promise<string>;
  /** How long each subgraph fetch of this request may take (gateway/deadline.ts). */
  deadlineMs?: number;
}
