import { createHash } from 'node:crypto';
import type { Actor } from '../domain/actor';

/**
 * Bearer tokens this gateway has already verified, remembered by their SHA-256 digest until they expire, so that a
 * client's next request costs a hash instead of a signature check and a claim-by-claim reading of the actor.
 * Only a token that passed every check is remembered; the token itself is never kept, only its digest. Expiry is
 * judged on the machine's time, as jose judges it (docs/time.md, "What is not on the clock"). A token verified
 * under a key the identity provider then withdraws stays accepted until its own end, which the gateway caps
 * (`maxTokenSeconds`): tokens are not revocable before their end in any case.
 */
export class VerifiedTokens {
  private readonly byDigest = new Map<string, { actor: Actor; expiresAtMs: number }>();

  constructor(
    /** The most tokens remembered; the oldest remembered goes first. */
    private readonly capacity = 10_000,
    private readonly machineNowMs: () => number = Date.now,
  ) {}

  /** The actor a token proved, if it was verified here and has not expired since. */
  actorOf(token: string): Actor | undefined {
    const key = digest(token);
    const known = this.byDigest.get(key);
    if (!known) return undefined;
    if (this.machineNowMs() >= known.expiresAtMs) {
      this.byDigest.delete(key);
      return undefined;
    }
    return known.actor;
  }

  /** Remembers a token that passed every check, until `exp` (seconds since the epoch). */
  remember(token: string, actor: Actor, exp: number): void {
    const key = digest(token);
    this.byDigest.delete(key);
    if (this.byDigest.size >= this.capacity) this.byDigest.delete(this.byDigest.keys().next().value!);
    this.byDigest.set(key, { actor, expiresAtMs: exp * 1000 });
  }

  get size(): number {
    return this.byDigest.size;
  }
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');
