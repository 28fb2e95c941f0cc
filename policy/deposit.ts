import { readFileSync } from 'node:fs';
import { DOCUMENT_SOURCE_NAMES, type DocumentSourceName } from '../domain/sources';
import { projectPath } from '../domain/paths';
import type { Actor } from '../domain/actor';
import { isDepositableType, type TypeCode } from '../domain/codes';
import type { PatientAccessFacts } from './decide';
import type { ActionRule, DenyRule, Refusal } from './rules';
import { STAFF_READS_ONLY } from './staff-reads-only';

/** The sources a document can be written into (the registry holds no documents): domain/sources.ts. */
export const WRITABLE_SOURCES = DOCUMENT_SOURCE_NAMES;
export type WritableSource = DocumentSourceName;

interface SourceRule {
  writers: { professions?: string[] | '*'; establishments?: boolean; feeds?: string[]; patientSide?: boolean };
  types: { only?: string[]; except?: string[]; exceptPrefixes?: string[]; prefixes?: string[] };
}
export interface DepositRules {
  version: string;
  sources: Record<WritableSource, SourceRule>;
}

export class DepositRulesError extends Error {}

/** Loads policy/deposit-rules.json and checks it names every source and only real types. */
export function loadDepositRules(path = projectPath('policy', 'deposit-rules.json')): DepositRules {
  const rules = JSON.parse(readFileSync(path, 'utf8')) as DepositRules;
  for (const named of Object.keys(rules.sources ?? {}))
    if (!(WRITABLE_SOURCES as readonly string[]).includes(named))
      throw new DepositRulesError(`${path}: ${named} is no source that holds documents (domain/sources.ts)`);
  for (const source of WRITABLE_SOURCES) {
    const rule = rules.sources?.[source];
    if (!rule) throw new DepositRulesError(`${path}: no rule for source ${source}`);
    for (const code of [...(rule.types.only ?? []), ...(rule.types.except ?? [])]) {
      if (!isDepositableType(code))
        throw new DepositRulesError(`${path}: ${source} names ${code}, not a depositable JDV_J07 type`);
    }
  }
  return rules;
}

/** Whether a source accepts documents of this type at all, whoever writes. */
export function sourceAcceptsType(rules: DepositRules, source: WritableSource, typeCode: string): typeCode is TypeCode {
  if (!isDepositableType(typeCode)) return false;
  const { only, except, exceptPrefixes, prefixes } = rules.sources[source].types;
  if (only) return only.includes(typeCode);
  if (prefixes && !prefixes.some((p) => typeCode.startsWith(p))) return false;
  if (except?.includes(typeCode)) return false;
  return !(exceptPrefixes ?? []).some((p) => typeCode.startsWith(p));
}

/** A refusal names the input `field` when the request itself is at fault (BAD_USER_INPUT), not the writer. */
export type WriteDecision = { allowed: true; rule: ActionRule } | (Refusal & { field?: string });
const refuse = (rule: DenyRule, reason: string, field?: string): WriteDecision => ({
  allowed: false,
  rule,
  reason,
  ...(field ? { field } : {}),
});

/**
 * Whether this actor may write a document of this type into this source of this patient's record. Pure; deny
 * unless a rule allows. Writing needs no read authorisation (authorisations only permit reading), but a
 * blocked professional is refused in every mode, and a closed or deleted record takes nothing.
 */
export function mayWrite(
  rules: DepositRules,
  actor: Actor,
  facts: PatientAccessFacts,
  source: WritableSource,
  typeCode: string,
): WriteDecision {
  const writers = rules.sources[source].writers;
  // A closed or deleted record takes nothing, whoever asks; it does not say which.
  if (facts.dmpStatus !== 'ACTIVE')
    return refuse('deny.dmp-not-active', 'This DMP takes no new documents (closed or deleted)');
  if (!sourceAcceptsType(rules, source, typeCode))
    return refuse('deny.type-not-accepted', `${source} does not take documents of type ${typeCode}`, 'input.typeCode');
  switch (actor.kind) {
    case 'patient':
      if (actor.ins !== facts.ins) return refuse('deny.other-patient', 'a patient writes only into their own DMP');
      return writers.patientSide
        ? { allowed: true, rule: 'write.patient' }
        : refuse('deny.writer-not-admitted', `the patient does not write into ${source}`);
    case 'representative':
      if (!facts.isRepresentative)
        return refuse('deny.not-representative', 'not a legal representative of this patient');
      return writers.patientSide
        ? { allowed: true, rule: 'write.representative' }
        : refuse('deny.writer-not-admitted', `representatives do not write into ${source}`);
    case 'professional': {
      if (facts.isBlocked) return refuse('deny.blocked', 'the patient blocked this professional');
      if (actor.vouchedBy) return STAFF_READS_ONLY;
      const admitted = writers.professions === '*' || (writers.professions ?? []).includes(actor.profession);
      return admitted
        ? { allowed: true, rule: 'write.professional' }
        : refuse('deny.writer-not-admitted', `profession ${actor.profession} does not write into ${source}`);
    }
    case 'establishment':
      return writers.establishments
        ? { allowed: true, rule: 'write.feeding-channel' }
        : refuse('deny.writer-not-admitted', `establishments do not write into ${source}`);
    case 'assurance_maladie_feed':
      return (writers.feeds ?? []).includes(actor.kind)
        ? { allowed: true, rule: 'write.assurance-maladie-feed' }
        : refuse('deny.writer-not-admitted', `the Assurance maladie feed does not write into ${source}`);
    default:
      return refuse('deny.not-a-writer', `a ${actor.kind} never writes into a DMP`);
  }
}
