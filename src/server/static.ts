// The dashboard's files, read once at start into memory: only files that exist under the folder are served.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's `public/` folder (the dashboard), from both src/ and dist/. */
export const PUBLIC_DIR: string = fileURLToPath(new URL('../../public/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** A file ready to send. */
export interface StaticFile {
  body: Uint8Array;
  type: string;
}

/** Every file under `dir` by its URL path ("/app.js"); "/" is index.html. */
export function loadStaticFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (TYPES[extname(name)]) files.set(`/${relative(dir, path).split(sep).join('/')}`, { body: readFileSync(path), type: TYPES[extname(name)] });
    }
  };
  walk(dir);
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return files;
}
