import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DOCUMENT_SOURCE_NAMES, SOURCES, type SourceName } from '../domain/sources';
import { projectPath, projectRoot } from '../domain/paths';
import { envName } from '../runtime/config';
import { SUBGRAPHS } from '../subgraphs';
import { loadDepositRules } from '../policy/deposit';

/**
 * ARCHITECTURE.md, "Add a source": a source is a row of domain/sources.ts and a folder under subgraphs/, and
 * what else must name it (its definition, its deposit rules, its ingester, its service) is checked here against
 * the row, so a seventh row that misses a step fails with the step's name. And no product module lists the
 * sources again: the lists follow the row.
 */
const read = (...path: string[]) => readFileSync(projectPath(...path), 'utf8');
const compose = read('docker-compose.yml');
const supergraph = read('schema', 'supergraph.graphql');
const depositRules = loadDepositRules();

describe.each(SOURCES.map((s) => [s.name, s] as const))('the source %s follows its row', (name, row) => {
  it('has its folder: schema.ts (builds), main.ts (listens) and its migrations', () => {
    for (const file of ['schema.ts', 'main.ts']) expect(existsSync(projectPath('subgraphs', name, file))).toBe(true);
    const migrations = readdirSync(projectPath('subgraphs', name, 'migrations'));
    expect(migrations.filter((f) => f.endsWith('.sql')).length).toBeGreaterThan(0);
  });

  it("has its definition in subgraphs/index.ts, on its row's port, migrating from its own folder", () => {
    const definition = SUBGRAPHS.find((d) => d.name === name);
    expect(definition?.port).toBe(row.port);
    expect(relative(projectRoot, definition!.migrationsDir)).toBe(join('subgraphs', name, 'migrations'));
  });

  it('has deposit rules in policy/deposit-rules.json exactly when it holds documents', () => {
    expect(name in depositRules.sources).toBe(row.documents !== null);
  });

  it('has its scenario ingester', () => {
    expect(existsSync(projectPath('scripts', 'scenario', 'ingest', `${name}.ts`))).toBe(true);
  });

  it('has its service in docker-compose.yml, its URL in the shared environment, and the gateway waits for it', () => {
    expect(compose).toContain(`\n  ${name}:\n`);
    expect(compose).toContain(`command: ['node', 'dist/subgraphs/${name}/main.js']`);
    expect(compose).toContain(`SUBGRAPH_${envName(name)}_URL: http://${name}:${row.port}/graphql`);
    expect(compose).toMatch(new RegExp(`depends_on:(\\n {6}\\S+: \\{ condition: service_healthy \\})*\\n {6}${name}:`));
  });

  it('is in the checked-in supergraph on its port', () => {
    expect(supergraph).toContain(`@join__graph(name: "${name}", url: "http://127.0.0.1:${row.port}/graphql")`);
  });
});

describe('no product module lists the sources again', () => {
  it('the deposit rules name no source the table does not hold', () => {
    expect(Object.keys(depositRules.sources).sort()).toEqual([...DOCUMENT_SOURCE_NAMES].sort());
  });

  // A module naming every document source as a literal has written the list again: it should read the table.
  const THE_TABLE = new Set(['domain/sources.ts', 'subgraphs/index.ts']);
  const productFiles = (dir: string): string[] =>
    readdirSync(projectPath(dir)).flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(projectPath(path)).isDirectory()) return productFiles(path);
      return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
    });
  const files = ['domain', 'policy', 'runtime', 'audit', 'gateway', 'subgraphs'].flatMap(productFiles);

  it.each(files.filter((f) => !THE_TABLE.has(f)).map((f) => [f]))('%s', (file) => {
    const text = read(file);
    const named = DOCUMENT_SOURCE_NAMES.filter((n: SourceName) => text.includes(`'${n}'`) || text.includes(`"${n}"`));
    expect(named.length).toBeLessThan(DOCUMENT_SOURCE_NAMES.length);
  });
});
