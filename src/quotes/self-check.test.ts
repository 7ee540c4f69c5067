// Reads the seed and GUM gold from ../shared when present and prints how many gold quotes and
// attributions the stage gets. The actors stage is not used: a crude stand-in below finds
// capitalised runs as mentions (test-only), so speaker names are matched leniently (containment).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Doc, Mention, MentionType } from '../model/types.js';
import { makeDoc } from '../testing/make-doc.js';
import { findQuotes } from './index.js';

// ../shared from the project root, as every checkout has it.
const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const GOLD = join(SHARED, 'eval/gold');
const ROLES = new Set(['president', 'secretary', 'minister', 'director', 'spokeswoman', 'spokesman', 'spokesperson',
  'ambassador', 'chancellor', 'mr', 'mr.', 'mrs', 'ms', 'dr', 'professor', 'senator', 'leader', 'chief', 'general', 'ceo',
  'undersecretary', 'coach', 'prosecutor', 'the']);
const ORG_WORDS = /\b(?:Ministry|Agency|Journal|News|Commission|Union|Organization|Office|Government|Council|Church|Times|Post|Herald|Party|Department|Kremlin|Reuters|Association|Institute|Council|Standards|Labour|Bank|Court)\b/;
const PARTICLES = new Set(['von', 'der', 'de', 'al', 'bin', 'van', 'la', 'du', 'da']);

/** Test-only stand-in for the actors stage: capitalised runs, titles stripped, surnames linked. */
function crudeMentions(doc: Doc): Mention[] {
  const out: Mention[] = [];
  const t = doc.tokens;
  for (let i = 0; i < t.length; i++) {
    if (!/^[A-Z]/.test(t[i].text) || !['PROPN', 'NOUN', 'ADJ'].includes(t[i].pos)) continue;
    let j = i;
    while (j + 1 < t.length && t[j + 1].sentence === t[i].sentence &&
      (/^[A-Z]/.test(t[j + 1].text) || (PARTICLES.has(t[j + 1].lower) && /^[A-Z]|^(?:der|de|la)$/.test(t[j + 2]?.text ?? ''))) &&
      t[j + 1].start - t[j].end <= 1) j++;
    let role = -1;
    for (let k = i; k < j; k++) if (ROLES.has(t[k].lower)) role = k;
    const before = role > i ? doc.text.slice(t[i].start, t[role - 1].end) : '';
    if (role > i && ORG_WORDS.test(before)) out.push(mention(doc, i, role - 1, out));
    out.push(mention(doc, role >= i ? role + 1 : i, j, out));
    i = j;
  }
  return out;
}

function mention(doc: Doc, a: number, b: number, earlier: Mention[]): Mention {
  const t = doc.tokens;
  const text = doc.text.slice(t[a].start, t[b].end);
  const org = ORG_WORDS.test(text);
  const sameSurname = earlier.find((m) => m.type === 'PERSON' && m.name.endsWith(` ${text}`));
  const type: MentionType = org ? 'ORG' : (b > a || sameSurname) && t[a].pos === 'PROPN' ? 'PERSON' : 'GPE';
  return {
    start: t[a].start, end: t[b].end, text, type, actor: null, name: sameSurname?.name ?? text,
    country: null, sector: null, role: null, via: 'unresolved', confidence: 0.3, sentence: t[a].sentence,
  };
}

function norm(s: string): string {
  return s.toLowerCase().replace(/^the\s+/, '').replace(/[’']s$/, '').trim();
}

function sameName(got: string | null, names: string[]): boolean {
  if (!got) return false;
  const g = norm(got);
  return names.some((n) => g.includes(norm(n)) || norm(n).includes(g));
}

interface GoldQuote { speaker: string; speaker_aliases?: string[]; text: string; start?: number }
interface GoldAttribution { source: string; aliases?: string[]; via?: string; claim: string }

function run(file: string) {
  const gold = JSON.parse(readFileSync(join(GOLD, file), 'utf8')) as {
    file: string; published: string; quotes?: GoldQuote[]; attributions?: GoldAttribution[];
  };
  const text = readFileSync(join(SHARED, gold.file), 'utf8');
  const base = makeDoc(text, { published: gold.published });
  const doc = findQuotes({ ...base, mentions: crudeMentions(base) });
  const lines: string[] = [];
  let hits = 0;
  for (const g of gold.quotes ?? []) {
    const start = g.start ?? text.indexOf(g.text);
    const end = start + g.text.length;
    const over = doc.quotes.filter((q) => q.start < end && start < q.end);
    const ok = over.some((q) => sameName(q.speaker, [g.speaker, ...(g.speaker_aliases ?? [])]));
    if (ok) hits++;
    lines.push(`${ok ? 'HIT ' : 'MISS'} ${g.speaker} ${JSON.stringify(g.text.slice(0, 50))} got=${over.map((q) => `${q.kind}:${q.speaker}`).join(',') || '-'}`);
  }
  let attrHits = 0;
  for (const g of gold.attributions ?? []) {
    const start = text.indexOf(g.claim);
    const over = doc.attributions.filter((a) => a.start < start + g.claim.length && start < a.end);
    const ok = over.some((a) => sameName(a.name, [g.source, ...(g.aliases ?? [])]) && (!g.via || sameName(a.via, [g.via])));
    if (ok) attrHits++;
    lines.push(`${ok ? 'HIT ' : 'MISS'} attribution ${g.source} via ${g.via ?? '-'} got=${over.map((a) => `${a.name}/${a.via}`).join(',') || '-'}`);
  }
  return { hits, total: (gold.quotes ?? []).length, attrHits, attrTotal: (gold.attributions ?? []).length, lines, doc };
}

describe.skipIf(!existsSync(GOLD))('quotes self-check against the shared gold', () => {
  it('finds the seed quotes and attributions', () => {
    const r = run('seed-ukraine-2022-01-20.json');
    console.log(`seed quotes ${r.hits}/${r.total}, attributions ${r.attrHits}/${r.attrTotal}\n${r.lines.join('\n')}`);
    expect(r.hits).toBeGreaterThanOrEqual(4);
    expect(r.attrHits).toBeGreaterThanOrEqual(3);
  });

  it('reports the GUM gold quotes', () => {
    let hits = 0;
    let total = 0;
    let predicted = 0;
    const misses: string[] = [];
    for (const f of readdirSync(GOLD).filter((n) => n.startsWith('gum-'))) {
      const r = run(f);
      hits += r.hits;
      total += r.total;
      predicted += r.doc.quotes.filter((q) => q.kind === 'direct').length;
      misses.push(...r.lines.filter((l) => l.startsWith('MISS')).map((l) => `${f}: ${l}`));
    }
    console.log(`GUM quotes ${hits}/${total} (direct quotes predicted: ${predicted})\n${misses.join('\n')}`);
    expect(total).toBeGreaterThan(0);
  });
});
