// Names the article spells in a way the knowledge base knows for no one, yet resolves with confidence.
import type { Doc, Flag } from '../model/types.js';

/** The least confidence of a fuzzy match that is worth telling the reader about. */
const MIN_CONFIDENCE = 0.75;

/** A garbled spelling keeps the shape of the name: same number of words, same first letters of given name and surname. */
function sameInitials(text: string, name: string): boolean {
  const a = text.trim().split(/\s+/);
  const b = name.trim().split(/\s+/);
  if (a.length > b.length + 1 || a.length > 4) return false;
  const first = (w: string): string => w.normalize('NFKD').charAt(0).toLowerCase();
  return first(a[0]) === first(b[0]) && first(a[a.length - 1]) === first(b[b.length - 1]);
}

/** One `name` flag per person whose name the article misspells (first occurrence only). */
export function flagNames(doc: Doc): Flag[] {
  const seen = new Set<string>();
  const flags: Flag[] = [];
  for (const m of doc.mentions) {
    if (!m.misspelled || m.type !== 'PERSON' || !m.actor || m.via !== 'fuzzy' || m.confidence < MIN_CONFIDENCE) continue;
    if (!/\s/.test(m.text.trim()) || seen.has(m.actor) || !sameInitials(m.text, m.name)) continue;
    seen.add(m.actor);
    flags.push({
      kind: 'name', start: m.start, end: m.end, text: m.text, expected: m.name,
      message: `"${m.text}" is not a known spelling of any name; read as ${m.name}${m.role ? ` (${m.role})` : ''}`,
    });
  }
  return flags;
}
