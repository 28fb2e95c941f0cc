import type { RuntimeConfig } from '../runtime/config';
import { openStore } from '../runtime/store/open-store';
import { projectPath } from '../domain/paths';
import type { SqlStore } from '../runtime/store/sql-store';

/**
 * The access traces' own store, owned by the shared policy library (not by any subgraph): schema `audit` on
 * PostgreSQL (or the server in AUDIT_DATABASE_URL), an embedded PGlite cluster otherwise.
 */
export function openAuditStore(config: RuntimeConfig, options: { whenUp?: boolean } = {}): Promise<SqlStore> {
  return openStore(config, 'audit', projectPath('audit', 'migrations'), options);
}
