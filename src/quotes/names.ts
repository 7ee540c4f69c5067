// Speakers' names as a reader would give them: titles taken off ("Education Minister Stefania
// Giannini" → Stefania Giannini), short references linked to the full name the article gave
// earlier ("Ms Bauchtman" → Lydia Buchtmann, "the Church" → Church of Scientology).
import { distance } from 'fastest-levenshtein';
import type { Mention, Token } from '../model/types.js';
import { tokenIndexAt } from './context.js';
import type { QuoteContext, Speaker } from './context.js';

const CONNECTORS = new Set(['of', 'for', 'to', 'at', 'the']);
const MAX_NAME_WORDS = 3;
const FUZZY_MIN_LENGTH = 6;
const FUZZY_MAX_EDITS = 2;

/** A full name the article gave, indexed for short references. */
export interface FullName {
  readonly name: string;
  readonly actor: string | null;
  readonly start: number;
}

/** The speaker a mention gives: the knowledge-base name when resolved, else the cleaned, linked name. */
export function speakerOfMention(ctx: QuoteContext, m: Mention): Speaker {
  if (m.actor) return { name: m.name, actor: m.actor };
  if (m.via === 'coref') return linkName(ctx, cleanName(ctx, m.name) ?? m.name, m.type, m.start) ?? { name: m.name, actor: null };
  const tokens = ctx.doc.tokens;
  const first = tokenIndexAt(tokens, m.start);
  const last = Math.max(first, tokenIndexAt(tokens, m.end) - 1);
  return speakerOfRun(ctx, first, last, m.type) ?? { name: m.name, actor: null };
}

/** The speaker a phrase names as written ("the government"), linked to the organisation it refers to. */
export function speakerOfPhrase(ctx: QuoteContext, text: string, at: number): Speaker {
  return linkName(ctx, text, null, at) ?? { name: text, actor: null };
}

/** The first token of the name and titles ending at or around token `first`. */
export function nameStart(ctx: QuoteContext, first: number): number {
  return widenBack(ctx, first);
}

/** The speaker a run of tokens names (tokens `first`..`last`), widened over titles and name parts. */
export function speakerOfRun(ctx: QuoteContext, first: number, last: number, type: Mention['type'] | null = null): Speaker | null {
  const tokens = ctx.doc.tokens;
  const a = widenBack(ctx, first);
  const b = widenForward(ctx, last);
  const text = ctx.doc.text.slice(tokens[a].start, tokens[b].end);
  const name = cleanName(ctx, text) ?? (a === first && b === last ? text : ctx.doc.text.slice(tokens[first].start, tokens[b].end));
  return linkName(ctx, name, type, tokens[first].start) ?? { name, actor: null };
}

// Back over titles and capitalised words and the "of"/"for" between them: "CEO of the Refugee Council".
function widenBack(ctx: QuoteContext, first: number): number {
  const tokens = ctx.doc.tokens;
  const floor = ctx.doc.sentences[tokens[first].sentence]?.tokenStart ?? 0;
  let a = first;
  while (a - 1 >= floor) {
    const t = tokens[a - 1];
    const before = tokens[a - 2];
    if (t.pos === 'PROPN' || isTitle(ctx, t) || touches(t, tokens[a])) a--;
    else if (t.text === '-' && before && ctx.lexicon.particles.has(before.lower) && before.end === t.start && a - 2 >= floor) a -= 2;
    else if (CONNECTORS.has(t.lower) && before && a - 2 >= floor && (before.pos === 'PROPN' || isTitle(ctx, before) || CONNECTORS.has(before.lower))) a--;
    else break;
  }
  while (a < first && CONNECTORS.has(tokens[a].lower)) a++;
  return a;
}

// Forward over the rest of a name: "Suleiman al-Amr", "Ali bin Hassan".
function widenForward(ctx: QuoteContext, last: number): number {
  const tokens = ctx.doc.tokens;
  let b = last;
  for (;;) {
    const t = tokens[b + 1];
    if (!t || t.start - tokens[b].end > 1 || t.sentence !== tokens[last].sentence) break;
    if (((t.pos === 'PROPN' || t.pos === 'NOUN') && /^\p{Lu}/u.test(t.text)) || touches(tokens[b], t)) b++;
    else if (t.text === '-' && tokens[b + 2]?.pos === 'PROPN' && t.start === tokens[b].end) b += 2;
    else if (ctx.lexicon.particles.has(t.lower) && /^\p{Lu}/u.test(tokens[b + 2]?.text ?? (tokens[b + 3]?.text ?? ''))) b++;
    else break;
  }
  return b;
}

/** True when token `b` follows `a` inside one word: the tokenizer splits names at some letters ("Kaczyński"). */
export function touches(a: Token, b: Token): boolean {
  return a.end === b.start && /\p{L}$/u.test(a.text) && /^\p{L}/u.test(b.text);
}

function isTitle(ctx: QuoteContext, t: Token): boolean {
  return ctx.lexicon.titles.has(bare(t.text));
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[’']s$/, '').replace(/\.$/, '');
}

/** The personal name after the last title or organisation word, or null when there is none to take off. */
export function cleanName(ctx: QuoteContext, text: string): string | null {
  if (!text.includes(' ')) return null;
  const words = text.split(/\s+/).filter(Boolean);
  // Post-nominals first: "Kama Melly QC".
  while (words.length > 1 && ctx.lexicon.titles.has(bare(words[words.length - 1]).replace(/,$/, ''))) words.pop();
  let boundary = -1;
  words.forEach((w, i) => {
    const b = bare(w);
    if (ctx.lexicon.titles.has(b) || ctx.lexicon.organisations.has(b) || CONNECTORS.has(b)) boundary = i;
  });
  const rest = words.slice(boundary + 1);
  if (boundary < 0 && words.length < text.split(/\s+/).filter(Boolean).length && words.length <= MAX_NAME_WORDS) return words.join(' ');
  if (boundary < 0 || rest.length === 0 || rest.length > MAX_NAME_WORDS) return null;
  const nameLike = rest.every((w) => /^\p{Lu}/u.test(w) || ctx.lexicon.particles.has(w.split('-')[0].toLowerCase()));
  return nameLike ? rest.join(' ') : null;
}

// A one-word name ("Eastman", "Church") stands for the fuller name given before, if any.
function linkName(ctx: QuoteContext, name: string, type: Mention['type'] | null, at: number): Speaker | null {
  const words = name.replace(/^the\s+/i, '').split(/\s+/);
  if (words.length !== 1) return null;
  const word = words[0].toLowerCase();
  if (ctx.lexicon.definites.has(word) && type !== 'PERSON') return linkDefinite(ctx, word, at);
  if (!/^\p{Lu}/u.test(words[0]) || (type && type !== 'PERSON')) return null;
  return linkSurname(ctx, word, at);
}

function linkSurname(ctx: QuoteContext, surname: string, at: number): Speaker | null {
  const index = fullNames(ctx);
  const exact = index.bySurname.get(surname);
  const pick = (list: readonly FullName[] | undefined): Speaker | null => {
    if (!list || list.length === 0) return null;
    const before = list.filter((n) => n.start <= at);
    const best = before.length > 0 ? before[before.length - 1] : list[0];
    return { name: best.name, actor: best.actor };
  };
  if (exact) return pick(exact);
  if (surname.length < FUZZY_MIN_LENGTH) return null;
  // "Bauchtman" for "Buchtmann": one spelling slip in a long surname, same first letter.
  for (const [key, list] of index.bySurname) {
    if (key[0] === surname[0] && Math.abs(key.length - surname.length) <= FUZZY_MAX_EDITS && distance(key, surname) <= FUZZY_MAX_EDITS) return pick(list);
  }
  return null;
}

// "the Church", "the government": the last organisation named before whose name holds the word.
function linkDefinite(ctx: QuoteContext, word: string, at: number): Speaker | null {
  const index = fullNames(ctx);
  let best: FullName | null = null;
  for (const n of index.organisations) {
    if (n.start > at && best) break;
    if (n.name.toLowerCase().split(/[\s-]+/).includes(word) && n.name.includes(' ')) best = n;
  }
  return best ? { name: best.name, actor: best.actor } : null;
}

/** The full names of a document, by surname, and its organisations in text order. */
export interface NameIndex {
  bySurname: Map<string, FullName[]>;
  organisations: FullName[];
}

// Built once per document, on first need, and kept on the context.
function fullNames(ctx: QuoteContext): NameIndex {
  if (ctx.cache.names) return ctx.cache.names;
  const index: NameIndex = { bySurname: new Map(), organisations: [] };
  for (const m of ctx.mentions) {
    if (m.isLocation || m.via === 'coref') continue;
    if (m.type === 'PERSON') addPerson(ctx, index, m);
    else addOrganisation(ctx, index, m);
  }
  ctx.cache.names = index;
  return index;
}

function addPerson(ctx: QuoteContext, index: NameIndex, m: Mention): void {
  const name = m.actor ? m.name : cleanName(ctx, m.name) ?? m.name;
  const words = name.split(/\s+/);
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w) || ctx.lexicon.particles.has(w.split('-')[0].toLowerCase()))) return;
  const surname = words[words.length - 1].toLowerCase();
  const list = index.bySurname.get(surname) ?? [];
  list.push({ name, actor: m.actor, start: m.start });
  index.bySurname.set(surname, list);
}

// "Church" followed by "of Scientology" in the text is one name, whatever the mentions say.
function addOrganisation(ctx: QuoteContext, index: NameIndex, m: Mention): void {
  const tokens = ctx.doc.tokens;
  let name = m.name;
  const k = tokenIndexAt(tokens, m.end);
  if (!m.actor && tokens[k]?.lower === 'of') {
    let j = tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1;
    const from = j;
    while (tokens[j] && tokens[j].pos === 'PROPN' && tokens[j].sentence === tokens[k].sentence) j++;
    if (j > from) name = ctx.doc.text.slice(m.start, tokens[j - 1].end);
  }
  index.organisations.push({ name, actor: m.actor, start: m.start });
}
