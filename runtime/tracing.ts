import { context, propagation, trace, SpanKind, SpanStatusCode, type Context } from '@opentelemetry/api';
import { NodeTracerProvider, BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * OpenTelemetry traces across the gateway and the subgraphs, propagated with W3C `traceparent`. Off unless a
 * process starts it (OTEL_EXPORTER_OTLP_ENDPOINT): the API is then a no-op and costs nothing.
 *
 * Spans carry names, operation names, services, statuses and codes: never a document, a variable, an
 * identifier or a token. (Apollo's gateway adds its own plan/fetch spans, without the document by default.)
 */
const tracer = () => trace.getTracer('dmp-graph');

/** Registers the process's tracer provider, exporting to `exporter` (tests) or to the OTLP endpoint. */
export function startTracing(
  serviceName: string,
  target: { otlpEndpoint: string } | { exporter: SpanExporter },
): { stop: () => Promise<void> } {
  const exporter =
    'exporter' in target
      ? target.exporter
      : new OTLPTraceExporter({ url: `${target.otlpEndpoint.replace(/\/$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({ resource: new Resource({ 'service.name': serviceName }) });
  provider.addSpanProcessor(
    new BatchSpanProcessor(exporter, { scheduledDelayMillis: 'exporter' in target ? 10 : 2000 }),
  );
  provider.register();
  return { stop: () => provider.shutdown() };
}

/** Runs `fn` inside a server span for one incoming request, child of the caller's `traceparent` if any. */
export async function inServerSpan<T>(
  service: string,
  headers: IncomingHttpHeaders,
  fn: (span: { status: (code: number) => void }) => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(context.active(), headers);
  const span = tracer().startSpan(
    `${service} POST /graphql`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'dmp.service': service, 'http.request.method': 'POST', 'url.path': '/graphql' },
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () =>
      fn({
        status: (code) => {
          span.setAttribute('http.response.status_code', code);
          if (code >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        },
      }),
    );
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** Adds the active span's `traceparent` to outgoing headers (gateway → subgraph, subgraph → subgraph). */
export function injectTraceContext(set: (name: string, value: string) => void, from: Context = context.active()): void {
  propagation.inject(from, {}, { set: (_carrier, name, value) => set(name, value) });
}

/** Names the operation on the request's span (bounded label from runtime/metrics). */
export function nameOperation(operation: string): void {
  trace.getActiveSpan()?.setAttribute('graphql.operation.name', operation);
}
