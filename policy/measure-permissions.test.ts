import type { AccessGrant } from './grant';
import { measurePermissions, type MeasurePermissions, type MeasureRecorder } from './measure-permissions';

const grant = (over: Partial<AccessGrant>): AccessGrant => ({
  ins: '284077511612365' as AccessGrant['ins'],
  actorId: 'patient:284077511612365',
  mode: 'patient',
  matrixProfession: null,
  hiddenLabels: [],
  maskedVisible: true,
  authorId: null,
  rule: 'patient.self',
  ...over,
});
const flags = (on: (keyof MeasurePermissions)[]): MeasurePermissions => ({
  add: on.includes('add'),
  history: on.includes('history'),
  update: on.includes('update'),
  delete: on.includes('delete'),
});

describe('measure permissions (policy/measure-permissions.ts)', () => {
  it.each<[string, Partial<AccessGrant>, MeasureRecorder | null, (keyof MeasurePermissions)[]]>([
    ['the patient, a measure they recorded', {}, 'PATIENT', ['add', 'history', 'update', 'delete']],
    ['the patient, a measure their parent recorded', {}, 'REPRESENTATIVE', ['add', 'history', 'update', 'delete']],
    ['the patient, a kind with no measure yet', {}, null, ['add', 'history']],
    [
      'a legal representative',
      { mode: 'representative', rule: 'representative.legal', actorId: 'rep:parent' },
      'PATIENT',
      ['add', 'history', 'update', 'delete'],
    ],
    [
      'the médecin traitant',
      { mode: 'normal', rule: 'professional.medecin-traitant', actorId: 'ps:1' },
      'PATIENT',
      ['history'],
    ],
    [
      'a professional in bris de glace',
      { mode: 'bris_de_glace', rule: 'professional.bris-de-glace' },
      'PATIENT',
      ['history'],
    ],
    ['the centre 15', { mode: 'centre_15', rule: 'regulator.centre-15' }, 'PATIENT', ['history']],
  ])('%s', (_who, over, recordedBy, on) => {
    expect(measurePermissions(grant(over), recordedBy)).toEqual(flags(on));
  });
});
