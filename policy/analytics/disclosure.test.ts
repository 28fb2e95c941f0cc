import { disclosesDifference, nests, suppressComplements, suppressSmallCells, type Cell } from './disclosure';

const rules = { minCellCount: 11, minCohort: 50, historyDays: 730 };
const cell = (values: string[], count: number): Cell => ({ values, count, suppression: null });
const released = (cells: Cell[]) =>
  cells.map((c) => (c.suppression ? `${c.values.join('/')}:${c.suppression}` : `${c.values.join('/')}=${c.count}`));

describe('statistical disclosure control', () => {
  it('never releases a count from 1 to 10; zero and 11 are released', () => {
    const cells = [cell(['A'], 0), cell(['B'], 1), cell(['C'], 10), cell(['D'], 11)];
    suppressSmallCells(cells, rules);
    expect(released(cells)).toEqual(['A=0', 'B:SMALL_CELL', 'C:SMALL_CELL', 'D=11']);
  });

  it('a lone hidden cell takes the smallest other cell of its line, so the margin does not give it back', () => {
    // sex × ATC3: (N02B, F) = 5 would be 205 − 200 from the N02B total of a coarser query.
    const cells = [cell(['N02B', 'F'], 5), cell(['N02B', 'M'], 200), cell(['C09A', 'F'], 40), cell(['C09A', 'M'], 30)];
    suppressSmallCells(cells, rules);
    suppressComplements(cells, 2);
    expect(released(cells)).toEqual(['N02B/F:SMALL_CELL', 'N02B/M:SECONDARY', 'C09A/F:SECONDARY', 'C09A/M:SECONDARY']);
    // Every line (rows, columns, the whole table) now has zero or at least two hidden cells.
    for (const line of [
      [0, 1],
      [2, 3],
      [0, 2],
      [1, 3],
      [0, 1, 2, 3],
    ]) {
      expect(line.filter((i) => cells[i].suppression !== null).length).not.toBe(1);
    }
  });

  it('leaves a table alone when no cell is small', () => {
    const cells = [cell(['A', 'F'], 50), cell(['A', 'M'], 60)];
    suppressSmallCells(cells, rules);
    suppressComplements(cells, 2);
    expect(released(cells)).toEqual(['A/F=50', 'A/M=60']);
  });

  it('regions nest axis by axis; ATC codes nest by prefix; an unconstrained axis holds every value', () => {
    expect(nests({ atc: ['N02BE01'], month: ['2026-01'] }, { atc: ['N02B'] })).toBe(true);
    expect(nests({ atc: ['N02B'] }, { atc: ['N02BE01'] })).toBe(false);
    expect(nests({ month: ['2026-01', '2026-02'] }, { month: ['2026-01', '2026-02', '2026-03'] })).toBe(true);
    expect(nests({}, { month: ['2026-01'] })).toBe(false);
  });

  it('refuses a release that differs by 1 to 10 from a nested past release, and allows larger or unrelated ones', () => {
    const past = [{ region: { month: ['2026-01', '2026-02', '2026-03'] }, count: 100 }];
    expect(disclosesDifference({ month: ['2026-01', '2026-02'] }, 97, past, rules)).toBe(true);
    expect(disclosesDifference({ month: ['2026-01', '2026-02'] }, 80, past, rules)).toBe(false);
    expect(disclosesDifference({ month: ['2026-01', '2026-02'] }, 100, past, rules)).toBe(false);
    expect(disclosesDifference({ month: ['2026-04'] }, 97, past, rules)).toBe(false);
    expect(disclosesDifference({ month: ['2026-01', '2026-02', '2026-03', '2026-04'] }, 104, past, rules)).toBe(true);
  });
});
