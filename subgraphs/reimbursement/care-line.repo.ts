import { createDocumentSource } from '../kit/documents/document-source';
import { documentMetadata, type DocumentRow, type RetentionCondition } from '../kit/documents/document-repo';
import { retentionCutoff } from '../../policy/periods';
import type { ActSystem, CareLine, CareLineEstablishment, CareLineProfessional } from './care-line.type';

export const CARE_LINE_COLUMNS = [
  'act_system',
  'act_code',
  'act_label',
  'boxes',
  'executor_id',
  'executor_name',
  'executor_profession',
  'executor_specialty',
  'prescriber_id',
  'prescriber_name',
  'prescriber_profession',
  'prescriber_specialty',
  'amount_cents',
  'reimbursed_cents',
  'care_finess',
  'care_establishment_name',
] as const;

const professional = (
  id: unknown,
  name: unknown,
  profession: unknown,
  specialty: unknown,
): CareLineProfessional | null =>
  id || name
    ? {
        id: id as string | null,
        name: name as string | null,
        professionCode: profession as string | null,
        specialtyCode: specialty as string | null,
      }
    : null;

/** The DMP shows the last 24 months of reimbursements (policy/periods.json, docs/law.md §1). */
export const CARE_LINE_RETENTION: RetentionCondition = (now, add) =>
  `effective_at > ${add(retentionCutoff('reimbursement', now))}::timestamptz`;

const establishment = (finess: unknown, name: unknown): CareLineEstablishment | null =>
  finess ? { finess: finess as string, name: (name as string | null) ?? null } : null;

/** A care line row as the graph shows it (the list, the timeline and the history all read it so). */
export const careLineOf = (row: DocumentRow): CareLine => ({
  ...documentMetadata(row),
  actSystem: row.act_system as ActSystem,
  actCode: row.act_code as string,
  actLabel: row.act_label as string,
  boxes: row.boxes as number | null,
  executor: professional(row.executor_id, row.executor_name, row.executor_profession, row.executor_specialty),
  prescriber: professional(row.prescriber_id, row.prescriber_name, row.prescriber_profession, row.prescriber_specialty),
  amountCents: row.amount_cents as number,
  reimbursedCents: row.reimbursed_cents as number,
  establishment: establishment(row.care_finess, row.care_establishment_name),
});

export const careLines = createDocumentSource<CareLine>(
  { table: 'care_line', retention: CARE_LINE_RETENTION },
  careLineOf,
);
