import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { GrantRule } from './rules';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildASTSchema, parse, isObjectType, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { projectPath } from '../domain/paths';
import { SUBGRAPHS } from '../subgraphs';
import { subgraphSdl } from '../subgraphs/kit/subgraph';
import type { Actor } from '../domain/actor';
import type { AccessGrant } from './grant';
import { assertEveryFieldRuled, FieldRulesError, loadFieldRules, roleAdmits, schemaFields } from './field-rules';
import { applyFieldPolicy } from '../subgraphs/kit/enforce/field-policy';
import { loadMatrix } from './matrix';

const rules = loadFieldRules();

describe('default deny: every field of the graph is classified in policy/field-rules.json', () => {
  it('covers every field of the composed supergraph', () => {
    const sdl = readFileSync(projectPath('schema', 'supergraph.graphql'), 'utf8');
    // The supergraph's own join__/link__ machinery is not part of the API.
    const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
    const apiFields = schemaFields(schema).filter((f) => !/^(join__|link__)/.test(f));
    expect(apiFields.length).toBeGreaterThan(150);
    expect(apiFields.filter((f) => !(f in rules.fields))).toEqual([]);
  });

  it.each(SUBGRAPHS.map((d) => [d.name, d] as const))(
    'covers every field of the %s subgraph, _entities and _service included',
    (_name, definition) => {
      const schema = buildSubgraphSchema({ typeDefs: parse(subgraphSdl(definition)) });
      expect(() => assertEveryFieldRuled(schema, rules, definition.name)).not.toThrow();
      expect(schemaFields(schema)).toEqual(expect.arrayContaining(['Query._entities', 'Query._service']));
    },
  );

  it('names no field that exists nowhere (a stale rule would hide a renamed field)', () => {
    const all = new Set(
      SUBGRAPHS.flatMap((d) => schemaFields(buildSubgraphSchema({ typeDefs: parse(subgraphSdl(d)) }))),
    );
    expect(Object.keys(rules.fields).filter((f) => !all.has(f))).toEqual([]);
  });

  it('refuses a role that names a rule decide() never allows under (a typo would silently deny)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'field-rules-'));
    const file = join(dir, 'field-rules.json');
    const typo = {
      ...rules,
      roles: {
        ...rules.roles,
        recordAdministrators: {
          ...rules.roles.recordAdministrators,
          grantRules: ['patient.self', 'professional.medecin-traitent'],
        },
      },
    };
    writeFileSync(file, JSON.stringify(typo));
    expect(() => loadFieldRules(file)).toThrow(
      'role recordAdministrators names professional.medecin-traitent, not a rule decide() allows under',
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to build a subgraph with a field nobody classified', () => {
    const { [`Patient.careLines`]: _removed, ...fields } = rules.fields;
    const reimbursement = SUBGRAPHS.find((d) => d.name === 'reimbursement')!;
    const schema: GraphQLSchema = buildSubgraphSchema({ typeDefs: parse(subgraphSdl(reimbursement)) });
    expect(() => applyFieldPolicy(schema, 'reimbursement', loadMatrix(), { ...rules, fields })).toThrow(
      FieldRulesError,
    );
    expect(() => applyFieldPolicy(schema, 'reimbursement', loadMatrix(), { ...rules, fields })).toThrow(
      'no rule in policy/field-rules.json for Patient.careLines',
    );
  });

  it('guards only fields that are nullable, so a denial nulls the field and not its parent', () => {
    for (const definition of SUBGRAPHS) {
      const schema = buildSubgraphSchema({ typeDefs: parse(subgraphSdl(definition)) });
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isObjectType(type) || type.name === 'Query') continue;
        for (const [name, field] of Object.entries(type.getFields())) {
          const rule = rules.fields[`${type.name}.${name}`];
          if (rule && rule !== 'inherit')
            expect({ field: `${type.name}.${name}`, nullable: !String(field.type).endsWith('!') }).toEqual({
              field: `${type.name}.${name}`,
              nullable: true,
            });
        }
      }
    }
  });
});

describe('roles admit by actor kind, grant rule or profession', () => {
  const grant = (rule: GrantRule): AccessGrant => ({
    ins: '284077511612365' as never,
    actorId: 'x',
    mode: 'normal',
    matrixProfession: null,
    hiddenLabels: [],
    maskedVisible: false,
    authorId: null,
    rule,
  });
  const pharmacist: Actor = {
    kind: 'professional',
    id: 'ps:1',
    rpps: '1',
    profession: '21' as never,
    specialty: null,
    finess: null,
  };
  const podiatrist: Actor = { ...pharmacist, profession: '80' as never };
  const doctor: Actor = { ...pharmacist, profession: '10' as never };
  const patient: Actor = { kind: 'patient', id: 'patient:1', ins: '284077511612365' as never };
  const insurer: Actor = { kind: 'forbidden_organisation', id: 'org:1', organisation: 'insurer' };
  const analyst: Actor = { kind: 'analyst', id: 'analyst:1' };

  it.each<[string, Actor, GrantRule | null, boolean]>([
    ['amountsReaders', patient, 'patient.self', true],
    ['amountsReaders', doctor, 'professional.medecin-traitant', false],
    ['recordAdministrators', doctor, 'professional.medecin-traitant', true],
    ['recordAdministrators', pharmacist, 'professional.authorised', false],
    ['diagnosisReaders', doctor, 'professional.authorised', true],
    ['diagnosisReaders', pharmacist, 'professional.authorised', false],
    ['diagnosisReaders', doctor, null, false],
    ['prescriberReaders', pharmacist, 'professional.authorised', true],
    ['prescriberReaders', podiatrist, 'professional.authorised', false],
    ['personReaders', insurer, null, false],
    ['personReaders', analyst, null, false],
    ['personReaders', patient, null, true],
    ['registryGrant', doctor, null, false],
    ['registryGrant', podiatrist, 'professional.authorised', true],
  ])('%s admits %j under %s: %s', (role, actor, rule, expected) => {
    expect(roleAdmits(rules.roles[role], actor, rule ? grant(rule) : null)).toBe(expected);
  });
});
