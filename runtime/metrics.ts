import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { nameOperation } from './tracing';
import { clientCode } from './error-masking';

/**
 * The process's Prometheus metrics. One registry per process: in the embedded default the gateway and the
 * six subgraphs share a process and one /metrics; deployed, each process has its own. Labels are bounded
 * (service, operation names from a capped set, error codes, rules): no patient, actor or variable ever
 * becomes a label.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'dmp_process_' });

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const metrics = {
  operations: new Counter({
    name: 'dmp_graphql_operations_total',
    help: 'GraphQL operations answered, by service, operation name and outcome',
    labelNames: ['service', 'operation', 'outcome'],
    registers: [metricsRegistry],
  }),
  operationSeconds: new Histogram({
    name: 'dmp_graphql_operation_duration_seconds',
    help: 'Time to answer a GraphQL operation, by service and operation name',
    labelNames: ['service', 'operation'],
    buckets: LATENCY_BUCKETS,
    registers: [metricsRegistry],
  }),
  errors: new Counter({
    name: 'dmp_graphql_errors_total',
    help: 'Errors in answers, by service and the code the client sees (FORBIDDEN: a field refused)',
    labelNames: ['service', 'code'],
    registers: [metricsRegistry],
  }),
  subgraphFetchSeconds: new Histogram({
    name: 'dmp_subgraph_fetch_duration_seconds',
    help: 'Gateway fetches to each subgraph, by outcome (ok, error, unavailable)',
    labelNames: ['subgraph', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [metricsRegistry],
  }),
  callRefusals: new Counter({
    name: 'dmp_call_credential_refusals_total',
    help: 'Calls a subgraph refused with 401 (no credential, bad signature, another audience, another body, a replay)',
    labelNames: ['service', 'reason'],
    registers: [metricsRegistry],
  }),
  denials: new Counter({
    name: 'dmp_access_denials_total',
    help: 'Accesses refused and traced, by source and the rule that refused',
    labelNames: ['source', 'rule'],
    registers: [metricsRegistry],
  }),
  traceWrites: new Counter({
    name: 'dmp_trace_writes_total',
    help: 'Access traces committed to the audit chain, or failed (the answer was then withheld)',
    labelNames: ['result'],
    registers: [metricsRegistry],
  }),
  traceBatchSeconds: new Histogram({
    name: 'dmp_trace_batch_duration_seconds',
    help: 'Time to commit one group of traces',
    buckets: LATENCY_BUCKETS,
    registers: [metricsRegistry],
  }),
};

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names kept as labels; past that, "other": a client must not grow the series without bound. */
const MAX_OPERATIONS = 200;
const seenOperations = new Set<string>();

export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATIONS) return 'other';
  seenOperations.add(name);
  return name;
}

/** Counts and times every operation of one Apollo server, and its errors by the code the client sees. */
export function metricsPlugin<Ctx extends BaseContext>(service: string): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let failed = false;
      return {
        async didEncounterErrors({ errors }) {
          failed = true;
          for (const error of errors) metrics.errors.inc({ service, code: clientCode(error.extensions?.code) });
        },
        async willSendResponse({ operationName, response }) {
          const operation = operationLabel(operationName);
          nameOperation(operation);
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const outcome = failed || (body?.errors?.length ?? 0) > 0 ? 'error' : 'ok';
          metrics.operations.inc({ service, operation, outcome });
          metrics.operationSeconds.observe({ service, operation }, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
