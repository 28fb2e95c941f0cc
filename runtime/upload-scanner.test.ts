import { EICAR, UPLOAD_SCANNERS, eicarScanner, noScanner } from './upload-scanner';
import { readConfig } from './config';

describe('the scanning port', () => {
  const eicarFile = Buffer.from(EICAR, 'latin1');
  const inside = Buffer.concat([Buffer.from('before '), eicarFile, Buffer.from(' after')]);
  const clean = Buffer.from('Compte rendu de consultation');

  it.each([
    ['none', eicarFile, true],
    ['none', clean, true],
    ['eicar', eicarFile, false],
    ['eicar', inside, false],
    ['eicar', clean, true],
  ] as const)('%s on a file: clean %s', async (name, bytes, isClean) => {
    const verdict = await UPLOAD_SCANNERS[name].scan(bytes, 'text/plain');
    expect(verdict.clean).toBe(isClean);
    if (!verdict.clean) expect(verdict.threat).toBe('Eicar-Test-Signature');
  });

  it('is none by default, chosen by UPLOAD_SCANNER, and refuses a name it does not know', () => {
    expect(UPLOAD_SCANNERS[readConfig({}).uploadScanner]).toBe(noScanner);
    expect(UPLOAD_SCANNERS[readConfig({ UPLOAD_SCANNER: 'eicar' }).uploadScanner]).toBe(eicarScanner);
    expect(() => readConfig({ UPLOAD_SCANNER: 'clamav' })).toThrow(
      /UPLOAD_SCANNER="clamav": expected one of none, eicar/,
    );
  });
});
