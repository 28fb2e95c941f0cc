import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig, type RuntimeConfig } from '../runtime/config';
import { projectPath } from '../domain/paths';
import type { SqlStore } from '../runtime/store/sql-store';
import { openAuditStore } from '../audit/audit-store';
import { createTraceWriter } from '../audit/trace-writer';
import { traceHash, type AccessTrace } from '../audit/trace';
import { toTrace, type TraceRow } from '../audit/trace-repo';
import { verifyChain, type ChainHead } from '../audit/verify-chain';
import { TEST_STORE } from './support/test-graph';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const trace = (i: number): AccessTrace => ({
  at: new Date(Date.UTC(2026, 10, 23, 10, 0, i)),
  requestId: `req-${i}`,
  operationName: null,
  actorId: 'ps:30000000004',
  actorKind: 'professional',
  actorProfession: '21',
  actorSpecialty: null,
  patientIns: '284077511612365',
  source: 'hospital',
  mode: 'normal',
  action: 'read',
  touched: [`doc-${i}`],
  outcome: 'allowed',
  rule: 'professional.authorised',
  justification: null,
  vouchedBy: null,
});

/** A chain of ten traces in an audit store of its own. */
async function freshChain(): Promise<{
  store: SqlStore;
  config: RuntimeConfig;
  head: ChainHead;
  cleanup: () => Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dmp-audit-'));
  const database: TestDatabase | null = TEST_STORE === 'postgres' ? await createTestDatabase() : null;
  const config: RuntimeConfig = { ...readConfig({}), dataDir, databaseUrl: database?.url ?? null };
  const store = await openAuditStore(config);
  const writer = createTraceWriter(store);
  await Promise.all(Array.from({ length: 10 }, (_, i) => writer.write([trace(i + 1)])));
  const report = await verifyChain(store);
  return {
    store,
    config,
    head: report.head,
    cleanup: async () => {
      await store.close().catch(() => undefined);
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const asAdministrator = async (store: SqlStore, ...statements: string[]) => {
  await store.query('ALTER TABLE access_trace DISABLE TRIGGER access_trace_append_only');
  for (const statement of statements) await store.query(statement);
  await store.query('ALTER TABLE access_trace ENABLE TRIGGER access_trace_append_only');
};

describe('the access-trace chain shows every kind of tampering', () => {
  it('is intact as written: ten records, batched by group commit, each linked to the one before', async () => {
    const chain = await freshChain();
    try {
      const report = await verifyChain(chain.store, chain.head);
      expect(report).toMatchObject({ records: 10, problem: null, head: { seq: 10 } });
    } finally {
      await chain.cleanup();
    }
  });

  it('refuses updates and deletes outright (append-only)', async () => {
    const chain = await freshChain();
    try {
      await expect(chain.store.query(`UPDATE access_trace SET outcome = 'denied' WHERE seq = 2`)).rejects.toThrow(
        /append-only/,
      );
      await expect(chain.store.query('DELETE FROM access_trace WHERE seq = 2')).rejects.toThrow(/append-only/);
    } finally {
      await chain.cleanup();
    }
  });

  it.each<[string, (store: SqlStore, head: ChainHead) => Promise<void>, boolean, { seq: number; kind: string }]>([
    [
      'a record edited',
      (s) => asAdministrator(s, `UPDATE access_trace SET touched = '{nothing-to-see}' WHERE seq = 4`),
      false,
      { seq: 4, kind: 'edited' },
    ],
    [
      'an actor replaced',
      (s) => asAdministrator(s, `UPDATE access_trace SET actor_id = 'ps:someone-else' WHERE seq = 7`),
      false,
      { seq: 7, kind: 'edited' },
    ],
    [
      'a record deleted',
      (s) => asAdministrator(s, 'DELETE FROM access_trace WHERE seq = 6'),
      false,
      { seq: 6, kind: 'deleted' },
    ],
    [
      'two records swapped',
      (s) =>
        asAdministrator(
          s,
          'UPDATE access_trace SET seq = 1000 WHERE seq = 3',
          'UPDATE access_trace SET seq = 3 WHERE seq = 4',
          'UPDATE access_trace SET seq = 4 WHERE seq = 1000',
        ),
      false,
      { seq: 3, kind: 'reordered' },
    ],
    [
      'the last records removed',
      (s) => asAdministrator(s, 'DELETE FROM access_trace WHERE seq > 8'),
      false,
      { seq: 9, kind: 'truncated' },
    ],
    [
      'the last records removed and the head rewritten to match',
      async (s) => {
        await asAdministrator(s, 'DELETE FROM access_trace WHERE seq > 8');
        await s.query(
          `UPDATE trace_head SET seq = 8, hash = (SELECT hash FROM access_trace WHERE seq = 8) WHERE id = 1`,
        );
      },
      true,
      { seq: 9, kind: 'truncated' },
    ],
    [
      'a record edited and every hash after it recomputed',
      async (s) => {
        const rows = (await s.query<TraceRow>('SELECT * FROM access_trace WHERE seq >= 5 ORDER BY seq')).map(toTrace);
        let prev = (await s.query<{ hash: string }>('SELECT hash FROM access_trace WHERE seq = 4'))[0].hash;
        await s.query('ALTER TABLE access_trace DISABLE TRIGGER access_trace_append_only');
        for (const stored of rows) {
          const seq = stored.seq;
          // As the chain stores it (the patient by pseudonym), with one link's content changed.
          const forged = { ...stored, touched: Number(seq) === 5 ? ['forged'] : stored.touched };
          const hash = traceHash(prev, Number(seq), forged);
          await s.query('UPDATE access_trace SET touched = $2, prev_hash = $3, hash = $4 WHERE seq = $1', [
            Number(seq),
            forged.touched,
            prev,
            hash,
          ]);
          prev = hash;
        }
        await s.query('ALTER TABLE access_trace ENABLE TRIGGER access_trace_append_only');
        await s.query('UPDATE trace_head SET hash = $1 WHERE id = 1', [prev]);
      },
      true,
      { seq: 10, kind: 'edited' },
    ],
  ])('%s', async (_case, tamper, needsKeptHead, expected) => {
    const chain = await freshChain();
    try {
      await tamper(chain.store, chain.head);
      const report = await verifyChain(chain.store, chain.head);
      expect(report.problem).toMatchObject(expected);
      if (needsKeptHead) {
        // Without a head kept outside the database, a rewrite that consistent cannot be told apart.
        expect((await verifyChain(chain.store)).problem).toBeNull();
      }
    } finally {
      await chain.cleanup();
    }
  });

  it('npm run audit:verify exits 1 and names the first broken record', async () => {
    const chain = await freshChain();
    try {
      await asAdministrator(chain.store, `UPDATE access_trace SET outcome = 'denied' WHERE seq = 5`);
      await chain.store.close();
      let status = 0;
      let stderr = '';
      try {
        execFileSync(process.execPath, [projectPath('dist', 'scripts', 'audit-verify.js')], {
          env: { ...process.env, DATA_DIR: chain.config.dataDir, DATABASE_URL: chain.config.databaseUrl ?? '' },
          stdio: 'pipe',
        });
      } catch (error) {
        status = (error as { status: number }).status;
        stderr = String((error as { stderr: Buffer }).stderr);
      }
      expect(status).toBe(1);
      expect(stderr).toContain('access-trace chain BROKEN at record 5 (edited)');
    } finally {
      await chain.cleanup();
    }
  });
});
