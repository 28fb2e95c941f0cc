import type { Client } from '@urql/core';
import { graphql } from '../gql';
import type { EmergencySummaryQuery, SpokenSearchQuery } from '../gql/graphql';
import { askToken, button, day, h, showError } from '../shared/dom';
import { graphClient, run, sessionFromFragment } from '../shared/session';

/**
 * The centre 15 console: the regulator types what the caller says, gets candidates with why each is on the
 * list, opens one, and reads the emergency summary, all of it in one query (one round trip).
 */
const SPOKEN_SEARCH = graphql(`
  query SpokenSearch($traits: SpokenIdentityTraits!) {
    searchPatientsBySpokenTraits(traits: $traits) {
      count
      truncated
      candidates {
        score
        matches {
          trait
          how
        }
        identity {
          ins
          firstName
          usedName
          birthName
          birthDate
          sex
          openable
        }
      }
    }
  }
`);

const EMERGENCY_SUMMARY = graphql(`
  query EmergencySummary($ins: String!) {
    patient(ins: $ins) {
      identity {
        firstName
        usedName
        birthName
        birthDate
        sex
      }
      access {
        mode
      }
      personalSpace {
        bloodGroup {
          label
        }
        allergies {
          substance
          reaction
          severity
        }
        treatments {
          name
          dosage
        }
        trustedPerson {
          name
          relation
          phone
        }
        emergencyContacts {
          name
          relation
          phone
        }
        advanceDirectives(first: 1) {
          nodes {
            title
            effectiveAt
          }
        }
      }
      dispensations(first: 20) {
        nodes {
          productName
          effectiveAt
        }
      }
      hospitalReports(first: 3, filter: { typeCodes: ["11490-0", "15507-7", "34112-3"] }) {
        nodes {
          title
          effectiveAt
          careUnit
        }
      }
    }
  }
`);

const TRAITS: { [trait: string]: string } = {
  NAME: 'nom',
  FIRST_NAME: 'prénom',
  BIRTH_DATE: 'date de naissance',
  BIRTHPLACE: 'lieu de naissance',
  BIRTH_DEPARTEMENT: 'département de naissance',
  RESIDENCE_DEPARTEMENT: 'département de résidence',
  SEX: 'sexe',
};
const AGREEMENTS: { [how: string]: string } = {
  EXACT: 'exact',
  PHONETIC: 'phonétique',
  PREFIX: 'début',
  INITIAL: 'initiale',
  APPROXIMATE: 'approché',
  SWAPPED_DAY_MONTH: 'jour et mois inversés',
  ONE_DIGIT: 'un chiffre diffère',
  BIRTH_YEAR: 'année',
  AGE_RANGE: "tranche d'âge",
  SAME_DEPARTEMENT: 'même département',
  DISAGREES: 'diffère',
};
const SEVERITY: { [severity: string]: string } = { MILD: 'légère', MODERATE: 'modérée', SEVERE: 'sévère' };

type Candidate = NonNullable<SpokenSearchQuery['searchPatientsBySpokenTraits']>['candidates'][number];
type Summary = NonNullable<EmergencySummaryQuery['patient']>;

const fullName = (who: { firstName: string; usedName?: string | null; birthName: string }) =>
  `${who.firstName} ${who.usedName ?? who.birthName}${who.usedName ? ` (née ou né ${who.birthName})` : ''}`;

const list = (id: string, items: string[], none: string) =>
  h('ul', { id }, items.length > 0 ? items.map((item) => h('li', {}, item)) : h('li', { class: 'none' }, none));

function summaryView(p: Summary) {
  const space = p.personalSpace;
  const allergies = (space?.allergies ?? []).map(
    (a) => `${a.substance} (${SEVERITY[a.severity] ?? a.severity})${a.reaction ? ` : ${a.reaction}` : ''}`,
  );
  const treatments = [
    ...(space?.treatments ?? []).map((t) => `${t.name}${t.dosage ? `, ${t.dosage}` : ''} (déclaré par le patient)`),
    ...(p.dispensations?.nodes ?? []).map((d) => `${d.productName} (délivré le ${day(d.effectiveAt)})`),
  ];
  const contacts = [
    ...(space?.trustedPerson ? [space.trustedPerson] : []),
    ...(space?.emergencyContacts ?? []).filter((c) => c.name !== space?.trustedPerson?.name),
  ].map((c) => `${c.name}, ${c.relation} : ${c.phone}${c === space?.trustedPerson ? ' (personne de confiance)' : ''}`);
  return h(
    'article',
    { id: 'summary' },
    h('h2', {}, fullName(p.identity)),
    h('p', {}, `Né(e) le ${day(p.identity.birthDate)} · accès : ${p.access.mode}`),
    h('h3', {}, 'Groupe sanguin'),
    h('p', { id: 'blood-group' }, space?.bloodGroup?.label ?? 'Non renseigné'),
    h('h3', {}, 'Allergies'),
    list('allergies', allergies, 'Aucune allergie connue'),
    h('h3', {}, 'Traitements'),
    list('treatments', treatments, 'Aucun traitement connu'),
    h('h3', {}, 'Comptes rendus récents'),
    list(
      'reports',
      (p.hospitalReports?.nodes ?? []).map(
        (r) => `${r.title}${r.careUnit ? `, ${r.careUnit}` : ''} (${day(r.effectiveAt)})`,
      ),
      'Aucun',
    ),
    h('h3', {}, 'Contacts'),
    list('contacts', contacts, 'Aucun contact'),
    h('h3', {}, 'Directives anticipées'),
    list(
      'directives',
      (space?.advanceDirectives.nodes ?? []).map((d) => `${d.title} (${day(d.effectiveAt)})`),
      'Aucune',
    ),
  );
}

function candidateView(client: Client, c: Candidate, results: HTMLElement) {
  const reasons = c.matches.map((m) => `${TRAITS[m.trait] ?? m.trait} : ${AGREEMENTS[m.how] ?? m.how}`).join(', ');
  const ins = c.identity.ins;
  return h(
    'li',
    { class: 'candidate' },
    h('strong', {}, fullName(c.identity)),
    ` · ${day(c.identity.birthDate)} · score ${c.score.toFixed(1)}`,
    h('div', { class: 'reasons' }, reasons),
    c.identity.openable && ins
      ? button(
          'Ouvrir la synthèse',
          async () => {
            const { patient } = await run(client, 'query', EMERGENCY_SUMMARY, { ins });
            results.replaceChildren(patient ? summaryView(patient) : h('p', {}, 'Dossier non consultable.'));
          },
          showError,
        )
      : h('span', { class: 'badge' }, 'Dossier non consultable'),
  );
}

function start(graphqlUrl: string, token: string) {
  const client = graphClient({ graphqlUrl, token });
  const field = (id: string, label: string, attributes: Record<string, string> = {}) =>
    h('label', { for: id }, label, ' ', h('input', { id, name: id, autocomplete: 'off', ...attributes }));
  const form = h(
    'form',
    { id: 'search' },
    field('name', 'Nom'),
    field('firstName', 'Prénom'),
    field('birthDate', 'Date de naissance', { type: 'date' }),
    h('button', { type: 'submit' }, 'Rechercher'),
  );
  const candidates = h('ol', { id: 'candidates' });
  const results = h('div', { id: 'results' });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showError(null);
    const value = (id: string) => (form.elements.namedItem(id) as HTMLInputElement).value.trim() || undefined;
    const traits = { name: value('name'), firstName: value('firstName'), birthDate: value('birthDate') };
    run(client, 'query', SPOKEN_SEARCH, { traits }).then(({ searchPatientsBySpokenTraits: found }) => {
      results.replaceChildren();
      const all = found?.candidates ?? [];
      candidates.replaceChildren(
        ...(all.length > 0 ? all.map((c) => candidateView(client, c, results)) : [h('li', {}, 'Aucun patient')]),
      );
    }, showError);
  });
  document.getElementById('app')!.replaceChildren(form, candidates, results);
}

const session = sessionFromFragment();
if (session.token) start(session.graphqlUrl, session.token);
else askToken((token) => start(session.graphqlUrl, token));
