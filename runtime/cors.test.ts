import { isOriginPattern, originAllowed } from './cors';
import { ConfigError, readConfig } from './config';

describe('the CORS allow-list', () => {
  const policy = { origins: ['https://app.example.fr', 'http://localhost:*'] };
  it.each([
    ['https://app.example.fr', true],
    ['https://app.example.fr:443', false],
    ['http://app.example.fr', false],
    ['https://app.example.fr.evil.fr', false],
    ['http://localhost:5173', true],
    ['http://localhost', true],
    ['https://localhost:5173', false],
    ['http://localhost.evil.fr:5173', false],
    ['null', false],
    ['https://app.example.fr/', false],
  ])('%s: %s', (origin, allowed) => {
    expect(originAllowed(policy, origin)).toBe(allowed);
  });

  it.each([
    ['https://app.example.fr', true],
    ['http://localhost:*', true],
    ['http://localhost:5173', true],
    ['https://app.example.fr/path', false],
    ['*', false],
    ['app.example.fr', false],
    ['ftp://app.example.fr', false],
  ])('an entry %s is well-formed: %s', (entry, ok) => {
    expect(isOriginPattern(entry)).toBe(ok);
  });

  it('is read from CORS_ORIGINS; none in production unless listed; localhost otherwise', () => {
    expect(readConfig({ CORS_ORIGINS: 'https://a.fr, https://b.fr' }).corsOrigins).toEqual([
      'https://a.fr',
      'https://b.fr',
    ]);
    expect(readConfig({ NODE_ENV: 'production' }).corsOrigins).toEqual([]);
    expect(readConfig({}).corsOrigins).toEqual(['http://localhost:*', 'http://127.0.0.1:*']);
    expect(() => readConfig({ CORS_ORIGINS: 'https://a.fr,*' })).toThrow(ConfigError);
    expect(() => readConfig({ CORS_ORIGINS: 'https://a.fr,*' })).toThrow(/CORS_ORIGINS/);
  });
});
