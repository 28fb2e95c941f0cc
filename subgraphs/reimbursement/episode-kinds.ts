import { readFileSync } from 'node:fs';
import { registerEnumType } from 'type-graphql';
import { projectPath } from '../../domain/paths';
import { ActSystemEnum, type ActSystem } from './care-line.type';

/**
 * The kinds of episode of the health-history timeline and the rules that derive a care line's kind from its
 * nomenclature and code, read from `episode-kinds.json` (each rule with its source). The derivation runs in
 * SQL (`episodeKindSql`), so that the timeline groups and filters by kind in the database.
 */
export const EpisodeKindEnum = {
  CONSULTATION: 'CONSULTATION',
  BIOLOGY: 'BIOLOGY',
  IMAGING: 'IMAGING',
  DENTAL: 'DENTAL',
  TECHNICAL_ACT: 'TECHNICAL_ACT',
  NURSING: 'NURSING',
  REHABILITATION: 'REHABILITATION',
  MEDICINE: 'MEDICINE',
  MEDICAL_DEVICE: 'MEDICAL_DEVICE',
  OTHER: 'OTHER',
} as const;
export type EpisodeKind = keyof typeof EpisodeKindEnum;
registerEnumType(EpisodeKindEnum, {
  name: 'HealthEpisodeKind',
  description:
    "The kind of a health-history episode, derived by the graph from the care line's nomenclature and code " +
    '(subgraphs/reimbursement/episode-kinds.json): consultations and visits, biology, imaging, dental care, ' +
    'technical acts, nursing, rehabilitation, medicines, medical devices, other care.',
  valuesConfig: {
    CONSULTATION: {
      description:
        'Consultations, teleconsultations and home visits: NGAP letter keys C, CS, G, GS, APC, CNP, TC, TCG, V, VG, VS, VL.',
    },
    BIOLOGY: { description: 'Biology: every NABM act.' },
    IMAGING: {
      description:
        'Imaging: CCAM examinations by radiography, computed tomography, magnetic resonance, ultrasound or scintigraphy (third and fourth characters QK, QH, QN, QM, QL), dental ones excepted.',
    },
    DENTAL: {
      description:
        "Dental care: CCAM acts on the teeth and their supporting tissues (codes starting HB, dental radiographs included) and the dental surgeons' NGAP keys SC, SPR, TO, DC.",
    },
    TECHNICAL_ACT: { description: 'Every other CCAM act (surgery, endoscopy, ECG, anaesthesia…).' },
    NURSING: { description: "Nursing: the nurses' NGAP keys AMI, AIS, DI." },
    REHABILITATION: { description: "Rehabilitation: the physiotherapists' NGAP keys AMK, AMC, AMS." },
    MEDICINE: {
      description: 'Medicines: every CIP13 line, vaccines included (a CIP13 alone does not say it is a vaccine).',
    },
    MEDICAL_DEVICE: { description: 'Medical devices and their services: every LPP line.' },
    OTHER: { description: 'Any other line: an NGAP act whose letter key no other kind lists.' },
  },
});

interface KindRule {
  system: ActSystem;
  kind: EpisodeKind;
  codeLike?: string[];
  letterKeys?: string[];
  source: string;
}

interface EpisodeKindsFile {
  version: string;
  kinds: { kind: EpisodeKind; label: string }[];
  rules: KindRule[];
}

const FALLBACK: EpisodeKind = 'OTHER';

/** Reads and checks the file: a kind or a system the graph does not know, or a rule without its source, stops the start. */
export function loadEpisodeKinds(path = projectPath('subgraphs', 'reimbursement', 'episode-kinds.json')) {
  const file = JSON.parse(readFileSync(path, 'utf8')) as EpisodeKindsFile;
  const fail = (why: string) => {
    throw new Error(`${path}: ${why}`);
  };
  const listed = file.kinds.map((k) => k.kind);
  const known = Object.keys(EpisodeKindEnum);
  if (listed.length !== known.length || known.some((k) => !listed.includes(k as EpisodeKind)))
    fail(`kinds must list each of ${known.join(', ')} once`);
  for (const [i, k] of file.kinds.entries())
    if (typeof k.label !== 'string' || !k.label.trim()) fail(`kinds[${i}] has no label`);
  for (const [i, rule] of file.rules.entries()) {
    if (!(rule.system in ActSystemEnum)) fail(`rules[${i}].system ${rule.system} is not an act system`);
    if (!known.includes(rule.kind)) fail(`rules[${i}].kind ${rule.kind} is not a kind`);
    if (typeof rule.source !== 'string' || !rule.source.trim()) fail(`rules[${i}] states no source`);
    if (rule.codeLike && rule.letterKeys) fail(`rules[${i}] states both codeLike and letterKeys`);
    if (rule.letterKeys && rule.system !== 'NGAP') fail(`rules[${i}]: letter keys are NGAP's`);
    for (const list of [rule.codeLike, rule.letterKeys])
      if (list && (!Array.isArray(list) || list.length === 0 || list.some((p) => typeof p !== 'string' || !p)))
        fail(`rules[${i}] has an empty pattern list`);
  }
  return {
    version: file.version,
    /** The order a day lists its kinds in. */
    order: listed,
    labels: new Map(file.kinds.map((k) => [k.kind, k.label])),
    rules: file.rules,
  };
}

export const EPISODE_KINDS = loadEpisodeKinds();

/**
 * The SQL expression of a row's kind (columns act_system, act_code of `alias`): the rules in their order, as a
 * CASE, every code pattern a parameter. An NGAP code's letter key is the letters before its coefficient.
 */
export function episodeKindSql(alias: string, add: (value: unknown) => string, kinds = EPISODE_KINDS): string {
  const system = `${alias}.act_system`;
  const code = `${alias}.act_code`;
  const branches = kinds.rules.map((rule) => {
    const parts = [`${system} = ${add(rule.system)}`];
    if (rule.codeLike) parts.push(`${code} LIKE ANY(${add(rule.codeLike)}::text[])`);
    if (rule.letterKeys) parts.push(`substring(${code} from '^[A-Z]+') = ANY(${add(rule.letterKeys)}::text[])`);
    return `WHEN ${parts.join(' AND ')} THEN ${add(rule.kind)}::text`;
  });
  return `CASE ${branches.join(' ')} ELSE ${add(FALLBACK)}::text END`;
}
