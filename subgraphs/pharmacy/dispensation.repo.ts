import { createDocumentSource } from '../kit/documents/document-source';
import { documentMetadata, type DocumentRow, type RetentionCondition } from '../kit/documents/document-repo';
import { retentionCategories, retentionCutoff } from '../../policy/periods';
import type { Dispensation, ProductCategory } from './dispensation.type';

export const DISPENSATION_COLUMNS = [
  'cip13',
  'atc',
  'product_name',
  'product_category',
  'quantity',
  'prescribed',
] as const;

/** The DP shows 4 months of dispensations; vaccines 21 years; biological medicines 3 years (policy/periods.json). */
export const DP_RETENTION: RetentionCondition = (now, add) =>
  `effective_at > CASE product_category ${retentionCategories('pharmacy')
    .map((category) => `WHEN ${add(category)} THEN ${add(retentionCutoff('pharmacy', now, category))}::timestamptz`)
    .join(' ')} ELSE ${add(retentionCutoff('pharmacy', now))}::timestamptz END`;

export const dispensations = createDocumentSource<Dispensation>(
  { table: 'dispensation', retention: DP_RETENTION },
  (row: DocumentRow) => ({
    ...documentMetadata(row),
    cip13: row.cip13 as string,
    atc: row.atc as string,
    productName: row.product_name as string,
    productCategory: row.product_category as ProductCategory,
    quantity: row.quantity as number,
    prescribed: row.prescribed as boolean,
  }),
);
