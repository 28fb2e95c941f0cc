import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { projectRoot } from '../domain/paths';

/**
 * The import rule of ARCHITECTURE.md, checked over the import graph of the product code:
 * - the vocabulary (domain/, schema/) knows nothing else;
 * - the policy knows only the vocabulary; the plumbing (runtime/) too;
 * - the audit subsystem meets the policy and the plumbing; the shared source kit (subgraphs/kit/) meets all three;
 * - each source (subgraphs/<name>/) uses the kit and nothing of another source;
 * - the gateway knows the plumbing and the vocabulary, never a subgraph or the policy;
 * - scripts/, bench/, test/ and every *.test.ts may import anything.
 * And no file cycle among the product's modules.
 */
type Layer =
  'domain' | 'schema' | 'policy' | 'runtime' | 'audit' | 'kit' | 'source' | 'sources-index' | 'gateway' | 'free';

const MAY_IMPORT: Record<Exclude<Layer, 'free'>, readonly Layer[]> = {
  domain: ['domain'],
  schema: ['schema'],
  policy: ['policy', 'domain'],
  runtime: ['runtime', 'domain', 'schema'],
  audit: ['audit', 'policy', 'runtime', 'domain'],
  kit: ['kit', 'audit', 'policy', 'runtime', 'domain', 'schema'],
  source: ['source', 'kit', 'audit', 'policy', 'runtime', 'domain', 'schema'],
  'sources-index': ['source', 'kit', 'domain'],
  gateway: ['gateway', 'runtime', 'domain', 'schema'],
};

export function layerOf(file: string): Layer {
  if (file.endsWith('.test.ts') || /^(scripts|bench|test)\//.test(file)) return 'free';
  if (file.startsWith('subgraphs/kit/')) return 'kit';
  if (file === 'subgraphs/index.ts') return 'sources-index';
  const [top] = file.split('/');
  if (top === 'subgraphs') return 'source';
  if (['domain', 'schema', 'policy', 'runtime', 'audit', 'gateway'].includes(top)) return top as Layer;
  throw new Error(`${file}: no layer; ARCHITECTURE.md names every top-level folder`);
}

const sourceOf = (file: string) =>
  file.startsWith('subgraphs/') && !file.startsWith('subgraphs/kit/') ? file.split('/')[1] : null;

function tsFiles(dir: string): string[] {
  return readdirSync(join(projectRoot, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(projectRoot, path)).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

export function importGraph(roots: readonly string[]): Map<string, string[]> {
  const files = roots.flatMap(tsFiles);
  const known = new Set([...files, ...['scripts', 'bench', 'test'].flatMap(tsFiles)]);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(join(projectRoot, file), 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3];
      const base = normalize(join(dirname(file), spec));
      const target = [`${base}.ts`, join(base, 'index.ts'), base].find(
        (candidate) => known.has(candidate) || candidate.endsWith('.json'),
      );
      if (target && !target.endsWith('.json')) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

export function wrongWayImports(graph: Map<string, string[]>): string[] {
  const wrong: string[] = [];
  for (const [file, targets] of graph) {
    const layer = layerOf(file);
    if (layer === 'free') continue;
    for (const target of targets) {
      const to = layerOf(target);
      const allowed =
        to !== 'free' &&
        MAY_IMPORT[layer].includes(to) &&
        !(layer === 'source' && to === 'source' && sourceOf(file) !== sourceOf(target));
      if (!allowed) wrong.push(`${file} → ${target}`);
    }
  }
  return wrong.sort();
}

export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (layerOf(next) === 'free') continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (layerOf(file) !== 'free' && !state.has(file)) visit(file);
  return found;
}

const PRODUCT = ['domain', 'schema', 'policy', 'runtime', 'audit', 'subgraphs', 'gateway'];

describe('the tree imports one way (ARCHITECTURE.md)', () => {
  const graph = importGraph(PRODUCT);

  it('finds every product module', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect([...graph.keys()].map((f) => relative('.', f))).toContain('policy/decide.ts');
  });

  it('has no import against the rule', () => {
    expect(wrongWayImports(graph)).toEqual([]);
  });

  it('has no file cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['the policy importing the plumbing', 'policy/decide.ts', 'runtime/logger.ts'],
    ['the plumbing importing the policy', 'runtime/errors.ts', 'policy/matrix.ts'],
    ['the vocabulary importing the policy', 'domain/ins.ts', 'policy/decide.ts'],
    ['the gateway importing a subgraph', 'gateway/gateway.ts', 'subgraphs/patient/schema.ts'],
    ['the gateway importing the policy', 'gateway/gateway.ts', 'policy/matrix.ts'],
    ['a source importing another source', 'subgraphs/hospital/schema.ts', 'subgraphs/pharmacy/dispensation.repo.ts'],
    ['the kit importing a source', 'subgraphs/kit/subgraph.ts', 'subgraphs/patient/patient.repo.ts'],
    ['product code importing a script', 'subgraphs/kit/assemble.ts', 'scripts/cli.ts'],
  ])('refuses %s', (_label, from, to) => {
    const wrong = new Map(graph);
    wrong.set(from, [...(graph.get(from) ?? []), to]);
    expect(wrongWayImports(wrong)).toContain(`${from} → ${to}`);
  });

  it('the reference front ends import nothing of the graph (examples/ knows it over HTTP only)', () => {
    const files = tsFiles('examples');
    expect(files).toContain('examples/patient/main.ts');
    const outside = files.flatMap((file) =>
      [...readFileSync(join(projectRoot, file), 'utf8').matchAll(IMPORT)]
        .map((m) => m[1] ?? m[2] ?? m[3])
        .filter((spec) => !normalize(join(dirname(file), spec)).startsWith('examples/'))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('finds a cycle made on purpose', () => {
    const looped = new Map(graph);
    looped.set('domain/codes.ts', [...(graph.get('domain/codes.ts') ?? []), 'domain/ins.ts']);
    looped.set('domain/ins.ts', [...(graph.get('domain/ins.ts') ?? []), 'domain/codes.ts']);
    expect(cycles(looped).length).toBeGreaterThan(0);
  });
});
