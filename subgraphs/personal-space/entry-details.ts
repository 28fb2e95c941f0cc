import { registerEnumType } from 'type-graphql';
import codes from './entry-details.json';

type CodeList = { $source: string; values: Record<string, string> };

/**
 * An enum of the codes of one list of entry-details.json, with the label of each and its source said once. Each
 * value's description is its label and what it means (`meanings`, one for every code of the list).
 */
function codeList<K extends Exclude<keyof typeof codes, '$comment'>>(
  key: K,
  name: string,
  description: string,
  meanings: Record<keyof (typeof codes)[K]['values'], string>,
) {
  const list = codes[key] as CodeList;
  const values = Object.fromEntries(Object.keys(list.values).map((code) => [code, code]));
  const said = meanings as Record<string, string>;
  registerEnumType(values, {
    name,
    description: `${description} (labels: ${list.$source})`,
    valuesConfig: Object.fromEntries(
      Object.entries(list.values).map(([code, label]) => [code, { description: `${label}: ${said[code]}` }]),
    ),
  });
  return {
    values,
    label: (code: string | null): string | null => (code == null ? null : (list.values[code] ?? null)),
  };
}

export const FamilyRelationships = codeList(
  'familyRelationships',
  'FamilyRelationship',
  'Which relative of the patient a family antecedent concerns',
  {
    MOTHER: "the patient's mother.",
    FATHER: "the patient's father.",
    SISTER: "the patient's sister.",
    BROTHER: "the patient's brother.",
    DAUGHTER: "the patient's daughter.",
    SON: "the patient's son.",
    GRANDMOTHER: 'a grandmother of the patient.',
    GRANDFATHER: 'a grandfather of the patient.',
    GREAT_GRANDMOTHER: 'a great-grandmother of the patient.',
    GREAT_GRANDFATHER: 'a great-grandfather of the patient.',
    AUNT: 'an aunt of the patient.',
    UNCLE: 'an uncle of the patient.',
    OTHER: 'another relative (a cousin…); the antecedent’s label or comment may say who.',
  },
);
export const ContactRelations = codeList(
  'contactRelations',
  'ContactRelation',
  'Who an emergency contact or the personne de confiance (CSP L1111-6) is to the patient',
  {
    MOTHER: "the patient's mother.",
    FATHER: "the patient's father.",
    CHILD: 'a child of the patient.',
    SPOUSE: "the patient's spouse or partner (married, PACS or not).",
    LEGAL_GUARDIAN: "the patient's tutor or legal guardian.",
    OTHER: 'someone else; `relation` says who in words.',
  },
);
export const VaccinationDoseKinds = codeList(
  'vaccinationDoseKinds',
  'VaccinationDoseKind',
  'Which kind of injection a vaccination was: a first series, a booster, or not said',
  {
    IMMUNIZ: 'a vaccination, without saying whether of a first series or a booster (HL7 v3 IMMUNIZ).',
    INITIMMUNIZ: 'a dose of the first series (HL7 v3 INITIMMUNIZ, initial immunization).',
    BOOSTER: 'a booster dose given after the first series (HL7 v3 BOOSTER).',
  },
);
