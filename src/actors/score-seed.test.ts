// Scores the actors stage on the seed article's gold mentions and coreference links, read from
// ../shared when present (the article itself is never copied into the repository).
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';
import type { Mention } from '../model/types.js';

const SHARED = '/work/shared';
const GOLD = `${SHARED}/eval/gold/seed-ukraine-2022-01-20.json`;

interface GoldMention { text: string; name: string; country?: string; aliases?: string[] }

function hits(text: string, mentions: Mention[], g: GoldMention, used: Set<Mention>): Mention | null {
  let from = 0;
  for (;;) {
    const at = text.indexOf(g.text, from);
    if (at < 0) return null;
    const names = [g.name, ...(g.aliases ?? [])];
    const m = mentions.find((x) => !used.has(x) && x.start < at + g.text.length && x.end > at && names.includes(x.name) && (g.country === undefined || x.country === g.country));
    if (m) return m;
    from = at + 1;
  }
}

describe.skipIf(!existsSync(GOLD))('seed article', () => {
  it('finds the gold mentions and coreference links', () => {
    const gold = JSON.parse(readFileSync(GOLD, 'utf8'));
    const text = readFileSync(`${SHARED}/${gold.file}`, 'utf8');
    const kb = loadKnowledgeBase();
    const doc = findMentions(makeDoc(text, { published: gold.published }), kb);
    const used = new Set<Mention>();
    let ok = 0;
    for (const g of gold.mentions as GoldMention[]) {
      const m = hits(text, doc.mentions, g, used);
      if (m) ok++;
      console.log(`${m ? 'HIT ' : 'MISS'} ${g.text} -> ${g.name} ${g.country ?? ''}`);
    }
    let links = 0;
    for (const g of gold.coreference as GoldMention[]) {
      const m = hits(text, doc.mentions, g, new Set());
      if (m) links++;
      console.log(`${m ? 'HIT ' : 'MISS'} coref ${g.text} -> ${g.name}`);
    }
    if (process.env.ACTORS_DUMP) for (const m of doc.mentions) console.log(`${m.text} | ${m.type} ${m.name} ${m.country} ${m.sector} ${m.via} ${m.role ?? ''} ${m.isLocation ? 'LOC' : ''}`);
    console.log(`mentions ${ok}/${gold.mentions.length}, links ${links}/${gold.coreference.length}`);
    expect(ok).toBeGreaterThanOrEqual(20);
    expect(links).toBeGreaterThanOrEqual(5);
  });
});
