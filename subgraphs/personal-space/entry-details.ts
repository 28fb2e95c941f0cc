import { registerEnumType } from 'type-graphql';
import codes from './entry-details.json';

type CodeList = { $source: string; values: Record<string, string> };

/** An enum of the codes of one list of entry-details.json, with the label of each and its source said once. */
function codeList<K extends Exclude<keyof typeof codes, '$comment'>>(key: K, name: string, description: string) {
  const list = codes[key] as CodeList;
  const values = Object.fromEntries(Object.keys(list.values).map((code) => [code, code]));
  registerEnumType(values, { name, description: `${description} (labels: ${list.$source})` });
  return {
    values,
    label: (code: string | null): string | null => (code == null ? null : (list.values[code] ?? null)),
  };
}

export const FamilyRelationships = codeList(
  'familyRelationships',
  'FamilyRelationship',
  'Which relative of the patient a family antecedent concerns',
);
export const ContactRelations = codeList(
  'contactRelations',
  'ContactRelation',
  'Who an emergency contact or the personne de confiance (CSP L1111-6) is to the patient',
);
export const VaccinationDoseKinds = codeList(
  'vaccinationDoseKinds',
  'VaccinationDoseKind',
  'Which kind of injection a vaccination was: a first series, a booster, or not said',
);
