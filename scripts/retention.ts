import 'reflect-metadata';
import { refuseBesideEmbeddedServer } from './embedded-server';
import { configOrExit } from '../runtime/config';
import { openAuditStore } from '../audit/audit-store';
import { createTraceWriter } from '../audit/trace-writer';
import { openStore } from '../runtime/store/open-store';
import { SUBGRAPHS } from '../subgraphs';
import { retentionJob, runRetention } from '../subgraphs/kit/retention/retention-job';

/**
 * npm run retention: each source deletes now what is past its retention window (docs/time.md), as its serving
 * process does at start and every RETENTION_INTERVAL_MS; each run is traced (`retention`, counts only).
 * On the embedded store, stop `npm start` first: an embedded cluster has one process at a time.
 */
async function main() {
  const config = configOrExit();
  refuseBesideEmbeddedServer(config, 'retention');
  const auditStore = await openAuditStore(config);
  const writer = createTraceWriter(auditStore);
  try {
    for (const definition of SUBGRAPHS.filter((d) => (d.retention ?? []).length > 0)) {
      const store = await openStore(config, definition.name, definition.migrationsDir);
      try {
        const counts = await runRetention(retentionJob(definition, { store, clock: config.clock, writer }));
        for (const { table, deleted } of counts) console.log(`${definition.name}: ${table}: ${deleted} deleted`);
      } finally {
        await store.close();
      }
    }
  } finally {
    await auditStore.close();
  }
}

main().catch((error: Error) => {
  console.error(`retention failed: ${error.message}`);
  process.exit(1);
});
