import type { Actor } from '../runtime/actor';

export interface GatewayContext {
  actor: Actor;
  requestId: string;
  /** The signed actor credential, made once per request and shared by its subgraph fetches. */
  credential?: Promise<string>;
}
