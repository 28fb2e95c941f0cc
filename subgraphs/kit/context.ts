import type { KeyLike } from 'jose';
import type { SourceName } from '../../domain/sources';
import type { Clock } from '../../domain/clock';
import type { RequestContext } from '../../runtime/context';
import type { SqlStore } from '../../runtime/store/sql-store';
import type { HabilitationMatrix } from '../../policy/matrix';
import type { TraceWriter } from '../../audit/trace-writer';
import type { UploadScanner } from '../../runtime/upload-scanner';

/** A subgraph is a source of the DMP (domain/sources.ts). */
export type SubgraphName = SourceName;

/** Counts bris de glace declarations per professional in a sliding window, in Redis shared by every instance. */
export interface EmergencyWatch {
  redis: import('ioredis').default;
  /** More declarations than this in the window flags the professional. @default 5 */
  limit: number;
  /** @default 1440 (a day) */
  windowMinutes: number;
}

/**
 * The registry's per-regulator budget of identity searches (subgraphs/patient/search-rate-limit.ts): Redis shared
 * by every instance when it answers, and this process's own counts, which decide, stricter, when it does not.
 */
export interface SearchRateLimit {
  redis: import('ioredis').default | null;
  /** The shared budget per clock minute (policy/trait-search-rate.json). */
  perMinute: number;
  /** The stricter budget counted in this process, applied when Redis does not answer or is not configured. */
  localPerMinute: number;
  /** Searches this process counted, per actor id, in their latest minute. */
  local: Map<string, { minute: number; count: number }>;
}

/** What every subgraph's resolvers receive as `ctx.deps`. */
export interface SubgraphDeps {
  store: SqlStore;
  /** The one clock (config.clock): each request reads it once into `ctx.now`. */
  clock: Clock;
  matrix: HabilitationMatrix;
  /** The registry signs access grants with `sign`; every source verifies them with `verify`. */
  grantKeys: { verify: KeyLike; sign?: KeyLike };
  /**
   * Replaces policy/decide.ts in the registry. Only bench/ sets it, to measure what the policy costs; no
   * configuration or environment variable reaches it.
   */
  decideOverride?: typeof import('../../policy/decide').decide;
  /** How long a bris de glace grant lasts (config.emergencyGrantMinutes). */
  emergencyGrantMinutes: number;
  /** Counts bris de glace declarations per professional (needs Redis); absent: no watch. */
  emergencyWatch?: EmergencyWatch;
  /** The registry's identity-search budget; absent elsewhere (and a search without it is refused). */
  searchRate?: SearchRateLimit;
  /** The audit store (audit/) and its group-commit writer, shared by every subgraph. */
  audit: { store: SqlStore; writer: TraceWriter };
  /** Where the other subgraphs answer, for calls within a request (write permits, purges). Filled once all listen. */
  peers: Record<SubgraphName, string>;
  /** This subgraph's name and the secret it shares with each peer: it signs its own calls (runtime/credential.ts). */
  calls: { as: SubgraphName; keys: Partial<Record<SubgraphName, KeyLike>> };
  /** The scanning port every file passes before it is kept (config.uploadScanner; runtime/upload-scanner.ts). */
  scanner: UploadScanner;
}

export type SubgraphContext = RequestContext<SubgraphDeps>;
