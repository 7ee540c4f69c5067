import { describe, expect, it } from 'vitest';
import type { CodedEvent } from '../model/types.js';
import { makeDoc } from '../testing/make-doc.js';
import type { MentionSpec } from './fixtures/hand-mentions.js';
import { withMentions } from './fixtures/hand-mentions.js';
import { codeEvents, loadCodeTable, loadLexicon } from './index.js';

const codes = loadCodeTable();
const knowledge = { lexicon: loadLexicon([], codes), codes };

function code(text: string, specs: MentionSpec[]): CodedEvent[] {
  return codeEvents(withMentions(makeDoc(text, { published: '2022-01-20' }), specs), knowledge).events;
}

const who = (a: CodedEvent['source'] | null): string => (a ? a.country ?? a.name : '-');
const pairs = (events: CodedEvent[]): string[] => events.map((e) => `${who(e.source)}>${who(e.target)}:${e.cameo}`);

const KEN = { text: 'Kenya', country: 'KEN' };
const UGA = { text: 'Uganda', country: 'UGA' };

describe('codeEvents: reported obligations are demands', () => {
  it('codes "X said that Y must release prisoners" as X demanding release of Y (1053)', () => {
    const events = code('Kenya said on Monday that Uganda must release the prisoners.', [KEN, UGA]);
    expect(pairs(events)).toEqual(['KEN>UGA:1053']);
    expect(events[0].modality).toBe('asserted');
    expect(events[0].explain?.notes.join(' ')).toContain('must');
  });

  it('codes "demanded that Y renounce violence" with the that-clause subject as target (1056)', () => {
    expect(pairs(code('Kenya demanded that Uganda renounce violence.', [KEN, UGA]))).toEqual(['KEN>UGA:1056']);
  });

  it('follows a frame word inside a frame: "refused to commit to any assistance" (122)', () => {
    expect(pairs(code('Kenya refused to commit to any assistance to Uganda.', [KEN, UGA])).map((p) => p.slice(-3))).toContain('122');
  });
});

describe('codeEvents: promises and threats', () => {
  it('codes a promised act of aid as an intent (0333), asserted', () => {
    const events = code('Kenya will send food to Uganda.', [KEN, UGA]);
    expect(pairs(events)).toEqual(['KEN>UGA:0333']);
    expect(events[0].modality).toBe('asserted');
  });

  it('codes a promised curfew as a threat (1323)', () => {
    expect(pairs(code('Kenya will impose a curfew on Uganda.', [KEN, UGA]))).toEqual(['KEN>UGA:1323']);
  });

  it('codes "will not meet X\'s demands" as a refusal to yield (124)', () => {
    expect(pairs(code('Kenya will not meet Uganda’s demands.', [KEN, UGA]))).toEqual(['KEN>UGA:124']);
  });
});

describe('codeEvents: aims, sectors and domestic events', () => {
  it('refines a protest by its aim and accepts a sector-only group as source ("protesters")', () => {
    const events = code('Protesters staged a hunger strike to demand the resignation of the president.', [
      { text: 'Protesters', country: null, sector: 'OPP', type: 'GROUP' },
    ]);
    expect(events.map((e) => e.cameo)).toEqual(['1421']);
    expect(events[0].source).toMatchObject({ country: null, sector: 'OPP' });
  });

  it('codes a riot by citizens against their own government as a domestic event', () => {
    const events = code('Egyptian demonstrators rioted against the Egyptian government.', [
      { text: 'Egyptian demonstrators', country: 'EGY', sector: 'OPP', type: 'GROUP' }, { text: 'Egyptian government', country: 'EGY' },
    ]);
    expect(pairs(events)).toEqual(['EGY>EGY:145']);
  });

  it('reads a passive accusation with its charge: "was accused of corruption by"', () => {
    const events = code('Smith was accused of corruption by Kenya.', [{ text: 'Smith', country: 'UGA' }, KEN]);
    expect(pairs(events)).toEqual(['KEN>UGA:1121']);
  });

  it('finds the actor of an event noun after "engaged in"', () => {
    expect(pairs(code('Kenya engaged in ethnic cleansing against Uganda.', [KEN, UGA]))).toEqual(['KEN>UGA:203']);
  });
});
