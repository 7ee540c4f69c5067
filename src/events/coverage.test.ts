// Lexicon coverage: news wordings that reach specific CAMEO codes through data/lexicon alone.
import { describe, expect, it } from 'vitest';
import type { CodedEvent } from '../model/types.js';
import { makeDoc } from '../testing/make-doc.js';
import type { MentionSpec } from './fixtures/hand-mentions.js';
import { withMentions } from './fixtures/hand-mentions.js';
import { codeEvents, loadCodeTable, loadLexicon } from './index.js';

const codes = loadCodeTable();
const knowledge = { lexicon: loadLexicon([], codes), codes };

function cameo(text: string, specs: MentionSpec[]): string[] {
  const events: CodedEvent[] = codeEvents(withMentions(makeDoc(text, { published: '2022-01-20' }), specs), knowledge).events;
  return events.map((e) => `${e.source.country}>${e.target?.country ?? '-'}:${e.cameo}`);
}

const ruritania = { text: 'Ruritania', country: 'RUR' };
const borduria = { text: 'Borduria', country: 'BOR' };

describe('lexicon coverage', () => {
  it('reads "claimed responsibility for" as 015, not as a statement', () => {
    expect(cameo('The Front claimed responsibility on Sunday for the raid.', [{ text: 'The Front', country: 'RUR' }])).toContain('RUR>-:015');
  });

  it('reads a hyphenated "cease-fire" declaration as 0871', () => {
    expect(cameo('Ruritania declared a unilateral cease-fire with Borduria on Friday.', [ruritania, borduria])).toContain('RUR>BOR:0871');
  });

  it('codes "is prepared to" + a coercive act as a threat (1324), not a passive', () => {
    expect(cameo('Ruritania said it is prepared to impose martial law on Borduria.', [ruritania, borduria])).toContain('RUR>BOR:1324');
  });

  it('codes "prepared to resume shelling" as a show of force (150)', () => {
    expect(cameo('Ruritania prepared to resume shelling Borduria on Monday.', [ruritania, borduria])).toEqual(['RUR>BOR:150']);
  });

  it('codes "remained on high alert" as 152', () => {
    expect(cameo('Ruritania remained on high alert along the border with Borduria.', [ruritania, borduria])[0]).toMatch(/^RUR>.*:152$/);
  });

  it('codes "failed to reach an agreement" as halted talks (164), not an agreement', () => {
    expect(cameo('Ruritania failed to reach an agreement with Borduria on Monday.', [ruritania, borduria])).toEqual(['RUR>BOR:164']);
  });

  it('codes "lifted a week-old blockade" as 0872 despite the hyphenated words', () => {
    expect(cameo('Ruritania lifted on Friday a week-old blockade of Borduria.', [ruritania, borduria])).toContain('RUR>BOR:0872');
  });

  it('codes "killed ... in a car bombing" as 1832', () => {
    expect(cameo('Ruritania killed two Bordurian officers in a car bombing on Monday.', [ruritania, { text: 'Bordurian officers', country: 'BOR' }])).toContain('RUR>BOR:1832');
  });

  it('codes "forced the aid agency out of" as 1663', () => {
    expect(cameo('Ruritania forced the UN refugee agency out of the country.', [ruritania, { text: 'UN', country: 'UNO' }])).toContain('RUR>UNO:1663');
  });

  it('codes "will visit X to mediate" as an intent to mediate (039)', () => {
    expect(cameo('Ruritania will visit Borduria next week to mediate in the dispute.', [ruritania, borduria])).toContain('RUR>BOR:039');
  });

  it('keeps "was planned to" passive: no intent event for the plan itself', () => {
    expect(cameo('The Ruritania summit was planned to begin on Monday.', [ruritania]).filter((e) => e.endsWith(':030'))).toEqual([]);
  });
});
