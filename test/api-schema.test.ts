import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { Supergraph } from '@apollo/federation-internals';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
} from 'graphql';
import { projectPath } from '../domain/paths';
import { unannouncedBreakingChanges } from '../scripts/compose';
import { SCALARS } from '../schema/codegen';

const api = readFileSync(projectPath('schema', 'api.graphql'), 'utf8');
const supergraph = readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8');

/** Every field the supergraph marks @inaccessible: internal, for the graph's own processes. */
function inaccessibleFields(): string[] {
  const schema = Supergraph.build(supergraph).schema;
  return [...schema.types()].flatMap((type) =>
    'fields' in type && typeof type.fields === 'function'
      ? type
          .fields()
          .filter((f) => f.appliedDirectivesOf('inaccessible').length > 0)
          .map((f) => `${type.name}.${f.name}`)
      : [],
  );
}

describe('the client schema (schema/api.graphql)', () => {
  it('holds no internal field and no federation machinery', () => {
    const schema = buildSchema(api);
    const internal = inaccessibleFields();
    expect(internal).toEqual(expect.arrayContaining(['Query.writePermit', 'Mutation.purgePatient']));
    const present = internal.filter((name) => {
      const [type, field] = name.split('.');
      const t = schema.getType(type);
      return (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) && field in t.getFields();
    });
    expect(present).toEqual([]);
    expect(api).not.toMatch(/join__|link__|_entities|_service|_Any|@inaccessible|@shareable|@key/);
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const schema = buildSchema(api);
    const undescribed: string[] = [];
    const check = (coordinate: string, description: string | null | undefined) => {
      if (!description?.trim()) undescribed.push(coordinate);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type))
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
        }
      if (isInputObjectType(type))
        for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
      if (isEnumType(type))
        for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
    expect(undescribed).toEqual([]);
  });

  it('holds every mutation but the listed legacy ones to one input argument and a Payload result', () => {
    const legacy: string[] = JSON.parse(readFileSync(projectPath('schema', 'legacy-mutations.json'), 'utf8')).mutations;
    const mutations = Object.values(buildSchema(api).getMutationType()!.getFields());
    const follows = (m: (typeof mutations)[number]) =>
      m.args.length === 1 && m.args[0].name === 'input' && /Payload$/.test(String(m.type).replace(/[![\]]/g, ''));
    expect(mutations.filter((m) => !follows(m) && !legacy.includes(m.name)).map((m) => m.name)).toEqual([]);
    // The list only shrinks: a mutation moved to the convention, or removed, leaves it.
    const names = new Set(mutations.map((m) => m.name));
    expect(legacy.filter((name) => !names.has(name) || follows(mutations.find((m) => m.name === name)!))).toEqual([]);
  });

  it('names every enum value in SCREAMING_CASE, but for deprecated ones that name their SCREAMING twin', () => {
    const schema = buildSchema(api);
    const values = Object.values(schema.getTypeMap())
      .filter(isEnumType)
      .filter((t) => !t.name.startsWith('__'))
      .flatMap((t) => t.getValues().map((v) => ({ type: t.name, name: v.name, deprecated: v.deprecationReason })));
    const SCREAMING = /^[A-Z][A-Z0-9_]*$/;
    expect(values.filter((v) => !SCREAMING.test(v.name) && !v.deprecated)).toEqual([]);
    const legacy = values.filter((v) => !SCREAMING.test(v.name));
    for (const v of legacy) {
      expect(v.deprecated).toBe(`Use ${v.name.toUpperCase()}.`);
      expect(values).toContainEqual({ type: v.type, name: v.name.toUpperCase(), deprecated: undefined });
    }
    // What schema/CHANGELOG.md announces, and no more.
    expect([...new Set(legacy.map((v) => v.type))].sort()).toEqual(['AccessMode', 'DocumentSource']);
  });

  it('gives codegen a real type for every scalar, and no internal field to type', () => {
    const schema = buildSchema(api);
    const custom = Object.values(schema.getTypeMap())
      .filter(
        (t) =>
          t.constructor.name === 'GraphQLScalarType' && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name),
      )
      .map((t) => t.name)
      .sort();
    expect(custom).toEqual(Object.keys(SCALARS).sort());
    // The command a front end runs, as it runs it (the CLI loads schema/codegen.ts itself).
    const run = spawnSync(
      process.execPath,
      [projectPath('node_modules', '.bin', 'graphql-codegen'), '--config', 'schema/codegen.ts'],
      { cwd: projectPath(), encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const output = readFileSync(projectPath('generated', 'dmp-schema.ts'), 'utf8');
    expect(output).toContain('DateTime: { input: string; output: string; }');
    expect(output).not.toMatch(/: unknown\b|<unknown>|writePermit|purgePatient|accessGrant/);
  }, 60_000);

  it('a breaking change is refused until schema/CHANGELOG.md announces it', () => {
    const before = 'type Query { patient: Patient, count: Int }\ntype Patient { ins: String, age: Int }';
    const after = 'type Query { patient: Patient, count: Int }\ntype Patient { ins: String }';
    const added = 'type Query { patient: Patient, count: Int }\ntype Patient { ins: String, age: Int, sex: String }';
    expect(unannouncedBreakingChanges(before, added, '')).toEqual([]);
    expect(unannouncedBreakingChanges(before, after, '')).toEqual(['Patient.age was removed.']);
    expect(
      unannouncedBreakingChanges(before, after, '- 2027-01-15: Patient.age was removed. (deprecated since 2026-12-01)'),
    ).toEqual([]);
  });
});
