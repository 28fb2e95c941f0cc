import { generate } from '../../scripts/generate/generate';
import { systemClock } from '../../domain/clock';
import { indexOf, type Scenario, type ScenarioIndex } from '../../scripts/scenario/scenario';
import { resolveRelativeDates } from '../../scripts/scenario/relative-dates';
import { progress } from '../../scripts/cli';
import type { SqlExecutor, SqlStore } from '../../runtime/store/sql-store';

/**
 * Feeds one store with generated patients in steps: `loadUpTo(n)` adds chunks until n patients are in, so a
 * benchmark measures at 100,000, then goes on to 1,000,000 without reloading.
 */
export function generatedLoader(
  store: SqlStore,
  ingest: (tx: SqlExecutor, scenario: Scenario, index: ScenarioIndex, now: Date) => Promise<void>,
  options: {
    label: string;
    patients: number;
    seed: number;
    documentsPerSource?: number;
    onChunk?: (chunk: Scenario) => void;
  },
) {
  const chunks = generate({
    patients: options.patients,
    seed: options.seed,
    chunkSize: 5000,
    documentsPerSource: options.documentsPerSource,
    today: systemClock.now(),
  });
  const bar = progress(options.label, options.patients);
  let known = indexOf({ version: 1 });
  let loaded = 0;
  return {
    async loadUpTo(size: number): Promise<void> {
      while (loaded < size) {
        const next = chunks.next();
        if (next.done) break;
        const now = systemClock.now();
        const chunk = resolveRelativeDates(next.value, now);
        known = indexOf(chunk, known);
        await store.transaction((tx) => ingest(tx, chunk, known, now));
        options.onChunk?.(chunk);
        loaded += chunk.professionals ? 0 : chunk.patients!.length;
        bar.update(loaded);
      }
    },
  };
}
