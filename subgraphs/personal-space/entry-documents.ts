import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { idArgument, idListArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import { perRequest } from '../../runtime/context';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { SubgraphContext } from '../kit/context';
import type { PatientRef } from '../kit/documents/patient-ref.type';
import { PersonalDocument, Antecedent } from './personal-space.type';
import { Hospitalisation, Treatment } from './profile-sections.type';
import { personalDocuments } from './personal-space.repo';
import { writeHealthProfile } from './health-profile-write';

/**
 * Links from a health-profile entry (an antecedent, a stay in hospital, a treatment) to documents of the
 * personal space (migration 009). A link shows only with a document the reader may read, read through the
 * documents' own rules and trace: a document hidden from the reader is never hinted at, not even by a link.
 */

/** At most this many documents linked from one entry. */
const MAX_LINKS = 20;

export type LinkedEntryKind = 'ANTECEDENT' | 'HOSPITALISATION' | 'TREATMENT';

/** An entry as a list of personalSpace hands it down: with the patient it was read for. */
export type EntryRoot = { id: string; patient?: PatientRef };

/** Attaches the patient an entry was read for, so its links can be read under that patient's grant. */
export const forPatient =
  (patient: PatientRef) =>
  <T extends object>(entry: T): T & { patient: PatientRef } =>
    Object.assign(entry, { patient });

@ObjectType({ description: 'A document of the personal space an entry of the health profile refers to.' })
export class EntryDocumentLink {
  @Field(() => ID, { description: 'The link itself: unlinkDocuments removes it, leaving entry and document.' })
  id!: string;
  @Field(() => PersonalDocument, { description: 'The current version of the document linked.' })
  document!: PersonalDocument;
}

/** Document ids given with an entry, checked and without repeats; null (not given) leaves the links alone. */
export const documentIdsArgument = (field: string, ids: string[] | null | undefined): string[] | null =>
  idListArgument(ids, field, { max: MAX_LINKS, what: 'a document id', noun: 'documents' });

/** Hidden from this writer: a representative does not see, so does not link nor unlink, the minor's secrets. */
const hiddenFromWriter = `($WRITER AND (d.visibility @> ARRAY['INVISIBLE_REPRESENTANTS_LEGAUX']))`;

/**
 * Replaces the documents linked to one entry by `documentIds`, inside the entry's write. Every id must be a
 * current document of this personal space the writer may see (BAD_USER_INPUT naming `field` otherwise, and the
 * write goes back). Links to documents hidden from the writer stay as they are.
 */
export async function replaceDocumentLinks(
  tx: SqlExecutor,
  writer: { kind: 'PATIENT' | 'REPRESENTATIVE' },
  now: Date,
  kind: LinkedEntryKind,
  ins: string,
  entryId: string,
  documentIds: string[] | null,
  field: string,
): Promise<void> {
  if (documentIds === null) return;
  const representative = writer.kind === 'REPRESENTATIVE';
  const hidden = hiddenFromWriter.replace('$WRITER', '$3');
  const found = await tx.query<{ asked: string; lineage: string }>(
    `SELECT asked.id AS asked, COALESCE(d.lineage_id, d.id) AS lineage
       FROM unnest($2::text[]) WITH ORDINALITY AS asked(id, n)
       LEFT JOIN personal_document d ON d.id = asked.id AND d.patient_ins = $1 AND d.superseded_by IS NULL
            AND NOT ${hidden}
      ORDER BY asked.n`,
    [ins, documentIds, representative],
  );
  const missing = found.find((row) => row.lineage === null);
  if (missing) throw badInput(field, `${missing.asked} is not a current document of this personal space`);
  await tx.query(
    `DELETE FROM entry_document_link l USING personal_document d
      WHERE l.entry_id = $1 AND l.patient_ins = $2 AND d.id = l.lineage_id AND NOT ${hiddenFromWriter.replace('$WRITER', '$3')}`,
    [entryId, ins, representative],
  );
  const lineages = found.map((row) => row.lineage);
  await tx.query(
    `INSERT INTO entry_document_link (id, patient_ins, entry_kind, entry_id, lineage_id, linked_at, position)
     SELECT link.id, $1, $2, $3, link.lineage, $4, link.n
       FROM unnest($5::text[], $6::text[]) WITH ORDINALITY AS link(id, lineage, n)
     ON CONFLICT (entry_id, lineage_id) DO NOTHING`,
    [ins, kind, entryId, now, lineages.map(() => `lnk-${randomUUID()}`), lineages],
  );
}

/** An entry removed takes its links with it. */
export async function removeEntryLinks(tx: SqlExecutor, ins: string, entryId: string): Promise<void> {
  await tx.query('DELETE FROM entry_document_link WHERE entry_id = $1 AND patient_ins = $2', [entryId, ins]);
}

/**
 * One statement for the links of every entry of a request, then one read of their documents per patient,
 * through the personal space's document list (its visibility rules and its trace).
 */
const linkLoader = perRequest(
  (ctx: SubgraphContext) =>
    new DataLoader<EntryRoot, EntryDocumentLink[], string>(
      async (entries) => {
        const rows = await ctx.deps.store.query<{ id: string; entry_id: string; document_id: string }>(
          `SELECT l.id, l.entry_id, d.id AS document_id
             FROM entry_document_link l
             JOIN personal_document d ON COALESCE(d.lineage_id, d.id) = l.lineage_id AND d.superseded_by IS NULL
            WHERE l.entry_id = ANY($1::text[])
            ORDER BY l.linked_at, l.position, l.id`,
          [entries.map((e) => e.id)],
        );
        const documents = new Map<string, PersonalDocument>();
        const byPatient = new Map<string, { patient: PatientRef; ids: Set<string> }>();
        for (const entry of entries) {
          const ids = rows.filter((r) => r.entry_id === entry.id).map((r) => r.document_id);
          if (!entry.patient || ids.length === 0) continue;
          const group = byPatient.get(entry.patient.ins) ?? { patient: entry.patient, ids: new Set<string>() };
          ids.forEach((id) => group.ids.add(id));
          byPatient.set(entry.patient.ins, group);
        }
        for (const { patient, ids } of byPatient.values()) {
          const all = [...ids];
          for (let i = 0; i < all.length; i += 100) {
            const page = await personalDocuments.connection(ctx, patient, {
              first: 100,
              filter: { ids: all.slice(i, i + 100) },
            });
            for (const node of await page.nodes) documents.set(node.id, node);
          }
        }
        return entries.map((entry) =>
          rows
            .filter((r) => r.entry_id === entry.id && entry.patient && documents.has(r.document_id))
            .map((r) => ({ id: r.id, document: documents.get(r.document_id)! })),
        );
      },
      { cacheKeyFn: (entry) => entry.id },
    ),
);

const DOCUMENT_LINKS = {
  description:
    'Documents of the personal space this entry refers to, that the reader may read (a report, a discharge letter, a prescription). Read through personalSpace; empty in a write’s answer.',
};
const links = (entry: EntryRoot, ctx: SubgraphContext) =>
  entry.patient ? linkLoader(ctx).load(entry) : Promise.resolve([]);

@Resolver(() => Antecedent)
export class AntecedentDocumentsResolver {
  @FieldResolver(() => [EntryDocumentLink], DOCUMENT_LINKS)
  documentLinks(@Root() entry: EntryRoot, @Ctx() ctx: SubgraphContext): Promise<EntryDocumentLink[]> {
    return links(entry, ctx);
  }
}

@Resolver(() => Hospitalisation)
export class HospitalisationDocumentsResolver {
  @FieldResolver(() => [EntryDocumentLink], DOCUMENT_LINKS)
  documentLinks(@Root() entry: EntryRoot, @Ctx() ctx: SubgraphContext): Promise<EntryDocumentLink[]> {
    return links(entry, ctx);
  }
}

@Resolver(() => Treatment)
export class TreatmentDocumentsResolver {
  @FieldResolver(() => [EntryDocumentLink], DOCUMENT_LINKS)
  documentLinks(@Root() entry: EntryRoot, @Ctx() ctx: SubgraphContext): Promise<EntryDocumentLink[]> {
    return links(entry, ctx);
  }
}

@Resolver()
export class EntryDocumentLinksWriteResolver {
  @Mutation(() => [ID], {
    nullable: true,
    description:
      "Removes links between entries of the health profile and documents (the app's delete_link), all or nothing; the entries and documents stay. Returns the ids removed.",
  })
  unlinkDocuments(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('ids', () => [ID], { description: 'The links to remove (EntryDocumentLink.id), 1 to 100.' }) rawIds: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<string[]> {
    const ids = [...new Set(rawIds)];
    if (ids.length === 0 || ids.length > 100) throw badInput('ids', 'give 1 to 100 link ids');
    ids.forEach((id, i) => idArgument(id, `ids[${i}]`, 'a link id'));
    return writeHealthProfile(ctx, ins, 'documentLinks', async (tx, patientIns, writer) => {
      const representative = writer.kind === 'REPRESENTATIVE';
      const gone = await tx.query<{ id: string }>(
        `DELETE FROM entry_document_link l USING personal_document d
          WHERE l.id = ANY($1::text[]) AND l.patient_ins = $2 AND d.id = l.lineage_id
            AND NOT ${hiddenFromWriter.replace('$WRITER', '$3')}
        RETURNING l.id`,
        [ids, patientIns, representative],
      );
      const removed = new Set(gone.map((g) => g.id));
      const missing = ids.findIndex((id) => !removed.has(id));
      if (missing >= 0) throw badInput(`ids[${missing}]`, 'no such link in this personal space');
      return ids;
    });
  }
}
