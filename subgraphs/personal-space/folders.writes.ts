import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { idArgument } from '../../runtime/arguments';
import { badInput } from '../../runtime/errors';
import type { SqlExecutor } from '../../runtime/store/sql-store';
import type { SubgraphContext } from '../kit/context';
import { requiredText } from '../kit/documents/deposit';
import { PersonalDocument } from './personal-space.type';
import { DocumentFolder } from './personal-documents.type';
import { toFolder } from './folders.repo';
import { documentIdsArgument, readBack, writeOwnDocuments } from './personal-documents.own';

/** Folders are one level of the patient's own arrangement, not a file system: a bound keeps the list whole. */
const MAX_FOLDERS = 100;
const folderName = (name: string) => requiredText('name', name, 100);

/** The folder, locked, when it is one of this patient's; else BAD_USER_INPUT naming the argument. */
async function ownFolder(tx: SqlExecutor, ins: string, id: string, field: string) {
  const [row] = await tx.query<{ id: string; name: string; created_at: Date }>(
    'SELECT id, name, created_at FROM document_folder WHERE id = $1 AND patient_ins = $2 FOR UPDATE',
    [id, ins],
  );
  if (!row) throw badInput(field, 'no such folder in this personal space');
  return row;
}

@Resolver()
export class DocumentFolderWritesResolver {
  @Mutation(() => DocumentFolder, {
    nullable: true,
    description: "Creates a folder for the patient's own documents (the app's create_folder; at most 100).",
  })
  createDocumentFolder(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('name', () => String, { description: 'Its name, 1 to 100 characters.' }) name: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DocumentFolder> {
    const checked = folderName(name);
    const id = `fld-${randomUUID()}`;
    return writeOwnDocuments(
      ctx,
      ins,
      [],
      'name',
      'organise-own-documents',
      async ({ tx, ins: patient }) => {
        // The bound is counted in SQL, in the statement that inserts.
        const [row] = await tx.query<{ id: string; name: string; created_at: Date }>(
          `INSERT INTO document_folder (id, patient_ins, name, created_at)
           SELECT $1, $2::text, $3, $4 WHERE (SELECT count(*) FROM document_folder WHERE patient_ins = $2) < $5
           RETURNING id, name, created_at`,
          [id, patient, checked, ctx.now, MAX_FOLDERS],
        );
        if (!row) throw badInput('name', `a personal space has at most ${MAX_FOLDERS} folders`);
        return toFolder(row);
      },
      { extraTouched: [`folder:${id}`] },
    );
  }

  @Mutation(() => DocumentFolder, { nullable: true, description: "Renames a folder (the app's rename_folder)." })
  renameDocumentFolder(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('id', () => ID, { description: 'The folder (DocumentFolder.id).' }) id: string,
    @Arg('name', () => String, { description: 'Its new name, 1 to 100 characters.' }) name: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DocumentFolder> {
    idArgument(id, 'id', 'a folder id');
    const checked = folderName(name);
    return writeOwnDocuments(
      ctx,
      ins,
      [],
      'id',
      'organise-own-documents',
      async ({ tx, ins: patient }) => {
        await ownFolder(tx, patient, id, 'id');
        const [row] = await tx.query<{ id: string; name: string; created_at: Date }>(
          'UPDATE document_folder SET name = $3 WHERE id = $1 AND patient_ins = $2 RETURNING id, name, created_at',
          [id, patient, checked],
        );
        return toFolder(row);
      },
      { extraTouched: [`folder:${id}`] },
    );
  }

  @Mutation(() => ID, {
    nullable: true,
    description: "Deletes a folder; its documents stay and go back to no folder (the app's delete_folder).",
  })
  deleteDocumentFolder(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('id', () => ID, { description: 'The folder (DocumentFolder.id).' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    idArgument(id, 'id', 'a folder id');
    return writeOwnDocuments(
      ctx,
      ins,
      [],
      'id',
      'organise-own-documents',
      async ({ tx, ins: patient }) => {
        await ownFolder(tx, patient, id, 'id');
        // The documents' folder_id becomes NULL by the foreign key (ON DELETE SET NULL, migration 007).
        await tx.query('DELETE FROM document_folder WHERE id = $1 AND patient_ins = $2', [id, patient]);
        return id;
      },
      { extraTouched: [`folder:${id}`] },
    );
  }

  @Mutation(() => [PersonalDocument], {
    nullable: true,
    description:
      "Moves documents of the patient's own into a folder, or out of any with no folderId (1 to 100 ids, all or none; the app's move_documents). They stay there across versions.",
  })
  movePersonalDocuments(
    @Arg('ins', () => String, { description: "The patient's INS." }) ins: string,
    @Arg('ids', () => [ID], { description: 'The current documents to move (PersonalDocument.id).' })
    rawIds: string[],
    @Arg('folderId', () => ID, { nullable: true, description: 'The folder (DocumentFolder.id); none: no folder.' })
    folderId: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PersonalDocument[]> {
    const { ids, fieldOf } = documentIdsArgument(rawIds);
    if (folderId != null) idArgument(folderId, 'folderId', 'a folder id');
    return writeOwnDocuments(
      ctx,
      ins,
      ids,
      fieldOf,
      'organise-own-documents',
      async (write) => {
        if (folderId != null) await ownFolder(write.tx, write.ins, folderId, 'folderId');
        await write.tx.query(
          `INSERT INTO personal_document_organisation (lineage_id, patient_ins, folder_id)
           SELECT lineage, $1::text, $3::text FROM unnest($2::text[]) AS lineage
           ON CONFLICT (lineage_id) DO UPDATE SET folder_id = EXCLUDED.folder_id`,
          [write.ins, write.documents.map((d) => d.lineage), folderId],
        );
        return readBack(write, ctx);
      },
      { extraTouched: folderId ? [`folder:${folderId}`] : [] },
    );
  }
}
