import { DEPARTEMENTS } from '../../domain/geo';
import { isLocalDate, parisDate } from '../../domain/calendar';
import { minorIfBornAfter } from '../../policy/periods';
import { DOCUMENT_ID } from '../../runtime/arguments';
import { checkIns } from '../../domain/ins';
import { DOCUMENT_TYPES, PROFESSIONS, SPECIALTIES, VISIBILITY_LABELS, type TypeCode } from '../../domain/codes';
import { ACT_CODE_FORMAT, DOCUMENT_MIME_TYPES, FORMATS, type FormatName } from '../../domain/formats';
import { loadDepositRules, sourceAcceptsType, type WritableSource } from '../../policy/deposit';
import { RELATIVE_DATE, RELATIVE_INSTANT } from './relative-dates';
import {
  ACCOUNT_KINDS,
  indexOf,
  type DocumentSpec,
  type PatientSpec,
  type Scenario,
  type ScenarioIndex,
} from './scenario';

/** One broken rule: where (a JSON path such as `patients[3].dispensations[0].cip13`) and what rule. */
export interface ScenarioProblem {
  path: string;
  rule: string;
}

export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(
      `scenario refused, nothing loaded (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n` +
        problems
          .slice(0, 50)
          .map((p) => `  ${p.path}: ${p.rule}`)
          .join('\n') +
        (problems.length > 50 ? `\n  … and ${problems.length - 50} more` : ''),
    );
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The source each part of a patient's file goes into: which types it takes is the deposits' rule, read once. */
const SECTION_SOURCE: Record<string, WritableSource> = {
  hospitalReports: 'hospital',
  oncologyRecords: 'oncology',
  dispensations: 'pharmacy',
  careLines: 'reimbursement',
  documents: 'personal-space',
};
const DEPOSIT_RULES = loadDepositRules();

/** Checks a whole scenario and returns every problem found; an empty list means it may be loaded. */
/** Every problem of a scenario, judged at `now` (the one clock: a birth date in the future, a minor). */
export function validateScenario(input: unknown, now: Date, base?: ScenarioIndex): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const fail = (path: string, rule: string) => problems.push({ path, rule });
  const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const text = (path: string, v: unknown, required = true, max = 2000) => {
    if (v === undefined || v === null) {
      if (required) fail(path, 'is required');
      return;
    }
    if (typeof v !== 'string' || v.trim() === '') fail(path, 'must be a non-empty string');
    else if (v.length > max) fail(path, `must be at most ${max} characters`);
  };
  const matches = (path: string, v: unknown, pattern: RegExp, rule: string, required = true) => {
    if (v === undefined || v === null) {
      if (required) fail(path, 'is required');
      return;
    }
    if (typeof v !== 'string' || !pattern.test(v)) fail(path, rule);
  };
  /** An identifier of the DMP, in the shape domain/formats.ts gives it. */
  const shaped = (path: string, v: unknown, name: FormatName, required = true) =>
    matches(path, v, FORMATS[name].pattern, FORMATS[name].rule, required);
  const oneOf = (path: string, v: unknown, allowed: readonly string[], required = true) => {
    if (v === undefined || v === null) {
      if (required) fail(path, 'is required');
      return;
    }
    if (typeof v !== 'string' || !allowed.includes(v)) fail(path, `must be one of ${allowed.join(', ')}`);
  };
  const date = (path: string, v: unknown, required = true) => {
    if (typeof v === 'string' && RELATIVE_DATE.test(v)) return;
    matches(path, v, ISO_DATE, 'must be a date YYYY-MM-DD (or today-<n>d|mo|y)', required);
    // The right shape is not enough: 31 February and month 13 are no calendar days.
    if (typeof v === 'string' && ISO_DATE.test(v) && !isLocalDate(v)) fail(path, 'is not a calendar date');
  };
  const instant = (path: string, v: unknown, required = true) => {
    if (typeof v === 'string' && RELATIVE_INSTANT.test(v)) return;
    matches(
      path,
      v,
      ISO_INSTANT,
      'must be an ISO 8601 instant with a time zone, e.g. 2026-03-01T09:30:00Z (or now-<n>y|mo|d|h|m)',
      required,
    );
    if (typeof v === 'string' && ISO_INSTANT.test(v) && Number.isNaN(Date.parse(v)))
      fail(path, 'is not a valid instant');
  };
  const integer = (path: string, v: unknown, min: number, required = true) => {
    if (v === undefined || v === null) {
      if (required) fail(path, 'is required');
      return;
    }
    if (!Number.isInteger(v) || (v as number) < min) fail(path, `must be a whole number ≥ ${min}`);
  };
  const bool = (path: string, v: unknown) => {
    if (v !== undefined && typeof v !== 'boolean') fail(path, 'must be true or false');
  };
  const list = (path: string, v: unknown): unknown[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      fail(path, 'must be an array');
      return [];
    }
    return v;
  };

  /** A person's strict traits, as a patient or an ayant droit states them; the object when it is one. */
  const identity = (at: string, id: unknown): Record<string, unknown> | null => {
    if (!isObject(id)) {
      fail(at, 'is required');
      return null;
    }
    text(`${at}.birthName`, id.birthName, true, 100);
    text(`${at}.usedName`, id.usedName, false, 100);
    text(`${at}.firstName`, id.firstName, true, 100);
    list(`${at}.givenNames`, id.givenNames).forEach((g, j) => text(`${at}.givenNames[${j}]`, g, true, 100));
    oneOf(`${at}.sex`, id.sex, ['F', 'M']);
    date(`${at}.birthDate`, id.birthDate);
    if (typeof id.birthDate === 'string' && isLocalDate(id.birthDate) && id.birthDate > parisDate(now))
      fail(`${at}.birthDate`, 'is in the future');
    shaped(`${at}.birthplaceCode`, id.birthplaceCode, 'birthplace');
    return id;
  };

  if (!isObject(input)) {
    fail('$', 'a scenario is a JSON object');
    return problems;
  }
  if (input.version !== 1) fail('version', 'must be 1');
  const known = new Set(['version', 'professionals', 'accounts', 'patients', '$comment']);
  for (const key of Object.keys(input)) if (!known.has(key)) fail(key, 'is not a scenario field');
  const scenario = input as Scenario;
  const index = indexOf(
    {
      version: 1,
      professionals: Array.isArray(input.professionals) ? (input.professionals.filter(isObject) as never) : [],
      accounts: Array.isArray(input.accounts) ? (input.accounts.filter(isObject) as never) : [],
    },
    base,
  );

  const seenRpps = new Set<string>();
  list('professionals', scenario.professionals).forEach((p, i) => {
    const at = `professionals[${i}]`;
    if (!isObject(p)) return fail(at, 'must be an object');
    shaped(`${at}.rpps`, p.rpps, 'rpps');
    if (seenRpps.has(p.rpps)) fail(`${at}.rpps`, 'is stated twice');
    seenRpps.add(p.rpps);
    text(`${at}.familyName`, p.familyName);
    text(`${at}.firstName`, p.firstName);
    oneOf(`${at}.profession`, p.profession, [...PROFESSIONS.keys()]);
    if (p.specialty != null && !SPECIALTIES.has(p.specialty)) fail(`${at}.specialty`, 'must be a TRE_R38 code');
    if (p.contact != null) {
      if (!isObject(p.contact)) fail(`${at}.contact`, 'must be an object');
      else {
        text(`${at}.contact.addressLine`, p.contact.addressLine);
        text(`${at}.contact.city`, p.contact.city);
        if (typeof p.contact.postalCode !== 'string' || !/^\d{5}$/.test(p.contact.postalCode))
          fail(`${at}.contact.postalCode`, 'must be 5 digits');
        if (p.contact.phone != null && (typeof p.contact.phone !== 'string' || !/^0\d{9}$/.test(p.contact.phone)))
          fail(`${at}.contact.phone`, 'must be 10 digits starting with 0');
      }
    }
    if (p.establishment != null) {
      if (!isObject(p.establishment)) fail(`${at}.establishment`, 'must be an object');
      else {
        shaped(`${at}.establishment.finess`, p.establishment.finess, 'finess');
        text(`${at}.establishment.name`, p.establishment.name);
      }
    }
  });

  const seenAccounts = new Set<string>();
  list('accounts', scenario.accounts).forEach((a, i) => {
    const at = `accounts[${i}]`;
    if (!isObject(a)) return fail(at, 'must be an object');
    matches(`${at}.id`, a.id, /^[a-z_]+:[A-Za-z0-9._-]{1,64}$/, 'must look like kind:name (e.g. samu:75)');
    if (seenAccounts.has(a.id)) fail(`${at}.id`, 'is stated twice');
    seenAccounts.add(a.id);
    oneOf(`${at}.kind`, a.kind, ACCOUNT_KINDS);
    text(`${at}.displayName`, a.displayName);
    if (
      a.attributes !== undefined &&
      (!isObject(a.attributes) || Object.values(a.attributes).some((v) => typeof v !== 'string'))
    )
      fail(`${at}.attributes`, 'must be an object of strings');
    if (a.beneficiaries !== undefined && a.kind !== 'representative')
      fail(`${at}.beneficiaries`, 'only a representative account has persons on its cover');
    const seenBeneficiaries = new Set<string>();
    list(`${at}.beneficiaries`, a.beneficiaries).forEach((b, j) => {
      const bat = `${at}.beneficiaries[${j}]`;
      if (!isObject(b)) return fail(bat, 'must be an object');
      const checked = typeof b.ins === 'string' ? checkIns(b.ins) : { ok: false as const, reason: 'is required' };
      if (!checked.ok) fail(`${bat}.ins`, checked.reason);
      else if (seenBeneficiaries.has(checked.ins)) fail(`${bat}.ins`, 'is stated twice');
      else seenBeneficiaries.add(checked.ins);
      oneOf(`${bat}.insKind`, b.insKind, ['NIR', 'NIA', 'TEST', 'DEMO'], false);
      identity(`${bat}.identity`, b.identity);
    });
  });

  const rpps = (path: string, v: unknown) => {
    if (typeof v !== 'string' || !index.professionals.has(v))
      fail(path, 'must be the RPPS of a professional stated in this scenario');
  };
  const documentIds = new Set<string>();
  const seenIns = new Set<string>();

  const documentSpec = (at: string, d: unknown, source: string, patient: PatientSpec): d is DocumentSpec => {
    if (!isObject(d)) {
      fail(at, 'must be an object');
      return false;
    }
    if (d.id !== undefined) {
      matches(`${at}.id`, d.id, DOCUMENT_ID, 'must be 1 to 80 letters, digits or ._:-');
      if (documentIds.has(d.id)) fail(`${at}.id`, 'is used by another document');
      documentIds.add(d.id);
    }
    if (typeof d.typeCode !== 'string' || !DOCUMENT_TYPES.has(d.typeCode as TypeCode))
      fail(`${at}.typeCode`, 'must be a JDV_J07 type code');
    else if (!sourceAcceptsType(DEPOSIT_RULES, SECTION_SOURCE[source], d.typeCode))
      fail(`${at}.typeCode`, `${d.typeCode} does not belong in ${source}`);
    text(`${at}.title`, d.title, true, 300);
    instant(`${at}.effectiveAt`, d.effectiveAt);
    instant(`${at}.depositedAt`, d.depositedAt, false);
    const author = d.author;
    if (!isObject(author)) fail(`${at}.author`, 'must be { rpps } or { kind: PATIENT | ALIM_AM | ESTABLISHMENT }');
    else if ('rpps' in author) rpps(`${at}.author.rpps`, author.rpps);
    else if (author.kind === 'ESTABLISHMENT') {
      shaped(`${at}.author.finess`, author.finess, 'finess');
      text(`${at}.author.name`, author.name);
    } else oneOf(`${at}.author.kind`, author.kind, ['PATIENT', 'ALIM_AM', 'ESTABLISHMENT']);
    const authorKind = isObject(author) ? ('rpps' in author ? 'PROFESSIONAL' : author.kind) : null;
    if (source === 'documents' && authorKind !== 'PATIENT')
      fail(`${at}.author`, 'the personal space holds what the patient wrote: author must be { kind: PATIENT }');
    if (source === 'careLines' && authorKind !== 'ALIM_AM')
      fail(`${at}.author`, 'reimbursement lines are fed by the Assurance maladie: author must be { kind: ALIM_AM }');
    if (source !== 'documents' && authorKind === 'PATIENT')
      fail(`${at}.author`, `the patient does not write into ${source}`);
    const labels = list(`${at}.visibility`, d.visibility);
    labels.forEach((l, j) => oneOf(`${at}.visibility[${j}]`, l, VISIBILITY_LABELS));
    if (labels.includes('MASQUE_PS') && labels.includes('INVISIBLE_PATIENT'))
      fail(`${at}.visibility`, 'a document is not both masked (MASQUE_PS) and invisible to the patient');
    if (labels.includes('INVISIBLE_PATIENT') && authorKind === 'PATIENT')
      fail(`${at}.visibility`, 'INVISIBLE_PATIENT is set by a professional author, not the patient');
    if (labels.includes('INVISIBLE_REPRESENTANTS_LEGAUX') && !isMinor(patient, now))
      fail(`${at}.visibility`, "INVISIBLE_REPRESENTANTS_LEGAUX applies to a minor's documents");
    return true;
  };

  list('patients', scenario.patients).forEach((p, i) => {
    const at = `patients[${i}]`;
    if (!isObject(p)) return fail(at, 'must be an object');
    const patient = p as PatientSpec;
    if (typeof p.ins !== 'string') fail(`${at}.ins`, 'is required');
    else {
      const checked = checkIns(p.ins);
      if (!checked.ok) fail(`${at}.ins`, checked.reason);
      else if (seenIns.has(checked.ins)) fail(`${at}.ins`, 'is stated twice');
      else seenIns.add(checked.ins);
    }
    oneOf(`${at}.insKind`, p.insKind, ['NIR', 'NIA', 'TEST', 'DEMO'], false);
    const id = identity(`${at}.identity`, p.identity);
    if (id) oneOf(`${at}.identity.status`, id.status, ['PROV', 'RECUP', 'VALI', 'QUAL'], false);
    if (p.dmp !== undefined) {
      if (!isObject(p.dmp)) fail(`${at}.dmp`, 'must be an object');
      else {
        oneOf(`${at}.dmp.status`, p.dmp.status, ['ACTIVE', 'CLOSED', 'DELETED'], false);
        instant(`${at}.dmp.createdAt`, p.dmp.createdAt, false);
        instant(`${at}.dmp.closedAt`, p.dmp.closedAt, false);
        if (p.dmp.consents !== undefined) {
          if (!isObject(p.dmp.consents)) fail(`${at}.dmp.consents`, 'must be an object');
          else for (const k of ['etreat', 'btg', 'masked']) bool(`${at}.dmp.consents.${k}`, p.dmp.consents[k]);
        }
        bool(`${at}.dmp.secondaryUse`, p.dmp.secondaryUse);
        bool(`${at}.dmp.heirsObjection`, p.dmp.heirsObjection);
        date(`${at}.dmp.deceasedOn`, p.dmp.deceasedOn, false);
        if (p.dmp.deceasedOn && (p.dmp.status ?? 'ACTIVE') === 'ACTIVE')
          fail(`${at}.dmp.status`, "a deceased patient's record is CLOSED");
      }
    }
    if (p.careTeam !== undefined) {
      if (!isObject(p.careTeam)) fail(`${at}.careTeam`, 'must be an object');
      else {
        if (p.careTeam.medecinTraitant != null) rpps(`${at}.careTeam.medecinTraitant`, p.careTeam.medecinTraitant);
        for (const k of ['administrators', 'authorised', 'blocked'])
          list(`${at}.careTeam.${k}`, p.careTeam[k]).forEach((r, j) => rpps(`${at}.careTeam.${k}[${j}]`, r));
        const blocked = new Set(list('', p.careTeam.blocked));
        if (p.careTeam.medecinTraitant && blocked.has(p.careTeam.medecinTraitant))
          fail(`${at}.careTeam.blocked`, 'the médecin traitant cannot be blocked while named');
      }
    }
    list(`${at}.representatives`, p.representatives).forEach((r, j) => {
      const rat = `${at}.representatives[${j}]`;
      if (!isObject(r)) return fail(rat, 'must be an object');
      if (index.accounts.get(r.account)?.kind !== 'representative')
        fail(`${rat}.account`, 'must be the id of a representative account stated in this scenario');
      text(`${rat}.relation`, r.relation);
      date(`${rat}.until`, r.until, false);
    });
    if (p.residenceDepartement !== undefined && !DEPARTEMENTS.has(p.residenceDepartement))
      fail(`${at}.residenceDepartement`, 'must be an INSEE département code (01…95, 2A, 2B, 971…976)');
    list(`${at}.heirs`, p.heirs).forEach((h, j) => {
      const hat = `${at}.heirs[${j}]`;
      if (!isObject(h)) return fail(hat, 'must be an object');
      if (index.accounts.get(h.account)?.kind !== 'heir')
        fail(`${hat}.account`, 'must be the id of an heir account stated in this scenario');
      oneOf(`${hat}.relation`, h.relation, ['AYANT_DROIT', 'CONCUBIN', 'PACS']);
      if (!p.dmp?.deceasedOn) fail(`${hat}`, 'heirs are registered only for a deceased patient (dmp.deceasedOn)');
    });
    for (const source of ['hospitalReports', 'oncologyRecords', 'dispensations', 'careLines'] as const) {
      list(`${at}.${source}`, p[source]).forEach((d, j) => {
        const dat = `${at}.${source}[${j}]`;
        if (!documentSpec(dat, d, source, patient)) return;
        const doc = d as Record<string, any>;
        if (source === 'hospitalReports') {
          date(`${dat}.stayStart`, doc.stayStart, false);
          date(`${dat}.stayEnd`, doc.stayEnd, false);
          text(`${dat}.careUnit`, doc.careUnit, false);
          text(`${dat}.summary`, doc.summary, false, 100_000);
        }
        if (source === 'oncologyRecords') {
          shaped(`${dat}.tumourSiteCode`, doc.tumourSiteCode, 'icd10', false);
          date(`${dat}.meetingDate`, doc.meetingDate, false);
          text(`${dat}.decision`, doc.decision, false, 10_000);
          text(`${dat}.summary`, doc.summary, false, 100_000);
        }
        if (source === 'dispensations') {
          shaped(`${dat}.cip13`, doc.cip13, 'cip13');
          shaped(`${dat}.atc`, doc.atc, 'atc');
          text(`${dat}.productName`, doc.productName);
          oneOf(`${dat}.productCategory`, doc.productCategory, ['STANDARD', 'VACCINE', 'BIOLOGICAL']);
          integer(`${dat}.quantity`, doc.quantity, 1);
          if (typeof doc.prescribed !== 'boolean') fail(`${dat}.prescribed`, 'must be true or false');
          if (
            isObject(doc.author) &&
            'rpps' in doc.author &&
            index.professionals.get(doc.author.rpps)?.profession !== '21'
          )
            fail(`${dat}.author.rpps`, 'a dispensation is recorded by a pharmacist (TRE_G15 21)');
        }
        if (source === 'careLines') {
          oneOf(`${dat}.actSystem`, doc.actSystem, Object.keys(ACT_CODE_FORMAT));
          text(`${dat}.actCode`, doc.actCode, true, 20);
          text(`${dat}.actLabel`, doc.actLabel);
          if (doc.actSystem in ACT_CODE_FORMAT)
            shaped(`${dat}.actCode`, doc.actCode, ACT_CODE_FORMAT[doc.actSystem as keyof typeof ACT_CODE_FORMAT]);
          if (doc.actSystem === 'CIP13') integer(`${dat}.boxes`, doc.boxes, 1);
          if (doc.executor != null) rpps(`${dat}.executor.rpps`, doc.executor?.rpps);
          if (doc.prescriber != null) rpps(`${dat}.prescriber.rpps`, doc.prescriber?.rpps);
          if (doc.establishment != null) {
            shaped(`${dat}.establishment.finess`, doc.establishment?.finess, 'finess');
            text(`${dat}.establishment.name`, doc.establishment?.name, false, 200);
          }
          integer(`${dat}.amountCents`, doc.amountCents, 0);
          integer(`${dat}.reimbursedCents`, doc.reimbursedCents, 0);
          if (
            Number.isInteger(doc.amountCents) &&
            Number.isInteger(doc.reimbursedCents) &&
            doc.reimbursedCents > doc.amountCents
          )
            fail(`${dat}.reimbursedCents`, 'cannot exceed amountCents');
        }
      });
    }
    const space = p.personalSpace;
    if (space !== undefined) {
      const sat = `${at}.personalSpace`;
      if (!isObject(space)) fail(sat, 'must be an object');
      else {
        list(`${sat}.documents`, space.documents).forEach((d, j) => {
          if (documentSpec(`${sat}.documents[${j}]`, d, 'documents', patient)) {
            oneOf(`${sat}.documents[${j}].mimeType`, (d as any).mimeType, DOCUMENT_MIME_TYPES, false);
            text(`${sat}.documents[${j}].body`, (d as any).body, false, 100_000);
          }
        });
        list(`${sat}.allergies`, space.allergies).forEach((a: any, j) => {
          text(`${sat}.allergies[${j}].substance`, a?.substance);
          oneOf(`${sat}.allergies[${j}].severity`, a?.severity, ['MILD', 'MODERATE', 'SEVERE', 'UNKNOWN']);
          instant(`${sat}.allergies[${j}].recordedAt`, a?.recordedAt);
        });
        list(`${sat}.antecedents`, space.antecedents).forEach((a: any, j) => {
          oneOf(`${sat}.antecedents[${j}].kind`, a?.kind, ['MEDICAL', 'SURGICAL', 'FAMILY']);
          text(`${sat}.antecedents[${j}].label`, a?.label);
          integer(`${sat}.antecedents[${j}].sinceYear`, a?.sinceYear, 1900, false);
          instant(`${sat}.antecedents[${j}].recordedAt`, a?.recordedAt);
        });
        list(`${sat}.vaccinations`, space.vaccinations).forEach((v: any, j) => {
          text(`${sat}.vaccinations[${j}].vaccine`, v?.vaccine);
          date(`${sat}.vaccinations[${j}].administeredOn`, v?.administeredOn);
          instant(`${sat}.vaccinations[${j}].recordedAt`, v?.recordedAt);
        });
        const contacts = list(`${sat}.emergencyContacts`, space.emergencyContacts);
        contacts.forEach((c: any, j) => {
          text(`${sat}.emergencyContacts[${j}].name`, c?.name);
          text(`${sat}.emergencyContacts[${j}].relation`, c?.relation);
          shaped(`${sat}.emergencyContacts[${j}].phone`, c?.phone, 'phone');
          bool(`${sat}.emergencyContacts[${j}].isTrustedPerson`, c?.isTrustedPerson);
        });
        if (contacts.filter((c: any) => c?.isTrustedPerson).length > 1)
          fail(`${sat}.emergencyContacts`, 'names at most one personne de confiance (L1111-6)');
        oneOf(`${sat}.organDonation`, space.organDonation, ['NOT_STATED', 'NO_OBJECTION', 'OBJECTS'], false);
      }
    }
  });
  return problems;
}

function isMinor(patient: PatientSpec, now: Date): boolean {
  const born = patient.identity?.birthDate;
  return isLocalDate(born) && born > minorIfBornAfter(now);
}
