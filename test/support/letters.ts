import { createHash, randomUUID } from 'node:crypto';
import { parisDate } from '../../domain/calendar';
import type { TestGraph } from './test-graph';

/** A minimal PDF, for deposits that carry a file. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * Deposits a lettre de liaison of yesterday for this patient, as this actor, through the gateway: with the PDF
 * when `withFile`, with these labels when given. The new document's id.
 */
export async function depositLetter(
  graph: TestGraph,
  actor: string,
  ins: string,
  options: { withFile?: boolean; visibility?: string[] } = {},
): Promise<string> {
  const yesterday = new Date(Date.now() - 86_400_000);
  const answer = await (
    await graph.as(actor)
  )(`mutation ($input: HospitalReportDeposit!) { depositHospitalReport(input: $input) { documentId } }`, {
    input: {
      ins,
      idempotencyKey: randomUUID(),
      typeCode: '11490-0',
      title: 'Lettre de liaison',
      effectiveAt: yesterday.toISOString(),
      stayStart: parisDate(yesterday),
      stayEnd: parisDate(yesterday),
      careUnit: 'Cardiologie',
      summary: 'Sortie à domicile.',
      ...(options.visibility ? { visibility: options.visibility } : {}),
      ...(options.withFile
        ? {
            content: {
              mimeType: 'application/pdf',
              base64: PDF.toString('base64'),
              sha256: createHash('sha256').update(PDF).digest('hex'),
            },
          }
        : {}),
    },
  });
  if (answer.errors) throw new Error(`deposit refused: ${JSON.stringify(answer.errors)}`);
  return answer.data.depositHospitalReport.documentId;
}
