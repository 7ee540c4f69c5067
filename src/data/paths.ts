// Where Faultline's own data files live, from both src/ (tests) and dist/ (the built package).
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package's `data/` folder. */
export const dataDir: string = fileURLToPath(new URL('../../data/', import.meta.url));

/** The package's root folder (where package.json is). */
export const packageRoot: string = fileURLToPath(new URL('../../', import.meta.url));

/** A path inside the package's `data/` folder. */
export function dataPath(...parts: string[]): string {
  return join(dataDir, ...parts);
}
