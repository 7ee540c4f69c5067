// Builds data/cameo/codes.json and data/cameo/plover.json from the ICEWS CAMEO table and the
// CAMEO-to-PLOVER conversion list. Run by hand after `npm run build`:
//   node dist/events/build-code-table.js /work/shared/reference
// Only facts are kept (code, name, Goldstein score, PLOVER type and mode); no prose is copied.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One row of the generated code table. */
export interface CodeRow {
  code: string;
  name: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
}

/** One row of the generated PLOVER mapping. */
export interface PloverRow {
  code: string;
  event: string | null;
  mode: string | null;
  from: 'leaf' | 'root' | 'choice';
}

/** Returns the quad class of a two-digit root. */
export function quadOfRoot(root: string): 1 | 2 | 3 | 4 {
  const n = Number(root);
  if (n <= 5) return 1;
  if (n <= 8) return 2;
  if (n <= 13) return 3;
  return 4;
}

/** Splits CSV text into rows of fields (quoted fields may hold commas and doubled quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.length > 1);
}

/** Reads the ICEWS CAMEO csv text into code rows (facts only). */
export function buildCodeRows(csv: string): CodeRow[] {
  const [header, ...rows] = parseCsv(csv);
  const col = (name: string): number => header.indexOf(name);
  const [ci, ni, gi] = [col('code'), col('name'), col('goldstein')];
  return rows.map((r) => {
    const code = r[ci].trim();
    const root = code.slice(0, 2);
    return { code, name: r[ni].trim(), root, quad: quadOfRoot(root), goldstein: Number(r[gi]) };
  });
}

/** Reads the CAMEO2PLOVER text ("0311: AGREE, mode, context # ...") into a code → [event, mode] map. */
export function parsePloverList(text: string): Map<string, [string, string | null]> {
  const out = new Map<string, [string, string | null]>();
  for (const line of text.split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?/.exec(line);
    if (!m || out.has(m[1])) continue;
    const mode = (m[3] ?? '').trim();
    out.set(m[1], [m[2], mode === '' ? null : mode]);
  }
  return out;
}

// PLOVER drops CAMEO 01 (statements) and 02 (appeals). We keep 01 without a PLOVER type and map
// appeals to REQUEST, the PLOVER category for requests and demands.
const CHOICES: Record<string, [string | null, string | null]> = { '01': [null, null], '02': ['REQUEST', null] };

/** Maps every code to a PLOVER event type and mode: the leaf's own entry, else its root's. */
export function buildPloverRows(codes: CodeRow[], list: Map<string, [string, string | null]>): PloverRow[] {
  return codes.map(({ code, root }) => {
    const own = list.get(code);
    if (own) return { code, event: own[0], mode: own[1], from: 'leaf' as const };
    const choice = CHOICES[root];
    if (choice) return { code, event: choice[0], mode: choice[1], from: 'choice' as const };
    const parent = list.get(code.slice(0, 3)) ?? list.get(root);
    return { code, event: parent ? parent[0] : null, mode: null, from: 'root' as const };
  });
}

// One row per line keeps the files small and diffs readable.
function toJson(file: Record<string, unknown>, listKey: string): string {
  const head = Object.entries(file).filter(([k]) => k !== listKey).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const rows = (file[listKey] as unknown[]).map((r) => '    ' + JSON.stringify(r)).join(',\n');
  return `{\n${head.join('\n')}\n  ${JSON.stringify(listKey)}: [\n${rows}\n  ]\n}\n`;
}

function main(referenceDir: string): void {
  const codes = buildCodeRows(readFileSync(join(referenceDir, 'cameo/icews_cameo-codes.csv'), 'latin1'));
  const list = parsePloverList(readFileSync(join(referenceDir, 'plover/CAMEO2PLOVER-2021.txt'), 'latin1'));
  const out = fileURLToPath(new URL('../../data/cameo/', import.meta.url));
  const codeFile = {
    about: 'CAMEO 1.1b3 event codes. Goldstein scores are the values of the ICEWS CAMEO code table.',
    goldsteinSource: 'ICEWS CAMEO table (icews_cameo-codes.csv)',
    codes,
  };
  const ploverFile = {
    about: 'CAMEO code to PLOVER event type and mode, from the 2021 CAMEO-to-PLOVER conversion table; ' +
      'from=root means the code took its parent or root default; 01 has no PLOVER type, 02 maps to REQUEST (our choice).',
    mappings: buildPloverRows(codes, list),
  };
  writeFileSync(join(out, 'codes.json'), toJson(codeFile, 'codes'));
  writeFileSync(join(out, 'plover.json'), toJson(ploverFile, 'mappings'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv[2] ?? '/work/shared/reference');
}
