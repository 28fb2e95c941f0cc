import { createDocumentSource } from '../../runtime/documents/document-source';
import { documentMetadata, type DocumentRow } from '../../runtime/documents/document-repo';
import type { Dispensation, ProductCategory } from './dispensation.type';

export const DISPENSATION_COLUMNS = ['cip13', 'atc', 'product_name', 'product_category', 'quantity', 'prescribed'] as const;

/** The DP shows 4 months of dispensations; vaccines 21 years; biological medicines 3 years. */
export const DP_RETENTION = `effective_at > now() - CASE product_category
  WHEN 'VACCINE' THEN interval '21 years' WHEN 'BIOLOGICAL' THEN interval '3 years' ELSE interval '4 months' END`;

export const dispensations = createDocumentSource<Dispensation>({ table: 'dispensation', retention: DP_RETENTION }, (row: DocumentRow) => ({
  ...documentMetadata(row),
  cip13: row.cip13 as string,
  atc: row.atc as string,
  productName: row.product_name as string,
  productCategory: row.product_category as ProductCategory,
  quantity: row.quantity as number,
  prescribed: row.prescribed as boolean,
}));
