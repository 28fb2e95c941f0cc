import { scrub } from './subgraph';

describe('unexpected errors are logged without the values they quote', () => {
  it.each([
    ['invalid input syntax for type timestamp with time zone: "now-900d"', 'invalid input syntax for type timestamp with time zone: "…"'],
    ['duplicate key value violates unique constraint "patient_pkey" Key (ins)=(284077511612365) already exists', 'duplicate key value violates unique constraint "…" Key (…)=(…) already exists'],
  ])('%s', (message, logged) => {
    expect(scrub(message)).toBe(logged);
    expect(scrub(message)).not.toMatch(/284077511612365|now-900d/);
  });
});
