// Acronyms an article defines in brackets after a name ("University of Southern Indiana (USI)"):
// later uses of the acronym resolve to what the name resolved to, within that article only.
import type { Doc, Mention } from '../model/types.js';

const ACRONYM = /^[\p{Lu}][\p{Lu}\d&]{1,7}$/u;
const SMALL = new Set(['of', 'for', 'on', 'at', 'and', 'the', 'in', 'to', '&', '-']);

/** True when `text` looks like an acronym (2 to 8 capitals or digits, starting with a capital). */
export function isAcronym(text: string): boolean {
  return ACRONYM.test(text);
}

/** True when the acronym's letters are the initials (in order, small words optional) of the name's words. */
export function initialsFit(acronym: string, name: string): boolean {
  return lettersFit(lettersOf(acronym), name);
}

// The acronym's letters, lower-cased ("U.S.A" → "usa").
function lettersOf(acronym: string): string {
  return acronym.replace(/[^\p{L}]/gu, '').toLowerCase();
}

function lettersFit(letters: string, name: string): boolean {
  // No word of the name starts with the first letter: no fit, without splitting the name.
  if (letters.length > 0 && !someWordStartsWith(name, letters[0])) return false;
  const words = name.split(/[\s\-–]+/).filter(Boolean);
  return fits(letters, 0, words, 0);
}

// True when a word of `name` (as split on whitespace and dashes) starts with `lower` in either case.
function someWordStartsWith(name: string, lower: string): boolean {
  const upper = lower.toUpperCase();
  for (let k = 0; k < name.length; k++) {
    const c = name[k];
    const same = c === lower || c === upper || (c.charCodeAt(0) >= 0x80 && c.toLowerCase()[0] === lower);
    if (same && (k === 0 || WORD_BREAK.test(name[k - 1]))) return true;
  }
  return false;
}
const WORD_BREAK = /[\s\-–]/;

// Each letter starts a word, in order; small words may be skipped.
function fits(letters: string, li: number, words: string[], wi: number): boolean {
  if (li === letters.length) return words.slice(wi).every((w) => SMALL.has(w.toLowerCase()) || /^\(/.test(w));
  if (wi === words.length) return false;
  const w = words[wi].toLowerCase();
  if (SMALL.has(w) && fits(letters, li, words, wi + 1)) return true;
  return letters[li] === w[0] && fits(letters, li + 1, words, wi + 1);
}

/** The acronym defined in brackets right after tokens ending at `tokEnd` ("... (USI)"), or null. */
export function acronymAfter(doc: Doc, tokEnd: number): string | null {
  const t = doc.tokens;
  if (t[tokEnd]?.text !== '(' || t[tokEnd + 2]?.text !== ')' || !t[tokEnd + 1] || !isAcronym(t[tokEnd + 1].text)) return null;
  return t[tokEnd + 1].text;
}

/** Records the acronym defined after `m` (the mention just made) when its letters fit the name. */
export function defineAcronym(doc: Doc, defs: Map<string, Mention>, m: Mention | undefined, tokEnd: number): void {
  const acr = acronymAfter(doc, tokEnd);
  if (!acr || !m || defs.has(acr) || m.end !== doc.tokens[tokEnd - 1].end || m.type === 'PERSON') return;
  if (initialsFit(acr, m.text) || initialsFit(acr, m.name)) defs.set(acr, m);
}

function firstWord(text: string): string {
  const sp = text.indexOf(' ');
  return sp < 0 ? text : text.slice(0, sp);
}

function isLongForm(m: Mention): boolean {
  return m.type !== 'PERSON' && !m.isLocation && twoCapitals(m.text) && /\s/.test(m.text);
}

const UPPER_LETTER = /\p{Lu}/u;

// True when the text holds at least two upper-case letters (ASCII fast path).
function twoCapitals(text: string): boolean {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80 ? c >= 0x41 && c <= 0x5a : UPPER_LETTER.test(text[k]) || (c >= 0xd800 && c <= 0xdbff && UPPER_LETTER.test(text.slice(k, k + 2)))) {
      if (++n >= 2) return true;
    }
  }
  return false;
}

function longFormFor(acr: string, forms: readonly Mention[]): Mention | null {
  const letters = lettersOf(acr);
  const fit = forms.filter((f) => lettersFit(letters, f.text) || lettersFit(letters, f.name));
  const names = new Set(fit.map((f) => f.name));
  return names.size === 1 ? fit.find((f) => f.actor !== null) ?? fit[0] : null;
}

/** Unresolved acronyms ("USI", "USI Art Collections") whose letters fit exactly one name of the article take its resolution. */
export function expandAcronyms(mentions: Mention[]): Mention[] {
  if (!mentions.some((m) => m.actor === null && isAcronym(firstWord(m.text)))) return mentions;
  const forms = mentions.filter(isLongForm);
  if (forms.length === 0) return mentions;
  const cache = new Map<string, Mention | null>();
  const out: Mention[] = [];
  for (const m of mentions) {
    const acr = m.actor === null && (m.via === 'unresolved' || m.via === 'coref') ? firstWord(m.text) : '';
    if (!isAcronym(acr)) {
      out.push(m);
      continue;
    }
    if (!cache.has(acr)) cache.set(acr, longFormFor(acr, forms));
    const long = cache.get(acr);
    if (!long || long.text === m.text) {
      out.push(m);
      continue;
    }
    const { start: _s, end: _e, text: _t, sentence: _n, ...fields } = long;
    out.push({ ...m, ...fields, end: m.start + acr.length, text: acr, via: 'alias', confidence: 0.7 });
    if (m.text.length > acr.length) out.push({ ...m, start: m.start + acr.length + 1, text: m.text.slice(acr.length + 1), name: m.text.slice(acr.length + 1) });
  }
  return out;
}
