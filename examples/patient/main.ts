import type { Client } from '@urql/core';
import { graphql } from '../gql';
import type { DmpSpace, MyRecordQuery } from '../gql/graphql';
import { askToken, button, day, dayAndTime, h, showError } from '../shared/dom';
import { graphClient, run, sessionFromFragment } from '../shared/session';

/**
 * The patient app: my record, my documents by space (mask one from professionals), who accessed my record, my
 * notifications. One query draws the page; each action is one mutation, then the page is drawn again.
 */
const MY_RECORD = graphql(`
  query MyRecord {
    viewer {
      displayName
      record {
        ins
        identity {
          firstName
          usedName
          birthName
          birthDate
        }
        documents(first: 50) {
          totalCount
          nodes {
            id
            title
            space
            effectiveAt
            visibility
            author {
              name
            }
            capabilities {
              canMask
              canUnmask
            }
          }
        }
        accessTraces(first: 50) {
          nodes {
            seq
            at
            actorKind
            actorName
            actorProfessionLabel
            description
            kind
          }
        }
        unreadNotificationCount
        notifications(first: 20) {
          nodes {
            id
            kind
            at
            read
          }
        }
      }
    }
  }
`);

const SET_MASKED = graphql(`
  mutation SetDocumentMasked($ins: String!, $id: ID!, $masked: Boolean!) {
    setDocumentsMasked(ins: $ins, ids: [$id], masked: $masked) {
      ins
    }
  }
`);

const MARK_READ = graphql(`
  mutation MarkNotificationRead($ins: String!, $id: ID!) {
    markNotificationsRead(ins: $ins, ids: [$id]) {
      unreadNotificationCount
    }
  }
`);

type PatientRecord = NonNullable<MyRecordQuery['viewer']['record']>;

/** The spaces of Mon espace santé, in the order the app shows them. */
const SPACES: [DmpSpace, string][] = [
  ['SYNTHESES', 'Synthèses'],
  ['COMPTES_RENDUS', 'Comptes rendus'],
  ['TRAITEMENTS', 'Traitements et soins'],
  ['ANALYSES', 'Analyses'],
  ['IMAGERIE', 'Imagerie'],
  ['PREVENTION', 'Prévention'],
  ['CERTIFICATS', 'Certificats'],
  ['REMBOURSEMENT', 'Remboursements'],
  ['ESPACE_PERSONNEL', 'Mon espace personnel'],
];

const NOTIFICATION_KINDS: { [kind: string]: string } = {
  CONSENT_RECORDED: 'Consentement enregistré par un professionnel',
  DMP_CREATED: 'Création de votre dossier',
  DOCUMENT_DELETION_DECIDED: 'Décision sur une demande de suppression',
  EMERGENCY_ACCESS: 'Accès en urgence à votre dossier',
  FIRST_ACCESS: "Premier accès d'un professionnel",
  NEW_DOCUMENT: 'Nouveau document',
  REPRESENTATIVE_ADDED: 'Représentant légal ajouté',
  REPRESENTATIVE_REMOVED: 'Représentant légal retiré',
};

function documentsBySpace(client: Client, record: PatientRecord, redraw: () => Promise<void>) {
  const documents = record.documents?.nodes ?? [];
  return SPACES.filter(([space]) => documents.some((d) => d.space === space)).map(([space, label]) =>
    h(
      'section',
      { class: 'space', 'data-space': space },
      h('h3', {}, label),
      h(
        'ul',
        {},
        documents
          .filter((d) => d.space === space)
          .map((d) => {
            const masked = d.visibility.includes('MASQUE_PS');
            const toggle = (value: boolean) => async () => {
              await run(client, 'mutation', SET_MASKED, { ins: record.ins, id: d.id, masked: value });
              await redraw();
            };
            return h(
              'li',
              { class: 'document', 'data-id': d.id },
              h('span', { class: 'title' }, d.title),
              h('span', { class: 'meta' }, ` ${day(d.effectiveAt)}${d.author.name ? ` · ${d.author.name}` : ''} `),
              masked && h('span', { class: 'badge masked' }, 'Masqué aux professionnels'),
              d.capabilities.canMask && button('Masquer', toggle(true), showError),
              d.capabilities.canUnmask && button('Démasquer', toggle(false), showError),
            );
          }),
      ),
    ),
  );
}

/**
 * The others' accesses and the patient's own changes. The patient's own reads are left out: every page drawn
 * is traced (one entry per source read), and they would push a professional's access off the page. The graph
 * has no filter to leave them out (AccessTraceFilter), so the app reads 50 and drops them itself.
 */
function accessHistory(record: PatientRecord) {
  const entries = (record.accessTraces?.nodes ?? []).filter(
    (e) => !(e.actorKind === 'patient' && e.kind === 'CONSULTATION'),
  );
  return h(
    'ol',
    { id: 'access-history' },
    entries.map((e) =>
      h(
        'li',
        { class: 'access', 'data-kind': e.kind },
        h('time', { datetime: e.at }, dayAndTime(e.at)),
        ' ',
        h('strong', {}, e.actorName ?? 'Vous'),
        e.actorProfessionLabel ? ` (${e.actorProfessionLabel})` : '',
        ` : ${e.description}`,
      ),
    ),
  );
}

function notifications(client: Client, record: PatientRecord, redraw: () => Promise<void>) {
  const items = record.notifications?.nodes ?? [];
  return h(
    'ul',
    { id: 'notifications' },
    items.map((n) =>
      h(
        'li',
        { class: n.read ? 'notification read' : 'notification unread', 'data-id': n.id },
        h('time', { datetime: n.at }, dayAndTime(n.at)),
        ` ${NOTIFICATION_KINDS[n.kind] ?? n.kind} `,
        !n.read &&
          button(
            'Marquer comme lue',
            async () => {
              await run(client, 'mutation', MARK_READ, { ins: record.ins, id: n.id });
              await redraw();
            },
            showError,
          ),
      ),
    ),
  );
}

async function start(graphqlUrl: string, token: string) {
  const client = graphClient({ graphqlUrl, token });
  const app = document.getElementById('app')!;
  const redraw = async () => {
    const { viewer } = await run(client, 'query', MY_RECORD, {});
    const record = viewer.record;
    if (!record) {
      app.replaceChildren(h('p', {}, "Ce jeton n'est pas celui d'un patient : aucun dossier à afficher."));
      return;
    }
    const { firstName, usedName, birthName, birthDate } = record.identity;
    const unread = record.unreadNotificationCount ?? 0;
    app.replaceChildren(
      h(
        'header',
        {},
        h('h1', { id: 'patient-name' }, `${firstName} ${usedName ?? birthName}`),
        h('p', {}, `Née ou né ${usedName ? `${birthName} ` : ''}le ${day(birthDate)}`),
      ),
      h(
        'section',
        { id: 'documents' },
        h('h2', {}, `Mes documents (${record.documents?.totalCount ?? 0})`),
        documentsBySpace(client, record, redraw),
      ),
      h(
        'section',
        { id: 'inbox' },
        h('h2', {}, 'Mes notifications ', h('span', { id: 'unread-count', class: 'count' }, `${unread} non lue(s)`)),
        notifications(client, record, redraw),
      ),
      h(
        'section',
        { id: 'accesses' },
        h('h2', {}, 'Qui a consulté mon dossier'),
        h('p', { class: 'meta' }, 'Les 50 derniers accès, sans vos propres consultations.'),
        accessHistory(record),
      ),
    );
  };
  await redraw().catch(showError);
}

const session = sessionFromFragment();
if (session.token) void start(session.graphqlUrl, session.token);
else askToken((token) => void start(session.graphqlUrl, token));
