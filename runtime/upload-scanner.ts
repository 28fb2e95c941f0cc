/**
 * The scanning port every file passes before the graph keeps it (issue 18: uploads from a phone, and any
 * deposited file). The graph ships no antivirus: the default adapter lets everything through, and `eicar`
 * recognises only the EICAR test file, to prove the refusal path. A real engine (ClamAV's clamd, INSTREAM)
 * is an adapter of this interface; docs/security.md, "Uploads", says how one plugs in.
 */
export type ScanVerdict = { clean: true } | { clean: false; threat: string };

export interface UploadScanner {
  /** What this adapter is (configuration UPLOAD_SCANNER), for the logs. */
  readonly name: string;
  scan(bytes: Buffer, mediaType: string): Promise<ScanVerdict>;
}

/** The default: no scan. The deployment that needs one configures an adapter. */
export const noScanner: UploadScanner = { name: 'none', scan: async () => ({ clean: true }) };

/** The EICAR anti-malware test file (eicar.org): harmless, and recognised by every antivirus as a virus. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const EICAR_BYTES = Buffer.from(EICAR, 'latin1');

/** Finds the EICAR test string anywhere in the file, and nothing else: for tests and for checking a deployment. */
export const eicarScanner: UploadScanner = {
  name: 'eicar',
  scan: async (bytes) =>
    bytes.includes(EICAR_BYTES) ? { clean: false, threat: 'Eicar-Test-Signature' } : { clean: true },
};

export const UPLOAD_SCANNERS = { none: noScanner, eicar: eicarScanner } as const;
export type UploadScannerName = keyof typeof UPLOAD_SCANNERS;
