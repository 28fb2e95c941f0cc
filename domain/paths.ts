import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout's root: data files (code lists, matrix, migrations) are read from there, compiled or not. */
export const projectRoot = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
})();

export const projectPath = (...segments: string[]) => join(projectRoot, ...segments);
