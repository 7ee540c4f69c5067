// Text normalization shared by the index builder and the matcher: one output char per input char,
// so offsets in the normalized text equal offsets in the original.

const cache = new Map<string, string>();
const SPECIAL: Record<string, string> = {
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '`': "'", '\u2010': '-', '\u2011': '-', '\u2013': '-',
  '\u2014': '-', '\u00df': 's', '\u0131': 'i', '\u0142': 'l', '\u00f8': 'o', '\u0111': 'd', '\u00e6': 'a',
};

/** Maps one character to its lower-cased, accent-free form (always one character). */
export function normChar(c: string): string {
  const hit = cache.get(c);
  if (hit !== undefined) return hit;
  let out: string;
  if (SPECIAL[c]) out = SPECIAL[c];
  else if (/\s/.test(c)) out = ' ';
  else {
    const base = c.normalize('NFD').charAt(0).toLowerCase();
    out = base.length === 1 ? base : c.toLowerCase().charAt(0) || c;
  }
  cache.set(c, out);
  return out;
}

/** Normalizes a whole string char by char (same length as the input). */
export function normText(text: string): string {
  return (NON_ASCII_TEST.test(text) ? text.replace(NON_ASCII, normRun) : text).toLowerCase();
}

// A run of such characters, each through normChar (UTF-16 unit by unit).
function normRun(run: string): string {
  if (run.length === 1) return normChar(run);
  let out = '';
  for (let k = 0; k < run.length; k++) out += normChar(run[k]);
  return out;
}

// A plain space maps to itself, so only other characters outside printable ASCII go through normChar.
const NON_ASCII = /[^\x20-\x7e]+/g;
const NON_ASCII_TEST = /[^\x20-\x7e]/;

/** Normalizes an alias: chars normalized, whitespace collapsed and trimmed. */
export function normAlias(alias: string): string {
  const n = normText(alias);
  return (n.includes('  ') ? n.replace(/ +/g, ' ') : n).trim();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True for a letter or digit. */
export function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return isAsciiWord(code);
  return WORD_CHAR.test(c);
}

function isAsciiWord(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** The leading run of letters/digits of `s` from `from` (the index key). */
export function firstWord(s: string, from = 0): string {
  const end = wordEnd(s, from);
  return end === from ? '' : s.slice(from, end);
}

/** Where the run of letters/digits of `s` starting at `from` ends. */
export function wordEnd(s: string, from: number): number {
  let end = from;
  while (end < s.length) {
    const code = s.charCodeAt(end);
    if (code < 0x80 ? !isAsciiWord(code) : !WORD_CHAR.test(s[end])) break;
    end++;
  }
  return end;
}

/** The FNV-1a hash (`hashStep` from `FNV_OFFSET`) of s[start, end), before `spanHash`. */
export function hashRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = hashStep(h, s.charCodeAt(k));
  return h;
}

/** The hash as stored in the span table: unsigned, never 0 (0 marks an empty slot). */
export function spanHash(h: number): number {
  return h >>> 0 || 1;
}

/** Start value of the FNV-1a hash used by the alias scanner (see `hashStep`). */
export const FNV_OFFSET = 0x811c9dc5 | 0;

/** One FNV-1a step: the hash so far with one more char code (32-bit signed; `>>> 0` for the unsigned value). */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, 16777619);
}

/** True when `s` starts with an upper-case letter (same as /^\p{Lu}/u, with an ASCII fast path). */
export function startsUpper(s: string): boolean {
  const code = s.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return UPPER.test(s);
}

const UPPER = /^\p{Lu}/u;

/** Turns a name into a kebab-case id. */
export function kebab(name: string): string {
  return normAlias(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const PARTICLES = new Set(['von', 'der', 'van', 'de', 'del', 'della', 'di', 'da', 'du', 'le', 'la', 'bin', 'ibn', 'al', 'el', 'ben', 'dos', 'das', 'zu', 'ter', 'den']);

/** True for a lower-case name particle (von, der, Le, bin, al, ...). */
export function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}

// Generational suffixes and regnal numbers written after a name ("Jr.", "III"): part of the name text,
// never its surname. Single-letter numerals (I, V, X) are left alone ("Malcolm X").
const SUFFIX_WORD = /^(?:(?:Jr|Sr|Jnr|Snr)\.?|(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3}))$/;

/** True for a name suffix word as written: "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "XVI". */
export function isNameSuffix(word: string): boolean {
  const c = word.charCodeAt(0);
  // J, S, I, V or X first: most words are ruled out without the regular expression.
  if (c !== 0x4a && c !== 0x53 && c !== 0x49 && c !== 0x56 && c !== 0x58) return false;
  return word.length <= 6 && SUFFIX_WORD.test(word);
}

/** The name's suffix ("Jr.", "III"), lower-cased without its full stop, or '' ("Robert Kennedy Jr." → "jr"). */
export function nameSuffix(name: string): string {
  const last = name.slice(name.lastIndexOf(' ') + 1);
  return isNameSuffix(last) && last.length < name.length ? last.replace('.', '').toLowerCase() : '';
}

// The words of a person name that can hold its given name and surname: initials dropped; a
// territorial "of" phrase ("Salman of Saudi Arabia", "Margrethe II of Denmark") and an appended
// style after a comma ("Jean, Grand Duke of Luxembourg") cut off; trailing suffixes dropped
// ("Martin Luther King Jr." → Martin Luther King), unless nothing else is left.
const INITIAL_WORD = /^\p{L}\.$/u;

function nameWords(name: string): string[] {
  const parts = name.split(/\s+/);
  // Only a name with a full stop can hold an initial; most have none and skip the test.
  let words = name.includes('.') ? parts.filter((w) => w && !INITIAL_WORD.test(w)) : parts[0] === '' || parts[parts.length - 1] === '' ? parts.filter(Boolean) : parts;
  const of = words.indexOf('of');
  if (of > 0) words = words.slice(0, of);
  if (name.includes(',')) {
    const comma = words.findIndex((w, k) => w.endsWith(',') && k + 1 < words.length && !isNameSuffix(words[k + 1]));
    if (comma >= 0) words = words.slice(0, comma + 1);
    words = words.map((w) => (w.endsWith(',') ? w.slice(0, -1) : w)).filter(Boolean);
  }
  let end = words.length;
  while (end > 1 && isNameSuffix(words[end - 1])) end--;
  return end < words.length ? words.slice(0, end) : words;
}

/**
 * Splits a person name into given name and surname (particles stay with the surname, initials and
 * suffixes are dropped: "Martin Luther King Jr." → Martin / King). With `familyName` (a person of the
 * knowledge base whose family name is not written last, "Xi" of "Xi Jinping"), a name form holding
 * that name has it as surname and its first other word as given name ("Xi Jinping" → Jinping / Xi,
 * "William Lai" → William / Lai); other forms, and all text names, split by position.
 */
export function splitName(name: string, familyName?: string): { given: string; surname: string } {
  const words = nameWords(name);
  if (familyName) {
    const family = normAlias(familyName).split(' ');
    for (let k = 0; k + family.length <= words.length; k++) {
      if (!family.every((f, j) => normAlias(words[k + j]) === f)) continue;
      const given = words.find((_, j) => j < k || j >= k + family.length) ?? '';
      return { given, surname: words.slice(k, k + family.length).join(' ') };
    }
  }
  if (words.length <= 1) return { given: '', surname: words[0] ?? '' };
  let cut = words.length - 1;
  while (cut > 1 && isParticle(words[cut - 1])) cut--;
  return { given: words[0], surname: words.slice(cut).join(' ') };
}
