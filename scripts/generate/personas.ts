import { nirKey } from '../../domain/ins';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../domain/paths';
import type { Scenario } from '../scenario/scenario';

/** Fixed actors every generated data set contains, so that front-end teams can try each point of view. */
export const DEMO = {
  doctor: '10000000001',
  pharmacist: '10000000002',
  podiatrist: '10000000003',
  cardiologist: '10000000004',
  blocked: '10000000005',
  oncologist: '10000000006',
  nurse: '10000000007',
} as const;

const ins = (nir13: string) => nir13 + nirKey(nir13);
export const DEMO_PATIENT_INS = ins('2840775116123');
export const DEMO_MINOR_INS = ins('1140469123045');

/** The demo personas as a scenario file: the generator loads it first, tests load it as a fixture. */
export const DEMO_SCENARIO_PATH = projectPath('scripts', 'generate', 'demo-scenario.json');
export const demoScenario = (): Scenario => JSON.parse(readFileSync(DEMO_SCENARIO_PATH, 'utf8'));

/** `<actor id> <kind> <description>` lines for `npm run token -- --list`. */
export const PERSONAS: [string, string, string][] = [
  [
    `patient:${DEMO_PATIENT_INS}`,
    'patient',
    "Hélène Lefèvre (née de La Tour d'Auvergne), demo patient with data in all six sources",
  ],
  [
    `patient:${DEMO_MINOR_INS}`,
    'patient',
    "Maël N'Diaye-Lefèvre, a minor with a secret document (INVISIBLE_REPRESENTANTS_LEGAUX)",
  ],
  ['rep:demo-parent', 'representative', 'Legal representative of Maël'],
  [`ps:${DEMO.doctor}`, 'professional', 'Dr Claire Martin, médecine générale (10/SM54), médecin traitant of Hélène'],
  [`ps:${DEMO.pharmacist}`, 'professional', 'Antoine Moreau, pharmacien (21), authorised by Hélène'],
  [`ps:${DEMO.podiatrist}`, 'professional', 'Julie Bernard, pédicure-podologue (80), authorised by Hélène'],
  [`ps:${DEMO.oncologist}`, 'professional', 'Dr Sophie Lambert, oncologie médicale (10/SM36), authorised by Hélène'],
  [`ps:${DEMO.cardiologist}`, 'professional', 'Dr Karim Benali, cardiologie (10/SM04), not authorised'],
  [`ps:${DEMO.blocked}`, 'professional', 'Dr Paul Girard, médecine générale (10/SM54), blocked by Hélène'],
  ['samu:75', 'regulator', 'SAMU de Paris, centre 15 regulator'],
  ['etab:750712184', 'establishment', 'AP-HP HEGP feeding channel (writes only)'],
  ['am:alim', 'assurance_maladie_feed', 'Assurance maladie reimbursement feed (ALIM_AM, writes care lines only)'],
  ['analyst:drees', 'analyst', 'DREES analytics team (aggregates only)'],
  ['org:mutuelle-exemple', 'forbidden_organisation', 'A mutuelle: may never read a DMP'],
  ['org:assureur-exemple', 'forbidden_organisation', 'An insurer: may never read a DMP'],
  ['heir:demo', 'heir', 'Ayant droit of Georges Lefèvre (137057505607761), deceased: reads the reports heirs need'],
  ['ops:dmp', 'operator', 'DMP operations: watches emergency-access abuse, reads no patient data'],
  ['host:medecin', 'host_physician', "Médecin de l'hébergeur: decides requests to delete a document, reads no record"],
];
