import 'reflect-metadata';
import { configOrExit } from '../runtime/config';
import { openStores } from './platform';
import { fail, parseArgs } from './cli';
import { refuseBesideEmbeddedServer } from './embedded-server';
import { isEmpty, seedStores } from './seed-stores';

/** npm run seed -- --patients N [--seed S] [--force]: fills the configured stores with generated data. */
async function main() {
  const args = parseArgs({ patients: 'string', seed: 'string', force: 'boolean' });
  const patients = args.number('patients', 1000);
  const seed = args.number('seed', 20261123);
  const config = configOrExit();
  refuseBesideEmbeddedServer(config, 'seed');
  const stores = await openStores(config);
  try {
    if (!(await isEmpty(stores)) && !args.flags.has('force'))
      fail('the stores already hold patients: seed an empty store, or pass --force to add more');
    const started = Date.now();
    const loaded = await seedStores(stores, { patients, seed, today: config.clock.now() });
    console.log(
      `seeded ${loaded} patients (+ demo personas) into ${config.databaseUrl ? 'PostgreSQL' : `PGlite at ${config.dataDir}`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await Promise.all(Object.values(stores).map((s) => s.close()));
  }
}

main().catch((error) => fail(`seed failed: ${(error as Error).message}`));
