import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { projectPath } from '../domain/paths';
import { registerTrustedDocuments, sha256 } from '../gateway/persisted-documents';
import { buildExamples, trustManifest } from '../scripts/examples/build';
import { serveStatic } from '../scripts/examples/static-server';
import { DEMO_PATIENT_INS, demoScenario } from '../scripts/generate/personas';
import { eventually } from './support/eventually';
import { privateRedis, type PrivateRedis } from './support/private-redis';
import { startTestGraphWith, type TestGraph } from './support/test-graph';

/**
 * The reference front ends (examples/) in a real browser: Debian's Chromium driven by playwright-core, the apps
 * built by esbuild and served from another loopback origin than the graph's (CORS for real), the gateway in
 * trusted-documents mode with the apps' generated manifest registered, so only their hashes run. Each test
 * asserts what a person sees on the page. The console runs first: the patient then finds its access.
 *
 * `npm run examples:screenshots` runs this file and saves both pages to docs/img/ (the README shows them).
 */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = process.env.EXAMPLES_SCREENSHOTS === '1';
const PATIENT = `patient:${DEMO_PATIENT_INS}`;
const REGULATOR = 'samu:75';

describe('the reference front ends, in Chromium, against the graph in trusted-documents mode', () => {
  let graph: TestGraph;
  let redis: PrivateRedis;
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let browser: BrowserContext;
  const workDir = mkdtempSync(join(tmpdir(), 'dmp-apps-'));

  /** An operation of the test's own (not an app's): registered like the apps' ones, then sent by its hash. */
  const asTrusted = async (actorId: string, query: string, variables: object) => {
    const admin = new Redis(redis.url);
    await registerTrustedDocuments(admin, [{ id: sha256(query), body: query }]);
    admin.disconnect();
    const answer = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(actorId)}` },
      body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } }),
    });
    const body = (await answer.json()) as { data?: unknown; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  beforeAll(async () => {
    // A browser test that cannot find its browser fails: it is never skipped.
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} not found: install Debian's Chromium (apt-get install -y chromium; .ci/run does)`);
    redis = await privateRedis();
    [graph] = await Promise.all([
      startTestGraphWith({ redisUrl: redis.url, trustedDocuments: true }, demoScenario()),
      buildExamples(join(workDir, 'site')),
    ]);
    const admin = new Redis(redis.url);
    await registerTrustedDocuments(admin, trustManifest().operations, { replace: true });
    admin.disconnect();
    await eventually(async () =>
      expect((await fetch(graph.gatewayUrl.replace(/\/graphql$/, '/readyz'))).status).toBe(200),
    );
    // What the demo data lacks for the emergency summary: a blood group and a treatment the patient states.
    await asTrusted(PATIENT, 'mutation ($ins: String!) { setBloodGroup(ins: $ins, group: APOS) { label } }', {
      ins: DEMO_PATIENT_INS,
    });
    await asTrusted(
      PATIENT,
      'mutation ($ins: String!, $input: TreatmentInput!) { recordTreatment(ins: $ins, input: $input) { id } }',
      { ins: DEMO_PATIENT_INS, input: { name: 'Apixaban 5 mg', dosage: '1 comprimé matin et soir' } },
    );
    site = await serveStatic(join(workDir, 'site'));
    browser = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1100, height: 900 },
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
    browser.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await graph?.stop();
    await redis?.kill();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Opens an app as an actor (token in the fragment), recording what it sends to the graph and logs. */
  const open = async (app: string, actorId: string) => {
    const token = await graph.token(actorId);
    const page = await browser.newPage();
    const sent: { method: string; body: Record<string, unknown> | null }[] = [];
    const logged: string[] = [];
    page.on('request', (request) => {
      if (request.url() === graph.gatewayUrl && request.method() === 'POST')
        sent.push({ method: request.method(), body: request.postDataJSON() as Record<string, unknown> });
    });
    page.on('console', (message) => logged.push(message.text()));
    page.on('pageerror', (error) => logged.push(String(error)));
    await page.goto(`${site.url}/${app}/#graphql=${encodeURIComponent(graph.gatewayUrl)}&token=${token}`);
    return { page, token, sent, logged };
  };

  /** The texts a person reads there, once shown; an error the page shows instead fails with its words. */
  const textOf = async (page: Page, selector: string) => {
    await page.locator(`${selector}, #error:not([hidden])`).first().waitFor();
    const error = page.locator('#error:not([hidden])');
    if ((await error.count()) > 0) throw new Error(`the page shows an error: ${await error.innerText()}`);
    return (await page.locator(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  };

  /** Each request named a registered operation by its hash and carried no text; the token stayed out of sight. */
  const expectTrustedAndQuiet = (session: Awaited<ReturnType<typeof open>>, page: Page) => {
    expect(session.sent.length).toBeGreaterThan(0);
    for (const { body } of session.sent) {
      expect(body?.query).toBeUndefined();
      expect(trustManifest().operations.map((op) => op.id)).toContain(
        (body?.extensions as { persistedQuery: { sha256Hash: string } }).persistedQuery.sha256Hash,
      );
    }
    expect(page.url()).not.toContain(session.token);
    expect(session.logged.filter((line) => line.includes(session.token))).toEqual([]);
    expect(session.logged.filter((line) => /error/i.test(line))).toEqual([]);
  };

  it('centre 15: the regulator types spoken traits, gets candidates with reasons, opens the emergency summary in one query', async () => {
    const session = await open('centre-15', REGULATOR);
    const { page } = session;
    await page.getByLabel('Nom', { exact: true }).fill('Lefebvre');
    await page.getByLabel('Prénom').fill('Hélène');
    await page.getByLabel('Date de naissance').fill('1984-07-12');
    await page.getByRole('button', { name: 'Rechercher' }).click();

    const candidates = await textOf(page, '#candidates .candidate');
    expect(candidates[0]).toContain("Hélène Lefèvre (née ou né de La Tour d'Auvergne)");
    expect(candidates[0]).toContain('12 juillet 1984');
    expect(candidates[0]).toMatch(/nom : phonétique/);
    expect(candidates[0]).toMatch(/prénom : exact/);
    expect(candidates[0]).toMatch(/date de naissance : exact/);

    const before = session.sent.length;
    await page.locator('#candidates .candidate').first().getByRole('button', { name: 'Ouvrir la synthèse' }).click();
    expect(await textOf(page, '#blood-group')).toEqual(['A+']);
    expect(session.sent.length - before).toBe(1);
    expect(await textOf(page, '#allergies li')).toEqual(['Pénicilline (sévère) : Urticaire généralisée']);
    const treatments = await textOf(page, '#treatments li');
    expect(treatments).toContain('Apixaban 5 mg, 1 comprimé matin et soir (déclaré par le patient)');
    expect(treatments.some((t) => t.startsWith('Acide acétylsalicylique 75 mg, poudre (délivré le '))).toBe(true);
    expect(await textOf(page, '#contacts li')).toContain(
      'Jean-François Lefèvre, Conjoint : +33 6 12 34 56 78 (personne de confiance)',
    );
    expect((await textOf(page, '#directives li'))[0]).toMatch(/^Directives anticipées/);
    expectTrustedAndQuiet(session, page);
    if (SCREENSHOTS) await page.screenshot({ path: screenshot('centre-15-console.png'), fullPage: true });
    await page.close();
  });

  it('patient: sees their name and documents by space, masks one, reads who accessed the record, marks a notification read', async () => {
    const session = await open('patient', PATIENT);
    const { page } = session;
    expect(await textOf(page, '#patient-name')).toEqual(['Hélène Lefèvre']);

    const spaces = await textOf(page, '#documents section.space > h3');
    expect(spaces).toEqual(expect.arrayContaining(['Comptes rendus', 'Mon espace personnel']));
    const letter = page.locator('li.document', { hasText: 'Lettre de liaison – sortie de cardiologie' });
    expect(await letter.locator('xpath=ancestor::section[1]').getAttribute('data-space')).toBe('COMPTES_RENDUS');
    expect(await letter.locator('.badge.masked').count()).toBe(0);
    await letter.getByRole('button', { name: 'Masquer' }).click();
    await letter.locator('.badge.masked').waitFor();
    expect(await letter.innerText()).toContain('Masqué aux professionnels');
    await letter.getByRole('button', { name: 'Démasquer' }).waitFor();

    const accesses = await textOf(page, '#access-history li');
    expect(accesses.some((a) => /SAMU.*: Consultation par le centre 15 \(SAMU\)/.test(a))).toBe(true);

    const unread = async () => Number(/^(\d+)/.exec((await textOf(page, '#unread-count'))[0])![1]);
    const before = await unread();
    expect(before).toBeGreaterThan(0);
    const notifications = await textOf(page, '#notifications li.unread');
    expect(notifications.some((n) => n.includes('Accès en urgence à votre dossier'))).toBe(true);
    await page.locator('#notifications li.unread').first().getByRole('button', { name: 'Marquer comme lue' }).click();
    await page.locator('#unread-count', { hasText: new RegExp(`^${before - 1} `) }).waitFor();
    expect(await unread()).toBe(before - 1);
    expect(await page.locator('#notifications li.read').count()).toBe(1);
    expectTrustedAndQuiet(session, page);
    if (SCREENSHOTS) await page.screenshot({ path: screenshot('patient-app.png'), fullPage: true });
    await page.close();
  });
});

function screenshot(name: string): string {
  mkdirSync(projectPath('docs', 'img'), { recursive: true });
  return projectPath('docs', 'img', name);
}
