import 'reflect-metadata';
import { readConfig } from '../runtime/config';
import { startPlatform } from '../gateway/platform';
import type { Decision, PatientAccessFacts } from '../policy/decide';
import type { Actor } from '../runtime/actor';

/**
 * The graph for a benchmark, with the policy on or off (`--policy off`): off, the registry allows every
 * actor every document and no field rule is applied. Prints "ready <url>" when it listens.
 */
const allowEverything = (actor: Actor, facts: PatientAccessFacts): Decision => ({
  allowed: true,
  rule: 'benchmark.policy-off',
  grant: { ins: facts.ins, actorId: actor.id, mode: 'normal', matrixProfession: null, hiddenLabels: [], maskedVisible: true, authorId: null, rule: 'benchmark.policy-off', maskedDocumentIds: [] },
});

async function main() {
  const off = process.argv.includes('off');
  const platform = await startPlatform(readConfig(), {
    gatewayPort: 0,
    ephemeralSubgraphPorts: true,
    benchmarkWithoutPolicy: off ? { decide: allowEverything } : undefined,
  });
  console.log(`ready ${platform.gatewayUrl}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, async () => { await platform.stop(); process.exit(0); });
}

void main();
