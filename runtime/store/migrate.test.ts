import { splitStatements } from './migrate';

describe('a migration split into statements', () => {
  it.each<[string, string, string[]]>([
    [
      'one statement per `;` line',
      'CREATE TABLE a (x int);\nCREATE INDEX a_x ON a (x);\n',
      ['CREATE TABLE a (x int)', 'CREATE INDEX a_x ON a (x)'],
    ],
    ['a semicolon inside a line stays', "INSERT INTO a VALUES (';');\n", ["INSERT INTO a VALUES (';')"]],
    ['whole-line comments dropped', '-- why;\nSELECT 1;\n', ['SELECT 1']],
    [
      'a procedural body between $$ is one statement',
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  DELETE FROM a;\n  RETURN NULL;\nEND\n$$;\nSELECT 2;\n',
      [
        'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  DELETE FROM a;\n  RETURN NULL;\nEND\n$$',
        'SELECT 2',
      ],
    ],
  ])('%s', (_case, sql, statements) => {
    expect(splitStatements(sql)).toEqual(statements);
  });

  it('refuses a body left open', () => {
    expect(() => splitStatements('CREATE FUNCTION f() AS $$\nBEGIN\n  SELECT 1;\n')).toThrow('inside a $$ body');
  });
});
