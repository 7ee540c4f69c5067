import { describe, it, expect } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { loadKnowledgeBase } from './kb.js';
import { findMentions } from './find-mentions.js';
import { initialsFit } from './acronyms.js';
import type { Mention } from '../model/types.js';

const kb = loadKnowledgeBase();

function mentionsOf(text: string): Mention[] {
  return findMentions(makeDoc(text, { published: '2016-03-01' }), kb).mentions;
}

describe('initialsFit', () => {
  it('matches initials in order, skipping small words', () => {
    expect(initialsFit('UNO', 'University of Northern Ohio')).toBe(true);
    expect(initialsFit('CAAF', 'Council on American-Arab Friendship')).toBe(true);
    expect(initialsFit('UC', 'University Collection of Art')).toBe(false);
    expect(initialsFit('AP', 'pictured')).toBe(false);
  });
});

describe('acronyms in an article', () => {
  it('resolves an acronym defined in brackets to the name before it', () => {
    const ms = mentionsOf('She joined the University of Northern Ohio (UNO) in 2010. UNO officials praised her.');
    const uses = ms.filter((m) => m.text === 'UNO');
    expect(uses.length).toBeGreaterThanOrEqual(2);
    for (const m of uses) expect(m).toMatchObject({ name: 'University of Northern Ohio', country: 'USA' });
  });

  it('resolves an acronym used before the full name when its letters fit exactly one name', () => {
    const ms = mentionsOf('UNO Art Collections received prints. The gift went to the University of Northern Ohio. UNO thanked the donors.');
    const uses = ms.filter((m) => m.text === 'UNO');
    expect(uses).toHaveLength(2);
    for (const m of uses) expect(m.name).toBe('University of Northern Ohio');
  });

  it('leaves an acronym alone when no name of the article fits it', () => {
    const ms = mentionsOf('XQZ said the University of Northern Ohio was wrong. XQZ repeated it.');
    expect(ms.filter((m) => m.text === 'XQZ').every((m) => m.name === 'XQZ')).toBe(true);
  });
});
