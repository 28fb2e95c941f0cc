import type { SqlExecutor } from '../../runtime/store/sql-store';
import { representationInForce, type PatientRow } from './patient.repo';

/** An ayant droit: the registry's identity columns, as the Assurance maladie states them. */
export type BeneficiaryRow = Pick<
  PatientRow,
  'ins' | 'birth_name' | 'used_name' | 'first_name' | 'given_names' | 'sex' | 'birth_date' | 'birthplace_code'
> & {
  id: string;
  ins_kind: 'NIR' | 'NIA' | 'TEST' | 'DEMO';
  record_exists: boolean;
  represents_it: boolean;
};

/**
 * The persons attached to an account's cover, youngest last, each with whether the registry holds a DMP for
 * them and whether the account represents it now: one statement, whatever the family's size.
 */
export function beneficiariesOf(
  store: SqlExecutor,
  accountId: string,
  today: string,
  minorAfter: string,
): Promise<BeneficiaryRow[]> {
  return store.query<BeneficiaryRow>(
    `SELECT b.id::text, b.ins, b.ins_kind, b.birth_name, b.used_name, b.first_name, b.given_names, b.sex,
            b.birth_date, b.birthplace_code,
            EXISTS (SELECT 1 FROM patient p WHERE p.ins = b.ins) AS record_exists,
            EXISTS (SELECT 1 FROM legal_representative l JOIN patient p ON p.ins = l.patient_ins
                     WHERE l.patient_ins = b.ins AND l.account_id = b.account_id
                       AND ${representationInForce('$2', '$3')}) AS represents_it
       FROM insurance_beneficiary b
      WHERE b.account_id = $1
      ORDER BY b.birth_date, b.id`,
    [accountId, today, minorAfter],
  );
}
