// Measures knowledge-base load time and findMentions speed on the shared Wikinews sample (skipped without ../shared).
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';

const CORPUS = '/work/shared/corpus/wikinews/wikinews-2019.jsonl';

describe.skipIf(!existsSync(CORPUS))('actors speed', () => {
  it('loads the knowledge base and finds mentions fast', () => {
    loadKnowledgeBase();
    const t0 = performance.now();
    const kb = loadKnowledgeBase();
    const loadMs = performance.now() - t0;
    const rows = readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; published: string });
    const docs = rows.map((r) => makeDoc(r.text, { published: r.published }));
    const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
    for (const d of docs.slice(0, 10)) findMentions(d, kb);
    const t1 = performance.now();
    let mentions = 0;
    for (const d of docs) mentions += findMentions(d, kb).mentions.length;
    const ms = performance.now() - t1;
    console.log(`kb load ${loadMs.toFixed(0)} ms (${kb.entities.size} entities); ${docs.length} docs, ${sentences} sentences, ${mentions} mentions in ${ms.toFixed(0)} ms = ${(ms / sentences).toFixed(3)} ms/sentence`);
    expect(loadMs).toBeLessThan(1000);
  });
});
