import type { Actor } from '../domain/actor';
import type { PatientAccessFacts } from './decide';
import { BASE_FACTS, PRINCIPALS } from '../test/support/principals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDepositRules, mayWrite, sourceAcceptsType, type WritableSource } from './deposit';

const rules = loadDepositRules();
const actors: Record<string, Actor> = PRINCIPALS;
const base = BASE_FACTS;

describe('mayWrite(): who writes what into which source (policy/deposit-rules.json)', () => {
  it.each<[keyof typeof actors, WritableSource, string, Partial<PatientAccessFacts>, string]>([
    ['medecin', 'hospital', '11490-0', {}, 'write.professional'],
    ['podologue', 'hospital', '11490-0', {}, 'write.professional'],
    ['establishment', 'hospital', '34112-3', {}, 'write.feeding-channel'],
    ['medecin', 'oncology', '34794-8', {}, 'write.professional'],
    ['pharmacien', 'oncology', '34794-8', {}, 'deny.writer-not-admitted'],
    ['establishment', 'oncology', '60568-3', {}, 'write.feeding-channel'],
    ['pharmacien', 'pharmacy', '60593-1', {}, 'write.professional'],
    ['medecin', 'pharmacy', '60593-1', {}, 'deny.writer-not-admitted'],
    ['establishment', 'pharmacy', '60593-1', {}, 'deny.writer-not-admitted'],
    ['feed', 'reimbursement', 'REMB', {}, 'write.assurance-maladie-feed'],
    ['medecin', 'reimbursement', 'REMB', {}, 'deny.writer-not-admitted'],
    ['feed', 'hospital', '11490-0', {}, 'deny.writer-not-admitted'],
    ['patient', 'personal-space', 'EXPPAT_3', {}, 'write.patient'],
    ['otherPatient', 'personal-space', 'EXPPAT_3', {}, 'deny.other-patient'],
    ['representative', 'personal-space', 'DOCPAT01', { isRepresentative: true }, 'write.representative'],
    ['representative', 'personal-space', 'DOCPAT01', {}, 'deny.not-representative'],
    ['patient', 'hospital', '11490-0', {}, 'deny.writer-not-admitted'],
    ['medecin', 'personal-space', 'EXPPAT_3', {}, 'deny.writer-not-admitted'],
    ['medecin', 'hospital', '60593-1', {}, 'deny.type-not-accepted'],
    ['medecin', 'hospital', 'DOCPAT03', {}, 'deny.type-not-accepted'],
    ['patient', 'personal-space', '11490-0', {}, 'deny.type-not-accepted'],
    ['medecin', 'hospital', '11490-0', { isBlocked: true }, 'deny.blocked'],
    ['medecin', 'hospital', '11490-0', { dmpStatus: 'CLOSED' }, 'deny.dmp-not-active'],
    ['patient', 'personal-space', 'EXPPAT_3', { dmpStatus: 'DELETED' }, 'deny.dmp-not-active'],
    ['regulator', 'hospital', '11490-0', {}, 'deny.not-a-writer'],
    ['heir', 'personal-space', 'EXPPAT_3', {}, 'deny.not-a-writer'],
    ['analyst', 'hospital', '11490-0', {}, 'deny.not-a-writer'],
  ])('%s → %s %s %o: %s', (actor, source, type, over, rule) => {
    expect(mayWrite(rules, actors[actor], { ...base, ...over }, source, type).rule).toBe(rule);
  });

  it('every depositable type has at least one source, and no source takes a type without an ASS_X16 class', () => {
    expect(sourceAcceptsType(rules, 'hospital', 'NOT-A-TYPE')).toBe(false);
    expect(sourceAcceptsType(rules, 'personal-space', 'EXPPAT_1')).toBe(true);
  });
});

describe('the deposit rules file is checked against the table of sources when it loads', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'deposit-rules-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const withSources = (sources: Record<string, unknown>) => {
    const path = join(dir, `${Object.keys(sources).join('-')}.json`);
    writeFileSync(path, JSON.stringify({ version: '1', sources }));
    return path;
  };

  it.each([
    [
      'a source that is not in the table',
      { ...rules.sources, vaccination: rules.sources.pharmacy },
      /vaccination is no source/,
    ],
    [
      'the registry, which holds no documents',
      { ...rules.sources, patient: rules.sources.pharmacy },
      /patient is no source/,
    ],
    ['a document source left out', { ...rules.sources, oncology: undefined }, /no rule for source oncology/],
  ])('%s stops the load', (_what, sources, message) => {
    expect(() => loadDepositRules(withSources(sources))).toThrow(message);
  });
});
