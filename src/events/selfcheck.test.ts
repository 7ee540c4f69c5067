// Self-check against the CAMEO manual example sentences in /work/shared (skipped when absent):
// prints root recall and full-code recall with the stand-in mentions.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { addStandInMentions } from './fixtures/stand-in-mentions.js';
import { codeEvents, loadCodeTable, loadLexicon } from './index.js';

const FILE = '/work/shared/eval/sentences/cameo-examples.jsonl';

interface Example {
  id: string;
  text: string;
  events: { roots: string[]; code: string }[];
}

describe.skipIf(!existsSync(FILE))('CAMEO manual examples', () => {
  it('reports root and full-code recall', () => {
    const codes = loadCodeTable();
    const knowledge = { lexicon: loadLexicon([], codes), codes };
    const examples = readFileSync(FILE, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Example);
    let rootHits = 0;
    let codeHits = 0;
    let sentences = 0;
    let ms = 0;
    const misses: string[] = [];
    for (const ex of examples) {
      const doc = addStandInMentions(makeDoc(ex.text.replace(/\s*Note:.*$/, ''), { published: '2000-01-01' }));
      const t0 = performance.now();
      const coded = codeEvents(doc, knowledge);
      ms += performance.now() - t0;
      sentences += doc.sentences.length;
      const gold = ex.events[0];
      const got = coded.events.map((e) => e.cameo);
      if (coded.events.some((e) => gold.roots.includes(e.root))) rootHits++;
      else misses.push(`${gold.code} got [${got.join(',')}] ${ex.text.slice(0, 90)}`);
      if (got.includes(gold.code)) codeHits++;
    }
    const n = examples.length;
    console.log(`CAMEO examples: root recall ${(100 * rootHits / n).toFixed(1)}% (${rootHits}/${n}), ` +
      `full-code recall ${(100 * codeHits / n).toFixed(1)}% (${codeHits}/${n}), ${(ms / sentences).toFixed(3)} ms/sentence`);
    if (process.env.SHOW_MISSES) console.log(misses.join('\n'));
    expect(rootHits / n).toBeGreaterThan(0.3);
  });
});
