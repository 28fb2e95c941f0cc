import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { configOrExit } from '../runtime/config';
import { openAuditStore } from '../audit/audit-store';
import { verifyChain, type ChainHead } from '../audit/verify-chain';
import { fail, parseArgs } from './cli';
import { refuseBesideEmbeddedServer } from './embedded-server';

/**
 * npm run audit:verify [-- --export-head head.json] [-- --expect-head head.json]
 * Checks the access-trace chain of the configured store; exits 1 naming the first broken record.
 */
async function main() {
  const args = parseArgs({ 'expect-head': 'string', 'export-head': 'string' });
  const expectPath = args.flags.get('expect-head');
  const exportPath = args.flags.get('export-head');
  let kept: ChainHead | undefined;
  if (typeof expectPath === 'string') {
    try {
      kept = JSON.parse(readFileSync(expectPath, 'utf8')) as ChainHead;
    } catch (error) {
      fail(`${expectPath}: not a head file (${(error as Error).message})`);
    }
  }
  const config = configOrExit();
  refuseBesideEmbeddedServer(config, 'audit:verify');
  const store = await openAuditStore(config);
  try {
    const report = await verifyChain(store, kept);
    if (report.problem) {
      console.error(
        `access-trace chain BROKEN at record ${report.problem.seq} (${report.problem.kind}): ${report.problem.message}`,
      );
      console.error(`${report.records} records verified before it`);
      process.exitCode = 1;
      return;
    }
    console.log(`access-trace chain intact: ${report.records} records, head ${report.head.seq} ${report.head.hash}`);
    if (typeof exportPath === 'string') {
      writeFileSync(
        exportPath,
        JSON.stringify({ ...report.head, exportedAt: new Date().toISOString() }, null, 2) + '\n',
      );
      console.log(`head written to ${exportPath}: keep it somewhere the database's administrators cannot write`);
    }
  } finally {
    await store.close();
  }
}

main().catch((error) => fail(`audit:verify failed: ${(error as Error).message}`));
