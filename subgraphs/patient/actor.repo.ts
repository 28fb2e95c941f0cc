import type { SqlExecutor } from '../../runtime/store/sql-store';
import { parseStaffActorId, staffActorId, type Actor } from '../../domain/actor';
import type { Ins } from '../../domain/ins';
import type { ProfessionCode, SpecialtyCode } from '../../domain/codes';

/**
 * The actor behind an id of the registry: `patient:<INS>`, `ps:<RPPS>`, or an account id. Used by the local
 * issuer to mint demo tokens; production identities come from the identity providers.
 */
export async function findActor(store: SqlExecutor, id: string): Promise<Actor | null> {
  const [prefix, rest] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  const staff = parseStaffActorId(id);
  if (staff) {
    const [row] = await store.query<StaffRow>(`${STAFF} WHERE s.finess = $1 AND s.staff_id = $2`, [
      staff.finess,
      staff.staffId,
    ]);
    return row ? staffActor(row) : null;
  }
  if (prefix === 'patient') {
    const [row] = await store.query<{ ins: string }>('SELECT ins FROM patient WHERE ins = $1', [rest]);
    return row ? { kind: 'patient', id, ins: row.ins as Ins } : null;
  }
  if (prefix === 'ps') {
    const [row] = await store.query<{
      rpps: string;
      profession_code: string;
      specialty_code: string | null;
      establishment_finess: string | null;
    }>('SELECT rpps, profession_code, specialty_code, establishment_finess FROM professional WHERE rpps = $1', [rest]);
    return row
      ? {
          kind: 'professional',
          id,
          rpps: row.rpps,
          profession: row.profession_code as ProfessionCode,
          specialty: row.specialty_code as SpecialtyCode | null,
          finess: row.establishment_finess,
        }
      : null;
  }
  const [row] = await store.query<{ kind: Actor['kind']; attributes: Record<string, string> }>(
    'SELECT kind, attributes FROM account WHERE id = $1',
    [id],
  );
  if (!row) return null;
  switch (row.kind) {
    case 'regulator':
      return { kind: 'regulator', id, samuCentre: row.attributes.samuCentre ?? 'unknown' };
    case 'establishment':
      return { kind: 'establishment', id, finess: row.attributes.finess ?? 'unknown' };
    case 'forbidden_organisation':
      return { kind: 'forbidden_organisation', id, organisation: (row.attributes.organisation ?? 'insurer') as never };
    case 'representative':
    case 'heir':
    case 'analyst':
    case 'operator':
    case 'host_physician':
    case 'assurance_maladie_feed':
      return { kind: row.kind, id };
    default:
      return null;
  }
}

interface StaffRow {
  finess: string;
  staff_id: string;
  profession_code: string;
  specialty_code: string | null;
  rpps: string | null;
  establishment: string;
}

/** A member of an establishment's staff list, with the account of the establishment that keeps it. */
const STAFF = `SELECT s.finess, s.staff_id, s.profession_code, s.specialty_code, s.rpps, e.id AS establishment
  FROM establishment_staff s JOIN account e ON e.kind = 'establishment' AND e.attributes->>'finess' = s.finess`;

function staffActor(row: StaffRow): Extract<Actor, { kind: 'professional' }> {
  const id = staffActorId(row.finess, row.staff_id);
  return {
    kind: 'professional',
    id,
    rpps: row.rpps ?? id,
    profession: row.profession_code as ProfessionCode,
    specialty: row.specialty_code as SpecialtyCode | null,
    finess: row.finess,
    vouchedBy: { establishment: row.establishment, finess: row.finess, staffId: row.staff_id },
  };
}

/**
 * The actor as the registry judges it: a professional must be in the directory under that RPPS, any other
 * actor but a patient must hold an account of that kind (docs/law.md §3). A signed identity the directory
 * does not hold becomes `unrecognised`, which every rule refuses: it gets the answer any refused actor gets.
 * A patient is recognised by their INS alone: the registry is where their record is, or will be created.
 */
export async function recognise(store: SqlExecutor, actor: Actor): Promise<Actor> {
  if (actor.kind === 'patient' || actor.kind === 'unrecognised') return actor;
  if (actor.kind === 'professional' && actor.vouchedBy) {
    // A member of staff is recognised only as the list of the establishment that vouches holds them, under
    // that establishment's own account, with the profession, specialty and RPPS the list gives.
    const { establishment, finess, staffId } = actor.vouchedBy;
    const [row] = await store.query<StaffRow>(`${STAFF} WHERE s.finess = $1 AND s.staff_id = $2 AND e.id = $3`, [
      finess,
      staffId,
      establishment,
    ]);
    const listed = row ? staffActor(row) : null;
    const same =
      listed !== null &&
      listed.id === actor.id &&
      listed.rpps === actor.rpps &&
      listed.profession === actor.profession &&
      listed.specialty === actor.specialty &&
      listed.finess === actor.finess;
    return same ? actor : { kind: 'unrecognised', id: actor.id, claimed: actor.kind };
  }
  const [row] =
    actor.kind === 'professional'
      ? await store.query<{ known: boolean }>('SELECT true AS known FROM professional WHERE rpps = $1', [actor.rpps])
      : await store.query<{ known: boolean }>('SELECT true AS known FROM account WHERE id = $1 AND kind = $2', [
          actor.id,
          actor.kind,
        ]);
  return row ? actor : { kind: 'unrecognised', id: actor.id, claimed: actor.kind };
}
