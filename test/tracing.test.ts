import http from 'node:http';
import https from 'node:https';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '../runtime/tracing';
import { startTestGraph, type TestGraph } from './support/test-graph';
import { DEMO, DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';

const QUERY = `query TracedRecord($ins: String!) { patient(ins: $ins) { identity { firstName } hospitalReports { totalCount } dispensations { totalCount } } }`;
const CLIENT_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';

describe('OpenTelemetry: one trace across the gateway and the subgraphs', () => {
  let graph: TestGraph;
  let tracing: { stop: () => Promise<void> };
  const exporter = new InMemorySpanExporter();
  const outbound: string[] = [];
  beforeAll(async () => {
    // Every outgoing connection the process opens (Node's fetch goes elsewhere; these catch SDK exporters and probes).
    for (const module of [http, https]) {
      for (const method of ['request', 'get'] as const) {
        const original = module[method];
        jest.spyOn(module, method).mockImplementation(((...args: any[]) => {
          const target = args[0];
          outbound.push(
            typeof target === 'string'
              ? target
              : target instanceof URL
                ? target.href
                : String(target?.hostname ?? target?.host ?? ''),
          );
          return (original as any).apply(module, args);
        }) as never);
      }
    }
    tracing = startTracing('dmp-graph-test', { exporter });
    graph = await startTestGraph(demoScenario());
  });
  afterAll(async () => {
    await graph?.stop();
    await tracing?.stop();
    jest.restoreAllMocks();
  });

  const spansOf = async (traceId: string): Promise<ReadableSpan[]> => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    return exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
  };

  it("continues the client's trace: gateway span, its fetches, and each subgraph's span under its fetch", async () => {
    const token = await graph.token(`ps:${DEMO.doctor}`);
    const response = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01`,
      },
      body: JSON.stringify({ query: QUERY, variables: { ins: DEMO_PATIENT_INS } }),
    });
    expect(((await response.json()) as any).errors).toBeUndefined();
    const spans = await spansOf(CLIENT_TRACE);
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const gateway = spans.find((s) => s.name === 'gateway POST /graphql')!;
    expect(gateway.parentSpanId).toBe(CLIENT_SPAN);
    expect(gateway.attributes['graphql.operation.name']).toBe('TracedRecord');
    expect(gateway.attributes['http.response.status_code']).toBe(200);
    for (const subgraph of ['patient', 'hospital', 'pharmacy']) {
      const server = spans.find((s) => s.name === `${subgraph} POST /graphql`);
      expect(server).toBeDefined();
      // Its parent is a span of the gateway's (Apollo's fetch span), itself within the gateway's request span.
      let ancestor = byId.get(server!.parentSpanId!);
      expect(ancestor).toBeDefined();
      while (ancestor && ancestor !== gateway) ancestor = byId.get(ancestor.parentSpanId!);
      expect(ancestor).toBe(gateway);
    }
  });

  it('puts no identifier, variable, document or token in any span', async () => {
    const token = await graph.token(`ps:${DEMO.doctor}`);
    const traceId = 'aaf92f3577b34da6a3ce929d0e0e4736';
    await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        traceparent: `00-${traceId}-${CLIENT_SPAN}-01`,
      },
      body: JSON.stringify({ query: QUERY, variables: { ins: DEMO_PATIENT_INS } }),
    });
    const spans = await spansOf(traceId);
    expect(spans.length).toBeGreaterThan(3);
    const text = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })));
    for (const secret of [DEMO_PATIENT_INS, token.slice(0, 20), 'Hélène', 'hospitalReports'])
      expect(text).not.toContain(secret);
  });

  it('calls out to no one: no Apollo telemetry, no cloud metadata probe', () => {
    expect(outbound.filter((target) => !/^(https?:\/\/)?(127\.0\.0\.1|localhost)?([:/]|$)/.test(target))).toEqual([]);
  });
});
