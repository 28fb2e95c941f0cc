import { createPatientRef } from '../kit/documents/patient-ref.type';

/** This source's view of the Patient entity. */
export const SourcePatient = createPatientRef();
