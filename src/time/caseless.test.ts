import { describe, expect, it } from 'vitest';
import { casual } from 'chrono-node';
import { caseless, caselessSource } from './caseless.js';

describe('caselessSource', () => {
  it('spells every letter outside classes and escapes as a two-case class', () => {
    expect(caselessSource('ago\\s{0,5}(?:later|out)(?=\\W|$)')).toBe(
      '[aA][gG][oO]\\s{0,5}(?:[lL][aA][tT][eE][rR]|[oO][uU][tT])(?=\\W|$)',
    );
    expect(caselessSource('[0-9]+\\.[^\\s\\w]')).toBe('[0-9]+\\.[^\\s\\w]');
  });

  it('gives up on patterns it cannot rewrite safely', () => {
    expect(caselessSource('[a-z]+')).toBeNull();
    expect(caselessSource('\\u00e9t\\u00e9')).toBeNull();
    expect(caselessSource('(a)\\1')).toBeNull();
    expect(caselessSource('(?<year>\\d{4})')).toBeNull();
  });
});

describe('caseless', () => {
  it('leaves patterns without the i flag, or with the u flag, as they are', () => {
    const plain = /ago/;
    const unicode = /ago/iu;
    expect(caseless(plain)).toBe(plain);
    expect(caseless(unicode)).toBe(unicode);
  });

  it('matches exactly what chrono\'s own "<duration> ago/later" patterns match', () => {
    const context = { option: {}, refDate: new Date(), reference: null } as never;
    const patterns = casual.parsers
      .filter((p) => /TimeUnit(?:Ago|Later)Format/.test(p.constructor.name))
      .map((p) => p.pattern(context));
    expect(patterns).toHaveLength(2);
    const texts = [
      'The cathedral was built 900 YEARS AGO, officials said.',
      'Two Weeks Before the vote, and a few days later, the talks resumed.',
      'It happened a couple of months earlier; three Days After that, half an hour later.',
      // Non-ASCII letters never match ASCII ones under i without u: the long s and the Kelvin sign.
      'Three \u017feconds later, 5 \u212Aays ago, 2 days ago.',
      'Nothing to see here at all.',
    ];
    const global = (r: RegExp) => new RegExp(r.source, `${r.flags}g`);
    for (const re of patterns) {
      const converted = caseless(re);
      expect(converted.flags).not.toContain('i');
      let matched = 0;
      for (const text of texts) {
        const want = [...text.matchAll(global(re))].map((m) => [m.index, m[0]]);
        expect([...text.matchAll(global(converted))].map((m) => [m.index, m[0]])).toEqual(want);
        matched += want.length;
      }
      expect(matched).toBeGreaterThanOrEqual(3);
    }
  });
});
