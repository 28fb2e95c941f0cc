import type { AccessGrant } from './grant';

/**
 * What the reader may do with the measures of the health profile, as a front end shows its buttons. Each flag
 * is true exactly when the mutation it names would be let through by the field rules (personalSpaceWriters) and
 * asked of the registry: the patient's side writes in the personal space (docs/law.md §4), nobody else.
 */
export interface MeasurePermissions {
  /** recordMeasure for this kind. */
  add: boolean;
  /** measures(kinds:) for this kind: whoever reads the measure reads its history. */
  history: boolean;
  /** recordMeasure with this measure's id. */
  update: boolean;
  /** removeMeasure. */
  delete: boolean;
}

/** Who may have recorded a measure: the patient's side today; a connected device or service later. */
export type MeasureRecorder = 'PATIENT' | 'REPRESENTATIVE';

/**
 * Pure: from how the reader holds the record (the grant a measure was read under; a write's answer, the writer's
 * own side) and who recorded the measure (null: a kind with no measure yet).
 */
export function measurePermissions(
  grant: Pick<AccessGrant, 'mode'>,
  recordedBy: MeasureRecorder | null,
): MeasurePermissions {
  const patientSide = grant.mode === 'patient' || grant.mode === 'representative';
  // What the patient's side recorded, the patient's side edits; a value sent by a device would stay as sent.
  const editable = patientSide && (recordedBy === 'PATIENT' || recordedBy === 'REPRESENTATIVE');
  return { add: patientSide, history: true, update: editable, delete: editable };
}
