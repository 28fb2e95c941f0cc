import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { Actor } from '../../domain/actor';
import type { Ins } from '../../domain/ins';
import type { ProfessionCode, SpecialtyCode } from '../../domain/codes';

/**
 * The actor behind an id of the registry: `patient:<INS>`, `ps:<RPPS>`, or an account id. Used by the local
 * issuer to mint demo tokens; production identities come from the identity providers.
 */
export async function findActor(store: SqlExecutor, id: string): Promise<Actor | null> {
  const [prefix, rest] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
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
    case 'assurance_maladie_feed':
      return { kind: row.kind, id };
    default:
      return null;
  }
}

/**
 * The actor as the registry judges it: a professional must be in the directory under that RPPS, any other
 * actor but a patient must hold an account of that kind (docs/law.md §3). A signed identity the directory
 * does not hold becomes `unrecognised`, which every rule refuses: it gets the answer any refused actor gets.
 * A patient is recognised by their INS alone: the registry is where their record is, or will be created.
 */
export async function recognise(store: SqlExecutor, actor: Actor): Promise<Actor> {
  if (actor.kind === 'patient' || actor.kind === 'unrecognised') return actor;
  const [row] =
    actor.kind === 'professional'
      ? await store.query<{ known: boolean }>('SELECT true AS known FROM professional WHERE rpps = $1', [actor.rpps])
      : await store.query<{ known: boolean }>('SELECT true AS known FROM account WHERE id = $1 AND kind = $2', [
          actor.id,
          actor.kind,
        ]);
  return row ? actor : { kind: 'unrecognised', id: actor.id, claimed: actor.kind };
}
