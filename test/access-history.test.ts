import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gql } from 'graphql-request';
import { projectPath } from '../domain/paths';
import { TRACE_ACTIONS } from '../domain/trace-actions';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

/**
 * An access history a person can read (issue 18, item 9): each entry names the person, their profession and
 * establishment in words, files the access under a kind and says it in a sentence; the history filters by kind.
 */
const ADULT = '284077511612365';
const HISTORY = gql`
  query ($ins: String!, $kinds: [AccessKind!]) {
    patient(ins: $ins) {
      accessTraces(first: 100, filter: { kinds: $kinds }) {
        nodes {
          actorId
          actorName
          actorProfessionLabel
          actorEstablishment
          outcome
          kind
          description
        }
      }
    }
  }
`;

/** Every action literal the product code traces (`action: '…'`) and the controls and changes it traces by name. */
function tracedActions(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/action: '([a-z0-9-]+)'/g)) found.add(m[1]);
        for (const m of text.matchAll(/'((?:read|dismiss)-notifications|deposit(?:-[a-z]+)?)'/g)) found.add(m[1]);
      }
    }
  };
  for (const dir of ['audit', 'subgraphs']) walk(projectPath(dir));
  for (const file of ['policy/controls.ts', 'policy/lifecycle.ts']) {
    const text = readFileSync(projectPath(file), 'utf8');
    const union = /export type (?:PatientControl|LifecycleChange) =([^;]+);/.exec(text)![1];
    for (const m of union.matchAll(/'([a-z-]+)'/g)) found.add(m[1]);
  }
  return [...found].sort();
}

describe('an access history a person can read', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph(scenarioFile('visibility.json'));
    const read = `query ($ins: String!) { patient(ins: $ins) { identity { firstName } } }`;
    for (const actor of ['ps:30000000001', 'samu:13', 'ps:30000000006'])
      await (
        await graph.as(actor)
      )(read, { ins: ADULT });
  });
  afterAll(() => graph?.stop());

  const history = async (kinds: string[] | null = null) => {
    const { data, errors } = await (await graph.as(`patient:${ADULT}`))(HISTORY, { ins: ADULT, kinds });
    expect(errors).toBeUndefined();
    return data.patient.accessTraces.nodes as Record<string, string | null>[];
  };

  it('every action the code traces is described (domain/trace-actions.json)', () => {
    const missing = tracedActions().filter((action) => !TRACE_ACTIONS.actions[action]);
    expect(missing).toEqual([]);
  });

  it('names who, in words, and says what they did', async () => {
    const nodes = await history();
    const doctor = nodes.find((n) => n.actorId === 'ps:30000000001');
    expect(doctor).toMatchObject({ kind: 'CONSULTATION', description: 'Consultation du dossier' });
    expect(doctor?.actorName).toMatch(/\S+ \S+/);
    expect(doctor?.actorProfessionLabel).toBe('Médecin');
    expect(nodes.find((n) => n.actorId === 'samu:13')).toMatchObject({
      kind: 'EMERGENCY',
      description: 'Consultation par le centre 15 (SAMU)',
    });
    expect(nodes.find((n) => n.actorId === 'ps:30000000006')).toMatchObject({
      outcome: 'denied',
      description: 'Accès refusé : consultation du dossier',
    });
  });

  it('filters by kind', async () => {
    const emergency = await history(['EMERGENCY']);
    expect(emergency.length).toBeGreaterThan(0);
    expect(emergency.every((n) => n.kind === 'EMERGENCY')).toBe(true);
    const consultations = await history(['CONSULTATION']);
    expect(consultations.every((n) => n.kind === 'CONSULTATION')).toBe(true);
    expect(consultations.map((n) => n.actorId)).toContain('ps:30000000001');
    expect(consultations.map((n) => n.actorId)).not.toContain('samu:13');
  });
});
