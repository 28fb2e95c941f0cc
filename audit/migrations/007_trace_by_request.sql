-- The patient's side reads its history without the accesses that concerned only documents hidden from it
-- (audit/trace-repo.ts withheldFor): that looks up the other traces of the same request for the same patient.
CREATE INDEX access_trace_patient_request ON access_trace (patient_ins, request_id);
