import { nirKey } from '../../domain/ins';
import { minorIfBornAfter } from '../../policy/periods';
import { PROFESSIONS, SPECIALTIES, type ProfessionCode } from '../../domain/codes';
import type { DocumentSpec, PatientSpec, ProfessionalSpec, Scenario } from '../scenario/scenario';
import { Random } from './random';
import { DEMO_MINOR_INS, DEMO_PATIENT_INS, demoScenario } from './personas';
import ref from './reference-data.json';

export interface GenerateOptions {
  patients: number;
  /** @default 20261123 */
  seed?: number;
  /** Dates are generated relative to this instant (the one clock's), so that retention windows have something to cut. */
  today: Date;
  /** Patients per chunk. @default 2000 */
  chunkSize?: number;
  /** Multiplies every source's document count (the query-count test asks for 10 and 1,000 per source). @default 1 */
  documentsPerSource?: number | null;
}

const DAY = 86_400_000;
type Establishment = (typeof ref.establishments)[number];

/**
 * Deterministic, French-realistic data: the same seed and day give the same patients. Yields the fixed demo
 * personas and the professionals first, then patients in chunks (so 100,000 patients never sit in memory).
 */
export function* generate(options: GenerateOptions): Generator<Scenario> {
  const random = new Random(options.seed ?? 20261123);
  // Noon UTC of that day: the same seed and day give the same patients, whatever the hour.
  const today = new Date(`${options.today.toISOString().slice(0, 10)}T12:00:00Z`);
  const demo = demoScenario();
  const professionals = [...demo.professionals!, ...generateProfessionals(random)];
  const byProfession = (code: string) =>
    professionals.filter((p) => p.profession === code && !['10000000005'].includes(p.rpps));
  const doctors = byProfession('10');
  const generalists = doctors.filter((p) => p.specialty === 'SM54' || p.specialty === 'SM26');
  const pharmacists = byProfession('21');
  const oncologists = doctors.filter((p) => ['SM36', 'SM35', 'SM37'].includes(p.specialty ?? ''));
  const others = professionals.filter(
    (p) => p.profession !== '10' && p.profession !== '21' && PROFESSIONS.get(p.profession as ProfessionCode)?.active,
  );
  yield { ...demo, professionals };

  const size = options.chunkSize ?? 2000;
  const daysAgo = (n: number) => new Date(today.getTime() - n * DAY - random.int(0, 86_399) * 1000).toISOString();
  const scale = options.documentsPerSource ?? null;
  const count = (min: number, max: number) => (scale === null ? random.int(min, max) : scale);

  // A random NIR can repeat among a million; an INS is unique, so a repeat is drawn again.
  const used = new Set<string>([DEMO_PATIENT_INS, DEMO_MINOR_INS]);
  for (let start = 0; start < options.patients; start += size) {
    const patients: PatientSpec[] = [];
    for (let n = start; n < Math.min(options.patients, start + size); n++) {
      let patient = generatePatient(random, today);
      while (used.has(patient.ins)) patient = generatePatient(random, today);
      used.add(patient.ins);
      const minor = patient.identity.birthDate > minorIfBornAfter(today);
      const label = (): string[] => {
        const roll = random.next();
        if (roll < 0.04) return ['MASQUE_PS'];
        if (roll < 0.06) return ['INVISIBLE_PATIENT'];
        if (minor && roll < 0.08) return ['INVISIBLE_REPRESENTANTS_LEGAUX'];
        return [];
      };
      const doc = (typeCode: string, title: string, author: DocumentSpec['author'], ageDays: number): DocumentSpec => ({
        typeCode,
        title,
        author,
        effectiveAt: daysAgo(ageDays),
        visibility: label(),
      });
      const doctor = random.pick(generalists);
      patient.careTeam = {
        medecinTraitant: random.chance(0.8) ? doctor.rpps : null,
        authorised: [
          ...new Set(
            Array.from(
              { length: random.int(0, 3) },
              () => random.pick(random.chance(0.5) ? doctors : [...pharmacists, ...others]).rpps,
            ),
          ),
        ].filter((r) => r !== doctor.rpps),
        blocked: random.chance(0.02) ? ['10000000005'] : [],
      };
      patient.hospitalReports = Array.from({ length: count(0, 8) }, () => {
        const type = random.pick(ref.hospitalTypes);
        const author = random.pick(doctors);
        const stayEnd = random.int(1, 3650);
        return {
          ...doc(type.typeCode, type.title, { rpps: author.rpps }, stayEnd),
          careUnit: random.pick([
            'Cardiologie',
            'Urgences',
            'Chirurgie viscérale',
            'Médecine interne',
            'Pédiatrie',
            'Gériatrie',
          ]),
          stayStart: new Date(today.getTime() - (stayEnd + random.int(0, 10)) * DAY).toISOString().slice(0, 10),
          stayEnd: new Date(today.getTime() - stayEnd * DAY).toISOString().slice(0, 10),
          summary: 'Compte rendu généré pour les tests.',
        };
      });
      patient.oncologyRecords =
        scale !== null || random.chance(0.08)
          ? Array.from({ length: count(1, 4) }, () => {
              const type = random.pick(ref.oncologyTypes);
              const site = random.pick(ref.tumourSites);
              const age = random.int(1, 1500);
              return {
                ...doc(type.typeCode, type.title, { rpps: random.pick(oncologists).rpps }, age),
                tumourSiteCode: site.code,
                tumourSiteLabel: site.label,
                meetingDate: new Date(today.getTime() - age * DAY).toISOString().slice(0, 10),
                decision: 'Décision de RCP générée pour les tests.',
              };
            })
          : [];
      patient.dispensations = Array.from({ length: count(0, 12) }, () => {
        const product = random.pick(ref.products);
        const pharmacist = random.pick(pharmacists);
        // Mostly inside the windows, some past them so the retention filter has rows to drop.
        const age =
          product.category === 'VACCINE'
            ? random.int(1, 3000)
            : product.category === 'BIOLOGICAL'
              ? random.int(1, 1300)
              : random.int(1, 150);
        return {
          ...doc('60593-1', 'Dispensation', { rpps: pharmacist.rpps }, age),
          cip13: product.cip13,
          atc: product.atc,
          productName: product.name,
          productCategory: product.category as 'STANDARD' | 'VACCINE' | 'BIOLOGICAL',
          quantity: random.int(1, 3),
          prescribed: random.chance(0.85),
        };
      });
      patient.careLines = Array.from({ length: count(0, 20) }, () => {
        const drug = random.chance(0.3);
        const age = random.int(1, 760);
        if (drug) {
          const product = random.pick(ref.products);
          const amount = random.int(150, 4000);
          return {
            ...doc('REMB', product.name, { kind: 'ALIM_AM' }, age),
            actSystem: 'CIP13' as const,
            actCode: product.cip13,
            actLabel: product.name,
            boxes: random.int(1, 3),
            executor: { rpps: random.pick(pharmacists).rpps },
            prescriber: { rpps: doctor.rpps },
            amountCents: amount,
            reimbursedCents: Math.round(amount * 0.65),
          };
        }
        const act = random.pick(ref.acts);
        return {
          ...doc('REMB', act.label, { kind: 'ALIM_AM' }, age),
          actSystem: act.system as 'CCAM' | 'NGAP' | 'NABM',
          actCode: act.code,
          actLabel: act.label,
          executor: { rpps: random.pick(doctors).rpps },
          prescriber: random.chance(0.5) ? { rpps: doctor.rpps } : null,
          amountCents: act.amountCents,
          reimbursedCents: Math.round((act.amountCents * act.rate) / 100),
        };
      });
      const contacts = Array.from({ length: random.int(0, 2) }, (_, i) => ({
        name: `${random.pick(ref.femaleFirstNames)} ${random.pick(ref.birthNames)}`,
        relation: random.pick(ref.relations),
        phone: `+33 6 ${random.digits(2)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`,
        isTrustedPerson: i === 0 && random.chance(0.5),
      }));
      patient.personalSpace = {
        documents: Array.from({ length: scale ?? random.int(0, 2) }, (_, i) => ({
          ...doc(
            i % 5 === 4 ? 'EXPPAT_3' : random.pick(['EXPPAT_2', 'DOCPAT01', 'DOCPAT03', 'DOCPAT07']),
            i % 5 === 4 ? 'Directives anticipées' : 'Document personnel',
            { kind: 'PATIENT' },
            random.int(1, 2000),
          ),
          visibility: [],
          body: 'Note du patient.',
        })),
        allergies: random.chance(0.25)
          ? [
              {
                substance: random.pick(ref.allergens),
                severity: random.pick(['MILD', 'MODERATE', 'SEVERE', 'UNKNOWN'] as const),
                recordedAt: daysAgo(random.int(1, 3000)),
              },
            ]
          : [],
        antecedents: Array.from({ length: random.int(0, 2) }, () => ({
          ...(random.pick(ref.antecedents) as { kind: 'MEDICAL' | 'SURGICAL' | 'FAMILY'; label: string }),
          recordedAt: daysAgo(random.int(1, 3000)),
        })),
        vaccinations: Array.from({ length: random.int(0, 3) }, () => ({
          vaccine: random.pick(ref.vaccines),
          administeredOn: daysAgo(random.int(1, 5000)).slice(0, 10),
          recordedAt: daysAgo(random.int(1, 100)),
        })),
        emergencyContacts: contacts,
        organDonation: random.pick(['NOT_STATED', 'NOT_STATED', 'NO_OBJECTION', 'OBJECTS'] as const),
      };
      patients.push(patient);
    }
    yield { version: 1, patients };
  }
}

function generateProfessionals(random: Random): ProfessionalSpec[] {
  const medicalSpecialties = [...SPECIALTIES.keys()].filter((c) => c.startsWith('SM'));
  const list: ProfessionalSpec[] = [];
  let next = 10_000_100;
  const add = (profession: string, specialty: string | null, establishment: Establishment | null) => {
    const female = random.chance(0.55);
    list.push({
      rpps: String(next++).padStart(11, '1'),
      familyName: random.pick(ref.birthNames),
      firstName: random.pick(female ? ref.femaleFirstNames : ref.maleFirstNames),
      profession,
      specialty,
      establishment: establishment ? { finess: establishment.finess, name: establishment.name } : null,
    });
  };
  const of = (kind: string) => ref.establishments.filter((e) => e.kind === kind);
  // Every TRE_R38 medical specialty, generalists most of all (they are most médecins traitants).
  for (const specialty of medicalSpecialties) add('10', specialty, random.pick(of('hospital')));
  for (let i = 0; i < 60; i++) add('10', random.chance(0.5) ? 'SM54' : 'SM26', random.pick(of('practice')));
  for (let i = 0; i < 10; i++) add('10', random.pick(['SM35', 'SM36', 'SM37']), random.pick(of('cancer')));
  for (let i = 0; i < 40; i++) add('21', null, random.pick(of('pharmacy')));
  for (const code of PROFESSIONS.keys()) {
    if (code === '10' || code === '21') continue;
    const specialty =
      code === '40'
        ? random.pick(['SCD01', 'SCD02', 'SCD03'])
        : code === '60'
          ? random.pick(['SI01', 'SI05', null])
          : null;
    for (let i = 0; i < 3; i++) add(code, specialty, random.chance(0.5) ? random.pick(ref.establishments) : null);
  }
  return list;
}

function generatePatient(random: Random, today: Date): PatientSpec {
  const sex = random.chance(0.51) ? 'F' : 'M';
  const birth = new Date(today.getTime() - random.int(0, 95 * 365) * DAY);
  const birthDate = birth.toISOString().slice(0, 10);
  const abroad = random.chance(0.07);
  const dept = abroad ? '99' : random.pick(ref.departements);
  const commune = abroad ? random.pick(ref.countriesAbroad) : random.digits(3).replace(/^0{3}$/, '001');
  const nir13 = `${sex === 'F' ? 2 : 1}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${dept}${commune}${random.digits(3).replace(/^000$/, '001')}`;
  const birthName = random.pick(ref.birthNames);
  const married = sex === 'F' && random.chance(0.35) && today.getTime() - birth.getTime() > 22 * 365 * DAY;
  const firstName = random.pick(sex === 'F' ? ref.femaleFirstNames : ref.maleFirstNames);
  const second = random.pick(sex === 'F' ? ref.femaleFirstNames : ref.maleFirstNames);
  return {
    ins: nir13 + nirKey(nir13),
    identity: {
      birthName,
      usedName: married ? random.pick(ref.birthNames) : null,
      firstName,
      givenNames: second === firstName ? [firstName] : [firstName, second],
      sex,
      birthDate,
      birthplaceCode: abroad ? `99${commune}` : `${dept}${commune}`,
      status: random.chance(0.92) ? 'QUAL' : random.pick(['PROV', 'VALI', 'RECUP'] as const),
    },
    dmp: {
      status: random.chance(0.02) ? 'CLOSED' : 'ACTIVE',
      createdAt: new Date(today.getTime() - random.int(30, 1800) * DAY).toISOString(),
      consents: { etreat: random.chance(0.95), btg: random.chance(0.93), masked: random.chance(0.6) },
      secondaryUse: random.chance(0.7),
    },
  };
}
