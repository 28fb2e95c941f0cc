import { randomUUID } from 'node:crypto';
import { authorisationEnds } from '../../../policy/periods';
import type { SqlExecutor } from '../../../runtime/store/sql-store';
import { INS_OIDS } from '../../../domain/ins';
import { nameKeys } from '../../../domain/name-keys';
import { firstNameParts, phoneticNameKeys } from '../../../domain/spoken-name-keys';
import { analyticsSubject } from '../../../domain/cohort';
import type { Scenario, ScenarioIndex } from '../scenario';
import { maskedDocuments } from '../document-rows';

/** Writes a validated scenario's registry part: patients, professionals, accounts and relations. */
export async function ingest(
  tx: SqlExecutor,
  scenario: Scenario,
  _index: ScenarioIndex,
  loadedAt: Date,
): Promise<void> {
  const now = loadedAt.toISOString();
  const patients = scenario.patients ?? [];
  await tx.copyRows(
    'professional',
    [
      'rpps',
      'family_name',
      'first_name',
      'profession_code',
      'specialty_code',
      'establishment_finess',
      'establishment_name',
      'address_line',
      'postal_code',
      'city',
      'phone',
    ],
    (scenario.professionals ?? []).map((p) => [
      p.rpps,
      p.familyName,
      p.firstName,
      p.profession,
      p.specialty ?? null,
      p.establishment?.finess ?? null,
      p.establishment?.name ?? null,
      p.contact?.addressLine ?? null,
      p.contact?.postalCode ?? null,
      p.contact?.city ?? null,
      p.contact?.phone ?? null,
    ]),
  );
  await tx.copyRows(
    'account',
    ['id', 'kind', 'display_name', 'attributes'],
    (scenario.accounts ?? []).map((a) => [a.id, a.kind, a.displayName, a.attributes ?? {}]),
  );
  // The Assurance maladie's ayants droit of each representative account: the family list (migration 025).
  await tx.copyRows(
    'insurance_beneficiary',
    [
      'id',
      'account_id',
      'ins',
      'ins_kind',
      'birth_name',
      'used_name',
      'first_name',
      'given_names',
      'sex',
      'birth_date',
      'birthplace_code',
    ],
    (scenario.accounts ?? []).flatMap((a) =>
      (a.beneficiaries ?? []).map((b) => [
        randomUUID(),
        a.id,
        b.ins,
        b.insKind ?? 'NIR',
        b.identity.birthName,
        b.identity.usedName ?? null,
        b.identity.firstName,
        b.identity.givenNames ?? [b.identity.firstName],
        b.identity.sex,
        b.identity.birthDate,
        b.identity.birthplaceCode,
      ]),
    ),
  );
  await tx.copyRows(
    'patient',
    [
      'ins',
      'ins_oid',
      'birth_name',
      'used_name',
      'first_name',
      'given_names',
      'sex',
      'birth_date',
      'birthplace_code',
      'identity_status',
      'dmp_status',
      'dmp_created_at',
      'dmp_closed_at',
      'deceased_on',
      'consent_etreat',
      'consent_btg',
      'consent_masked',
      'secondary_use',
      'heirs_objection',
      'name_keys',
      'first_name_keys',
      'residence_departement',
      'residence_region',
      'phonetic_name_keys',
      'first_name_words',
      'phonetic_first_name_keys',
    ],
    patients.map((p) => {
      const consents = p.dmp?.consents ?? {};
      return [
        p.ins,
        INS_OIDS[p.insKind ?? 'NIR'],
        p.identity.birthName,
        p.identity.usedName ?? null,
        p.identity.firstName,
        p.identity.givenNames ?? [p.identity.firstName],
        p.identity.sex,
        p.identity.birthDate,
        p.identity.birthplaceCode,
        p.identity.status ?? 'QUAL',
        p.dmp?.status ?? 'ACTIVE',
        p.dmp?.createdAt ?? now,
        p.dmp?.closedAt ?? null,
        p.dmp?.deceasedOn ?? null,
        // Creation proposes the three emergency consents ticked (docs/law.md §4).
        consents.etreat ?? true,
        consents.btg ?? true,
        consents.masked ?? true,
        p.dmp?.secondaryUse ?? false,
        p.dmp?.heirsObjection ?? false,
        // Birth name and used name both answer a search (RNIV).
        nameKeys(p.identity.birthName, p.identity.usedName),
        nameKeys(p.identity.firstName, ...(p.identity.givenNames ?? [])),
        ...residenceOf(p),
        // The spoken search's keys (migration 020).
        phoneticNameKeys(p.identity.birthName, p.identity.usedName),
        ...spokenFirstNames(p.identity.firstName, p.identity.givenNames ?? []),
      ];
    }),
  );
  await tx.copyRows(
    'care_relation',
    ['patient_ins', 'rpps', 'relation', 'since', 'until'],
    patients.flatMap((p) => {
      const team = p.careTeam ?? {};
      return [
        ...(team.medecinTraitant ? [[p.ins, team.medecinTraitant, 'MEDECIN_TRAITANT', now, null]] : []),
        ...(team.administrators ?? []).map((r) => [p.ins, r, 'ADMINISTRATOR', now, null]),
        // Given at the scenario's instant: a year's authorisation from then.
        ...(team.authorised ?? []).map((r) => [p.ins, r, 'AUTHORISED', now, authorisationEnds(loadedAt)]),
        ...(team.blocked ?? []).map((r) => [p.ins, r, 'BLOCKED', now, null]),
      ];
    }),
  );
  await tx.copyRows(
    'document_mask',
    ['patient_ins', 'document_id', 'source', 'masked_at'],
    patients.flatMap((p) => maskedDocuments(p).map((d) => [p.ins, d.id, d.source, now])),
  );
  await tx.copyRows(
    'legal_representative',
    ['patient_ins', 'account_id', 'relation', 'until'],
    patients.flatMap((p) => (p.representatives ?? []).map((r) => [p.ins, r.account, r.relation, r.until ?? null])),
  );
  await tx.copyRows(
    'heir',
    ['patient_ins', 'account_id', 'relation', 'since'],
    patients.flatMap((p) => (p.heirs ?? []).map((h) => [p.ins, h.account, h.relation, now])),
  );
}

/** Département and region of residence, as the analytics projection states them. */
function residenceOf(p: Scenario['patients'] extends (infer T)[] | undefined ? T : never): [string, string] {
  const subject = analyticsSubject(p.ins, {
    birthDate: p.identity.birthDate,
    sex: p.identity.sex,
    residenceDepartement: p.residenceDepartement ?? null,
    birthplaceCode: p.identity.birthplaceCode,
  });
  return [subject.departement, subject.region];
}

/** The first names by their parts and the phonetic key of each (domain/spoken-name-keys.ts). */
function spokenFirstNames(firstName: string, givenNames: string[]): [string[], string[]] {
  const parts = firstNameParts(firstName, ...givenNames);
  return [parts.words, parts.phonetic];
}
