import { readFileSync } from 'node:fs';
import { ERROR_CODES } from './errors';
import { clientCode } from './error-masking';
import { projectPath } from '../domain/paths';

describe('one closed vocabulary of error codes', () => {
  const readme = readFileSync(projectPath('README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([A-Z_]+)` \| (\d{3})[^|]*\|/gm)].map((m) => [m[1], Number(m[2])] as const);

  it("the README's table lists exactly the codes of runtime/errors.ts, each with its status", () => {
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status])),
    );
  });

  it.each(Object.keys(ERROR_CODES))('%s reaches the client as itself', (code) => {
    expect(clientCode(code)).toBe(code);
  });

  it.each(['23505', 'ECONNREFUSED', 'DOWNSTREAM_SERVICE_ERROR', 'GRAPHQL_VALIDATION', undefined])(
    'any other code (%s) reaches the client as INTERNAL_SERVER_ERROR',
    (code) => {
      expect(clientCode(code)).toBe('INTERNAL_SERVER_ERROR');
    },
  );
});
