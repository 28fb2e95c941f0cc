import { nameKeys, queryKey } from './name-keys';

const matches = (stored: string[], typed: string) => nameKeys(...stored).some((key) => key.startsWith(queryKey(typed)));

describe('identity search keys', () => {
  it.each([
    [["de La Tour d'Auvergne"], 'delatour'],
    [["de La Tour d'Auvergne"], 'La Tour d’Auvergne'],
    [["de La Tour d'Auvergne"], 'tour auvergne'],
    [['Lefèvre'], 'LEFEVRE'],
    [['Lefèvre'], 'lef'],
    [['Jean-François'], 'jean francois'],
    [['Jean-François'], 'François'],
    [["N'Diaye-Lefèvre"], 'ndiaye'],
    [["N'Diaye-Lefèvre"], 'Lefevre'],
    [['Cœur'], 'coeur'],
    [['Saint-Martin'], 'martin'],
    [['Béranger', 'Dupont'], 'dupont'],
  ])('%j answers to %j', (stored, typed) => expect(matches(stored, typed)).toBe(true));

  it.each([
    [['Lefèvre'], 'lefebvre'],
    [['Martin'], 'marten'],
    [["de La Tour d'Auvergne"], 'latourd auvergnes'],
  ])('%j does not answer to %j', (stored, typed) => expect(matches(stored, typed)).toBe(false));
});
