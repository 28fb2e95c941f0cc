import 'reflect-metadata';
import { configOrExit } from '../runtime/config';
import { startPlatform } from '../scripts/platform';
import type { Decision, PatientAccessFacts } from '../policy/decide';
import type { Actor } from '../domain/actor';

/**
 * The graph for a benchmark: `off` lets the registry allow every actor every document and applies no field
 * rule (its grants name the médecin traitant's rule, the widest there is); `untraced` writes no access trace. Prints "ready <url>" when it listens.
 */
const allowEverything = (actor: Actor, facts: PatientAccessFacts): Decision => ({
  allowed: true,
  rule: 'professional.medecin-traitant',
  grant: {
    ins: facts.ins,
    actorId: actor.id,
    mode: 'normal',
    matrixProfession: null,
    hiddenLabels: [],
    maskedVisible: true,
    authorId: null,
    rule: 'professional.medecin-traitant',
    maskedDocumentIds: [],
  },
});

async function main() {
  const off = process.argv.includes('off');
  const untraced = process.argv.includes('untraced');
  const platform = await startPlatform(configOrExit(), {
    gatewayPort: 0,
    ephemeralSubgraphPorts: true,
    benchmarkWithoutPolicy: off ? { decide: allowEverything } : undefined,
    benchmarkTraceWriter: untraced ? { write: async () => undefined } : undefined,
  });
  console.log(`ready ${platform.gatewayUrl}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.once(signal, async () => {
      await platform.stop();
      process.exit(0);
    });
}

void main();
