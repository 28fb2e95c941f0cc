import { nirKey } from '../../domain/ins';
import type { AccountSpec, PatientSpec, ProfessionalSpec } from '../scenario/scenario';

/** Fixed actors every generated data set contains, so that front-end teams can try each point of view. */
export const DEMO = {
  doctor: '10000000001', pharmacist: '10000000002', podiatrist: '10000000003', cardiologist: '10000000004', blocked: '10000000005', oncologist: '10000000006', nurse: '10000000007',
} as const;

const ins = (nir13: string) => nir13 + nirKey(nir13);
export const DEMO_PATIENT_INS = ins('2840775116123');
export const DEMO_MINOR_INS = ins('1140469123045');

export const demoProfessionals: ProfessionalSpec[] = [
  { rpps: DEMO.doctor, familyName: 'Martin', firstName: 'Claire', profession: '10', specialty: 'SM54', establishment: { finess: '750078901', name: 'Centre de santé Richerand' } },
  { rpps: DEMO.pharmacist, familyName: 'Moreau', firstName: 'Antoine', profession: '21', specialty: null, establishment: { finess: '750012345', name: 'Pharmacie du Marché Saint-Honoré' } },
  { rpps: DEMO.podiatrist, familyName: 'Bernard', firstName: 'Julie', profession: '80', specialty: null, establishment: null },
  { rpps: DEMO.cardiologist, familyName: 'Benali', firstName: 'Karim', profession: '10', specialty: 'SM04', establishment: { finess: '750712184', name: 'AP-HP Hôpital Européen Georges-Pompidou' } },
  { rpps: DEMO.blocked, familyName: 'Girard', firstName: 'Paul', profession: '10', specialty: 'SM54', establishment: null },
  { rpps: DEMO.oncologist, familyName: 'Lambert', firstName: 'Sophie', profession: '10', specialty: 'SM36', establishment: { finess: '940110018', name: 'Gustave Roussy – Centre de lutte contre le cancer' } },
  { rpps: DEMO.nurse, familyName: 'Le Goff', firstName: 'Yannick', profession: '60', specialty: null, establishment: null },
];

export const demoAccounts: AccountSpec[] = [
  { id: 'rep:demo-parent', kind: 'representative', displayName: 'Hélène Lefèvre, mother of Maël' },
  { id: 'samu:75', kind: 'regulator', displayName: 'SAMU de Paris, centre 15', attributes: { samuCentre: '75' } },
  { id: 'etab:750712184', kind: 'establishment', displayName: 'AP-HP HEGP feeding channel', attributes: { finess: '750712184' } },
  { id: 'analyst:drees', kind: 'analyst', displayName: 'DREES analytics team' },
  { id: 'org:mutuelle-exemple', kind: 'forbidden_organisation', displayName: 'Mutuelle Exemple', attributes: { organisation: 'mutuelle' } },
  { id: 'org:assureur-exemple', kind: 'forbidden_organisation', displayName: 'Assureur Exemple', attributes: { organisation: 'insurer' } },
  { id: 'heir:demo', kind: 'heir', displayName: 'Ayant droit (demo)' },
];

/** `<actor id> <kind> <description>` lines for `npm run token -- --list`. */
export const PERSONAS: [string, string, string][] = [
  [`patient:${DEMO_PATIENT_INS}`, 'patient', 'Hélène Lefèvre (née de La Tour d\'Auvergne), demo patient with data in all six sources'],
  [`patient:${DEMO_MINOR_INS}`, 'patient', 'Maël N\'Diaye-Lefèvre, a minor with a secret document (INVISIBLE_REPRESENTANTS_LEGAUX)'],
  ['rep:demo-parent', 'representative', 'Legal representative of Maël'],
  [`ps:${DEMO.doctor}`, 'professional', 'Dr Claire Martin, médecine générale (10/SM54), médecin traitant of Hélène'],
  [`ps:${DEMO.pharmacist}`, 'professional', 'Antoine Moreau, pharmacien (21), authorised by Hélène'],
  [`ps:${DEMO.podiatrist}`, 'professional', 'Julie Bernard, pédicure-podologue (80), authorised by Hélène'],
  [`ps:${DEMO.oncologist}`, 'professional', 'Dr Sophie Lambert, oncologie médicale (10/SM36), authorised by Hélène'],
  [`ps:${DEMO.cardiologist}`, 'professional', 'Dr Karim Benali, cardiologie (10/SM04), not authorised'],
  [`ps:${DEMO.blocked}`, 'professional', 'Dr Paul Girard, médecine générale (10/SM54), blocked by Hélène'],
  ['samu:75', 'regulator', 'SAMU de Paris, centre 15 regulator'],
  ['etab:750712184', 'establishment', 'AP-HP HEGP feeding channel (writes only)'],
  ['analyst:drees', 'analyst', 'DREES analytics team (aggregates only)'],
  ['org:mutuelle-exemple', 'forbidden_organisation', 'A mutuelle: may never read a DMP'],
  ['org:assureur-exemple', 'forbidden_organisation', 'An insurer: may never read a DMP'],
  ['heir:demo', 'heir', 'Ayant droit (heir) of a deceased patient'],
];

/** The demo patients, with a document of every source and each visibility case. */
export function demoPatients(today: Date): PatientSpec[] {
  const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString();
  const doctor = { rpps: DEMO.doctor };
  return [
    {
      ins: DEMO_PATIENT_INS,
      identity: { birthName: "de La Tour d'Auvergne", usedName: 'Lefèvre', firstName: 'Hélène', givenNames: ['Hélène', 'Marie', 'Josée'], sex: 'F', birthDate: '1984-07-12', birthplaceCode: '75116', status: 'QUAL' },
      dmp: { createdAt: daysAgo(900), consents: { etreat: true, btg: true, masked: false }, secondaryUse: true },
      careTeam: { medecinTraitant: DEMO.doctor, authorised: [DEMO.pharmacist, DEMO.podiatrist, DEMO.oncologist, DEMO.nurse], blocked: [DEMO.blocked] },
      hospitalReports: [
        { id: 'demo-hosp-letter', typeCode: '11490-0', title: 'Lettre de liaison – sortie de cardiologie', author: { rpps: DEMO.cardiologist }, effectiveAt: daysAgo(20), stayStart: daysAgo(24).slice(0, 10), stayEnd: daysAgo(20).slice(0, 10), careUnit: 'Cardiologie', summary: 'Fibrillation atriale paroxystique ; anticoagulation introduite.' },
        { id: 'demo-hosp-psy', typeCode: '68599-0', title: 'Synthèse psychiatrique', author: { rpps: DEMO.doctor }, effectiveAt: daysAgo(60), visibility: ['MASQUE_PS'] },
        { id: 'demo-hosp-bio', typeCode: '11502-2', title: 'Bilan biologique', author: { kind: 'ESTABLISHMENT', finess: '750712184', name: 'AP-HP Hôpital Européen Georges-Pompidou' }, effectiveAt: daysAgo(21) },
        { id: 'demo-hosp-pending', typeCode: '34112-3', title: "CR d'hospitalisation en attente d'annonce", author: { rpps: DEMO.oncologist }, effectiveAt: daysAgo(3), visibility: ['INVISIBLE_PATIENT'] },
      ],
      oncologyRecords: [
        { id: 'demo-dcc-rcp', typeCode: '34794-8', title: 'Fiche RCP sénologie', author: { rpps: DEMO.oncologist }, effectiveAt: daysAgo(40), tumourSiteCode: 'C50.9', tumourSiteLabel: 'Sein', meetingDate: daysAgo(40).slice(0, 10), decision: 'Chirurgie conservatrice puis radiothérapie.' },
        { id: 'demo-dcc-pps', typeCode: '18776-5', title: 'Programme personnalisé de soins', author: { rpps: DEMO.oncologist }, effectiveAt: daysAgo(35) },
      ],
      dispensations: [
        { id: 'demo-disp-apixaban', typeCode: '60593-1', title: 'Dispensation', author: { rpps: DEMO.pharmacist }, effectiveAt: daysAgo(15), cip13: '3400930003459', atc: 'B01AC06', productName: 'Acide acétylsalicylique 75 mg, poudre', productCategory: 'STANDARD', quantity: 1, prescribed: true },
        { id: 'demo-disp-flu', typeCode: '60593-1', title: 'Dispensation', author: { rpps: DEMO.pharmacist }, effectiveAt: daysAgo(400), cip13: '3400930013458', atc: 'J07BB02', productName: 'Vaccin grippal quadrivalent', productCategory: 'VACCINE', quantity: 1, prescribed: false },
        { id: 'demo-disp-expired', typeCode: '60593-1', title: 'Dispensation', author: { rpps: DEMO.pharmacist }, effectiveAt: daysAgo(200), cip13: '3400930000120', atc: 'N02BE01', productName: 'Paracétamol 1 000 mg, comprimé', productCategory: 'STANDARD', quantity: 2, prescribed: false },
      ],
      careLines: [
        { id: 'demo-remb-g', typeCode: 'REMB', title: 'Consultation de médecine générale', author: { kind: 'ALIM_AM' }, effectiveAt: daysAgo(30), actSystem: 'NGAP', actCode: 'G', actLabel: 'Consultation de médecine générale', executor: doctor, amountCents: 3000, reimbursedCents: 2100 },
        { id: 'demo-remb-ecg', typeCode: 'REMB', title: 'Électrocardiographie', author: { kind: 'ALIM_AM' }, effectiveAt: daysAgo(22), actSystem: 'CCAM', actCode: 'DEQP003', actLabel: 'Électrocardiographie sur au moins 12 dérivations', executor: { rpps: DEMO.cardiologist }, prescriber: doctor, amountCents: 1496, reimbursedCents: 1047 },
        { id: 'demo-remb-old', typeCode: 'REMB', title: 'Consultation (hors fenêtre de 24 mois)', author: { kind: 'ALIM_AM' }, effectiveAt: daysAgo(800), actSystem: 'NGAP', actCode: 'G', actLabel: 'Consultation de médecine générale', executor: doctor, amountCents: 2500, reimbursedCents: 1750 },
      ],
      personalSpace: {
        documents: [
          { id: 'demo-perso-note', typeCode: 'EXPPAT_2', title: 'Mes notes de suivi', author: { kind: 'PATIENT' }, effectiveAt: daysAgo(10), body: 'Palpitations le soir, à signaler au cardiologue.' },
          { id: 'demo-perso-da', typeCode: 'EXPPAT_3', title: 'Directives anticipées', author: { kind: 'PATIENT' }, effectiveAt: daysAgo(300), body: 'Je refuse toute obstination déraisonnable.' },
        ],
        allergies: [{ substance: 'Pénicilline', reaction: 'Urticaire généralisée', severity: 'SEVERE', recordedAt: daysAgo(500) }],
        antecedents: [{ kind: 'FAMILY', label: 'Cancer du sein (mère)', recordedAt: daysAgo(500) }],
        vaccinations: [{ vaccine: 'Grippe saisonnière', administeredOn: daysAgo(400).slice(0, 10), recordedAt: daysAgo(400) }],
        emergencyContacts: [
          { name: 'Jean-François Lefèvre', relation: 'Conjoint', phone: '+33 6 12 34 56 78', isTrustedPerson: true },
          { name: "Anaïs de La Tour d'Auvergne", relation: 'Sœur', phone: '+33 6 98 76 54 32' },
        ],
        organDonation: 'NO_OBJECTION',
      },
    },
    {
      ins: DEMO_MINOR_INS,
      identity: { birthName: "N'Diaye-Lefèvre", firstName: 'Maël', givenNames: ['Maël', 'Amadou'], sex: 'M', birthDate: '2014-04-03', birthplaceCode: '69123', status: 'QUAL' },
      careTeam: { medecinTraitant: DEMO.doctor },
      representatives: [{ account: 'rep:demo-parent', relation: 'Mère', until: '2032-04-03' }],
      hospitalReports: [
        { id: 'demo-minor-urg', typeCode: '15507-7', title: 'Passage aux urgences pédiatriques', author: { rpps: DEMO.doctor }, effectiveAt: daysAgo(50) },
        { id: 'demo-minor-secret', typeCode: '11488-4', title: 'Consultation (connexion secrète)', author: { rpps: DEMO.doctor }, effectiveAt: daysAgo(12), visibility: ['INVISIBLE_REPRESENTANTS_LEGAUX'] },
      ],
    },
  ];
}
