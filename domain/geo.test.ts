import { DEPARTEMENTS, REGIONS, defaultResidence, departementOf, residenceOf } from './geo';

describe('départements and regions', () => {
  it('knows the 101 départements and the 18 regions', () => {
    expect(DEPARTEMENTS.size).toBe(101);
    expect(REGIONS.size).toBe(18);
    expect(DEPARTEMENTS.get('2A' as never)?.region).toBe('94');
    expect(DEPARTEMENTS.get('974' as never)?.regionName).toBe('La Réunion');
  });

  it.each([
    ['75056', '75'],
    ['2A004', '2A'],
    ['97411', '974'],
    ['99352', null],
  ])('the département of commune %s is %s', (commune, departement) => {
    expect(departementOf(commune)).toBe(departement);
  });

  it('places a patient born abroad in a département drawn from the INS, the same every time', () => {
    const one = defaultResidence('162069935201754', '99352');
    expect(DEPARTEMENTS.has(one)).toBe(true);
    expect(defaultResidence('162069935201754', '99352')).toBe(one);
    expect(residenceOf('284077511612365', '13', '75116')).toEqual({ departement: '13', region: '93' });
    expect(residenceOf('284077511612365', null, '75116')).toEqual({ departement: '75', region: '11' });
  });
});
