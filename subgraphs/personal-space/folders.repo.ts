import DataLoader from 'dataloader';
import { perRequest } from '../../runtime/context';
import type { SubgraphContext } from '../kit/context';
import { rowsByPatient } from '../kit/documents/rows-by-patient';
import type { DocumentFolder } from './personal-documents.type';

/** How the patient arranged one document (its lineage): no row is no folder, not pinned, not reported. */
export interface DocumentOrganisation {
  folder: DocumentFolder | null;
  pinned: boolean;
  reportedAt: Date | null;
}

const UNARRANGED: DocumentOrganisation = { folder: null, pinned: false, reportedAt: null };

export const toFolder = (r: { id: string; name: string; created_at: Date }): DocumentFolder => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
});

/** Per request, one statement for every document read and one for every patient's folders. */
export const organisationLoaders = perRequest((ctx: SubgraphContext) => ({
  byLineage: new DataLoader<string, DocumentOrganisation>(async (lineages) => {
    const rows = await ctx.deps.store.query<{
      lineage_id: string;
      pinned: boolean;
      reported_at: Date | null;
      folder_id: string | null;
      name: string | null;
      created_at: Date | null;
    }>(
      `SELECT o.lineage_id, o.pinned, o.reported_at, f.id AS folder_id, f.name, f.created_at
       FROM personal_document_organisation o LEFT JOIN document_folder f ON f.id = o.folder_id
       WHERE o.lineage_id = ANY($1::text[])`,
      [lineages],
    );
    const byLineage = new Map(rows.map((r) => [r.lineage_id, r]));
    return lineages.map((lineage) => {
      const r = byLineage.get(lineage);
      if (!r) return UNARRANGED;
      return {
        pinned: r.pinned,
        reportedAt: r.reported_at,
        folder: r.folder_id ? toFolder({ id: r.folder_id, name: r.name!, created_at: r.created_at! }) : null,
      };
    });
  }),
  folders: rowsByPatient<{ id: string; patient_ins: string; name: string; created_at: Date }>(
    ctx.deps.store,
    'document_folder',
    'name, id',
  ),
}));
