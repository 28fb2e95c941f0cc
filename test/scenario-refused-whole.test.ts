import { execFileSync } from 'node:child_process';
import { systemClock } from '../domain/clock';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../scripts/scenario/load';
import { ScenarioError, validateScenario } from '../scripts/scenario/validate';
import { demoScenario } from '../scripts/generate/personas';
import { projectPath } from '../domain/paths';
import { scenarioFile, startTestGraph, type TestGraph } from './support/test-graph';

const TABLES = {
  patient: ['patient', 'professional', 'care_relation', 'account', 'legal_representative', 'insurance_beneficiary'],
  hospital: ['hospital_report'],
  oncology: ['dcc_record'],
  pharmacy: ['dispensation'],
  reimbursement: ['care_line'],
  'personal-space': ['personal_document', 'allergy', 'antecedent', 'vaccination', 'emergency_contact', 'profile'],
} as const;

describe('a malformed scenario file is refused whole, each problem named by its path and rule', () => {
  const problems = validateScenario(scenarioFile('malformed.json'), systemClock.now());

  it.each([
    ['professionals[1].profession', 'must be one of'],
    ['patients[0].ins', 'the control key does not match'],
    ['accounts[0].beneficiaries[0].identity.sex', 'must be one of F, M'],
    ['accounts[0].beneficiaries[1].ins', 'is stated twice'],
    ['accounts[0].beneficiaries[1].identity.birthDate', 'is in the future'],
    ['accounts[0].beneficiaries[2].ins', 'the control key does not match'],
    ['accounts[1].beneficiaries', 'only a representative account has persons on its cover'],
    ['patients[1].identity.sex', 'must be one of F, M'],
    ['patients[1].identity.birthDate', 'is not a calendar date'],
    ['patients[1].hospitalReports[0].typeCode', 'REMB does not belong in hospitalReports'],
    ['patients[1].hospitalReports[1].visibility', 'not both masked (MASQUE_PS) and invisible to the patient'],
    ['patients[1].hospitalReports[2].author.rpps', 'must be the RPPS of a professional stated in this scenario'],
    ['patients[1].hospitalReports[2].effectiveAt', 'must be an ISO 8601 instant'],
    ['patients[1].dispensations[0].cip13', 'must be a CIP13 code'],
    ['patients[1].dispensations[0].quantity', 'must be a whole number ≥ 1'],
    ['patients[1].dispensations[0].author.rpps', 'recorded by a pharmacist'],
  ])('%s: %s', (path, rule) => {
    expect(problems).toContainEqual({ path, rule: expect.stringContaining(rule) });
  });

  it('finds nothing wrong with the demo scenario', () => {
    expect(validateScenario(demoScenario(), systemClock.now())).toEqual([]);
  });

  it('names a date whose month does not exist, rather than failing on it', () => {
    const scenario = demoScenario();
    scenario.patients![0].identity.birthDate = '1984-13-45';
    expect(validateScenario(scenario, systemClock.now())).toContainEqual({
      path: 'patients[0].identity.birthDate',
      rule: 'is not a calendar date',
    });
  });

  describe('through the loader', () => {
    let graph: TestGraph;
    beforeAll(async () => {
      graph = await startTestGraph();
    });
    afterAll(() => graph?.stop());

    it('writes nothing into any store', async () => {
      await expect(
        loadScenario(graph.stores, scenarioFile('malformed.json'), { now: graph.config.clock.now() }),
      ).rejects.toThrow(ScenarioError);
      for (const [subgraph, tables] of Object.entries(TABLES)) {
        for (const table of tables) {
          const [row] = await graph.stores[subgraph as keyof typeof TABLES].query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${table}`,
          );
          expect({ table, rows: row.n }).toEqual({ table, rows: 0 });
        }
      }
    });
  });

  it('npm run load exits non-zero and prints the paths', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dmp-load-'));
    let output = '';
    let status = 0;
    try {
      execFileSync(
        'node',
        [projectPath('dist', 'scripts', 'load.js'), projectPath('test', 'scenarios', 'malformed.json')],
        { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: 'pipe' },
      );
    } catch (error) {
      status = (error as { status: number }).status;
      output = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(output).toContain('scenario refused, nothing loaded');
    expect(output).toContain('patients[1].dispensations[0].cip13: must be a CIP13 code');
  });
});
