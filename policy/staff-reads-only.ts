import type { Refusal } from './rules';

/**
 * Staff without a CPS card, vouched for by their establishment, read and write nothing (docs/law.md §3): no
 * deposit, consent, bris de glace, record creation or lifecycle change rests on the establishment's word alone.
 * Every write decision answers them with this one refusal.
 */
export const STAFF_READS_ONLY: Readonly<Refusal> = Object.freeze({
  allowed: false,
  rule: 'deny.vouched-staff-reads-only',
  reason: 'a member of staff acting through their establishment reads only',
});
