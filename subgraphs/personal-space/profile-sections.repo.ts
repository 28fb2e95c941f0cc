import DataLoader from 'dataloader';
import { rowsByPatient } from '../kit/documents/rows-by-patient';
import { perRequest } from '../../runtime/context';
import type { SubgraphContext } from '../kit/context';
import { toAllergy, toAntecedent } from './personal-space.repo';
import type { Allergy, Antecedent } from './personal-space.type';
import { toPartialDate } from './partial-date';
import {
  DisabilityKinds,
  DisabilityRates,
  DurationUnits,
  type Disability,
  type Hospitalisation,
  type Treatment,
} from './profile-sections.type';

export interface TreatmentRow {
  id: string;
  patient_ins: string;
  name: string;
  cip13: string | null;
  dosage: string | null;
  comment: string | null;
  start_on: string | null;
  end_on: string | null;
  recorded_at: Date;
}
export interface HospitalisationRow {
  id: string;
  patient_ins: string;
  reason: string;
  comment: string | null;
  start_on: string | null;
  duration: number | null;
  duration_unit: string | null;
  recorded_at: Date;
}
export interface DisabilityRow {
  id: string;
  patient_ins: string;
  name: string;
  comment: string | null;
  kinds: string[];
  rate: string | null;
  technical_help: boolean | null;
  human_help: boolean | null;
  recorded_at: Date;
}
export interface DeclarationRow {
  patient_ins: string;
  section: string;
  declared_at: Date;
}

/** What the treatment_link rows of a treatment point to, read with the entries themselves. */
interface LinkRow {
  treatment_id: string;
  allergy: Parameters<typeof toAllergy>[0] | null;
  antecedent: Parameters<typeof toAntecedent>[0] | null;
}

/** Per-request loaders: one statement per section for all the patients of the request. */
export const profileLoaders = perRequest((ctx: SubgraphContext) => ({
  // Most recent first: what has no start (the patient did not say) comes last.
  treatments: rowsByPatient<TreatmentRow>(
    ctx.deps.store,
    'treatment',
    'start_on DESC NULLS LAST, recorded_at DESC, id',
  ),
  hospitalisations: rowsByPatient<HospitalisationRow>(
    ctx.deps.store,
    'hospitalisation',
    'start_on DESC NULLS LAST, recorded_at DESC, id',
  ),
  disabilities: rowsByPatient<DisabilityRow>(ctx.deps.store, 'disability', 'recorded_at DESC, id'),
  declarations: rowsByPatient<DeclarationRow>(ctx.deps.store, 'profile_section_declaration', 'section'),
  links: new DataLoader<string, { allergies: Allergy[]; antecedents: Antecedent[] }>(async (treatmentIds) => {
    const rows = await ctx.deps.store.query<LinkRow>(
      `SELECT l.treatment_id, to_jsonb(a) AS allergy, to_jsonb(x) AS antecedent
         FROM treatment_link l
         LEFT JOIN allergy a ON a.id = l.allergy_id AND a.patient_ins = l.patient_ins
         LEFT JOIN antecedent x ON x.id = l.antecedent_id AND x.patient_ins = l.patient_ins
        WHERE l.treatment_id = ANY($1::text[])
        ORDER BY a.substance NULLS LAST, x.label NULLS LAST`,
      [treatmentIds],
    );
    const byTreatment = new Map(
      treatmentIds.map((id) => [id, { allergies: [] as Allergy[], antecedents: [] as Antecedent[] }]),
    );
    for (const row of rows) {
      const entry = byTreatment.get(row.treatment_id)!;
      if (row.allergy)
        entry.allergies.push(toAllergy({ ...row.allergy, recorded_at: new Date(row.allergy.recorded_at) }));
      if (row.antecedent) entry.antecedents.push(toAntecedent(row.antecedent));
    }
    return treatmentIds.map((id) => byTreatment.get(id)!);
  }),
}));

export const toTreatment = (r: TreatmentRow): Treatment => ({
  id: r.id,
  name: r.name,
  cip13: r.cip13,
  dosage: r.dosage,
  comment: r.comment,
  start: toPartialDate(r.start_on),
  end: toPartialDate(r.end_on),
  recordedAt: r.recorded_at,
});

export const toHospitalisation = (r: HospitalisationRow): Hospitalisation => ({
  id: r.id,
  reason: r.reason,
  comment: r.comment,
  start: toPartialDate(r.start_on),
  duration: r.duration,
  durationUnit: r.duration_unit,
  durationUnitLabel: r.duration_unit ? DurationUnits.label(r.duration_unit) : null,
  recordedAt: r.recorded_at,
});

export const toDisability = (r: DisabilityRow): Disability => ({
  id: r.id,
  name: r.name,
  comment: r.comment,
  kinds: r.kinds,
  kindLabels: r.kinds.map(DisabilityKinds.label),
  rate: r.rate,
  rateLabel: r.rate ? DisabilityRates.label(r.rate) : null,
  technicalHelp: r.technical_help,
  humanHelp: r.human_help,
  recordedAt: r.recorded_at,
});
