import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectPath } from './paths';
import {
  MANDATORY_NOTIFICATION_KINDS,
  NOTIFICATION_KIND_CODES,
  NotificationKindsError,
  loadNotificationKinds,
} from './notification-kinds';

/** The kinds the outbox's last CHECK constraint allows (audit/migrations): the store must take every kind. */
function outboxKinds(): string[] {
  const dir = projectPath('audit', 'migrations');
  const checks = readdirSync(dir)
    .sort()
    .flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(/CHECK \(kind IN \(([^)]*)\)\)/g)]);
  return [...checks.at(-1)![1].matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
}

describe('the one list of notification kinds (domain/notification-kinds.json)', () => {
  it('is exactly what the outbox stores', () => {
    expect([...NOTIFICATION_KIND_CODES].sort()).toEqual(outboxKinds().sort());
  });

  it('names every kind the trace writer and the emergency reads notify', () => {
    const writer = readFileSync(projectPath('audit', 'trace-writer.ts'), 'utf8');
    const written = [...writer.matchAll(/'([A-Z][A-Z_]+)'/g)].map((m) => m[1]);
    expect(written.length).toBeGreaterThan(0);
    for (const kind of written) expect(NOTIFICATION_KIND_CODES).toContain(kind);
  });

  it.each([
    ['EMERGENCY_ACCESS', false],
    ['FIRST_ACCESS', false],
    ['DMP_CREATED', false],
    ['NEW_DOCUMENT', true],
    ['CONSENT_RECORDED', true],
    ['REPRESENTATIVE_ADDED', true],
    ['REPRESENTATIVE_REMOVED', true],
    ['DOCUMENT_DELETION_DECIDED', true],
  ])('%s may be turned off: %s', (kind, mayTurnOff) => {
    expect(MANDATORY_NOTIFICATION_KINDS.includes(kind as never)).toBe(!mayTurnOff);
  });

  it.each([
    ['a kind listed twice', (k: object[]) => [...k, k[0]]],
    ['a kind without a basis', (k: object[]) => [{ ...k[0], basis: '' }]],
    ['a kind that does not say whether it may be turned off', (k: object[]) => [{ ...k[0], mayTurnOff: 'yes' }]],
    ['a code that is not enum-like', (k: object[]) => [{ ...k[0], code: 'new-document' }]],
  ])('refuses %s', (_what, edit) => {
    const file = JSON.parse(readFileSync(projectPath('domain', 'notification-kinds.json'), 'utf8'));
    const path = join(mkdtempSync(join(tmpdir(), 'kinds-')), 'kinds.json');
    writeFileSync(path, JSON.stringify({ ...file, kinds: edit(file.kinds) }));
    expect(() => loadNotificationKinds(path)).toThrow(NotificationKindsError);
  });
});
