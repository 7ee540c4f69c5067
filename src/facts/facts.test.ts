import { describe, expect, it } from 'vitest';
import { makeDoc } from '../testing/make-doc.js';
import { findMentions, loadKnowledgeBase } from '../actors/index.js';
import { resolveTimes } from '../time/index.js';
import { checkFacts } from './index.js';

const kb = loadKnowledgeBase();
const flagsOf = (text: string, published: string) => checkFacts(resolveTimes(findMentions(makeDoc(text, { published }), kb)), kb).flags;

describe('checkFacts: titles', () => {
  it('flags a title whose office someone else held on the day, naming who did', () => {
    const flags = flagsOf('British Foreign Secretary James Cleverly met officials in Rome.', '2022-01-20');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'role', text: 'British Foreign Secretary James Cleverly' });
    expect(flags[0].expected).toMatch(/Liz Truss/);
  });

  it('accepts the same title on a day he held it', () => {
    expect(flagsOf('British Foreign Secretary James Cleverly met officials in Rome.', '2023-03-01')).toEqual([]);
  });

  it('reads a possessive state before the title as whose office it is', () => {
    // "Foreign Secretary" alone would be the British office; "Mexico's" makes it Mexico's.
    expect(flagsOf("Mexico's Foreign Secretary Marcelo Ebrard met officials in Rome.", '2019-08-08')).toEqual([]);
    const wrong = flagsOf("Britain's Foreign Secretary James Cleverly met officials in Rome.", '2022-01-20');
    expect(wrong.map((f) => f.text)).toEqual(["Britain's Foreign Secretary James Cleverly"]);
  });

  it('never flags a former or historical title', () => {
    expect(flagsOf('Former British Foreign Secretary Boris Johnson met officials in Rome.', '2022-01-20')).toEqual([]);
    expect(flagsOf('In 2017, Foreign Secretary Boris Johnson met officials in Rome.', '2022-01-20')).toEqual([]);
  });
});

describe('checkFacts: memberships', () => {
  it('flags a wrong accession year with the right date', () => {
    const flags = flagsOf('Estonia and Latvia, which joined NATO in 2014, asked for more troops.', '2022-01-20');
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'fact', expected: '2004' });
    expect(flags[0].message).toMatch(/2004-03-29/);
  });

  it('says nothing of a right year, or of a state it has no membership for', () => {
    expect(flagsOf('Estonia joined NATO in 2004.', '2022-01-20')).toEqual([]);
    expect(flagsOf('Norway joined the European Union in 1995.', '2022-01-20')).toEqual([]);
  });
});

describe('checkFacts: names', () => {
  it('flags a garbled name it resolved, with the right spelling', () => {
    const flags = flagsOf('The talks were opened by Emanuel Macronn at noon.', '2022-01-20');
    expect(flags.map((f) => [f.kind, f.expected])).toEqual([['name', 'Emmanuel Macron']]);
  });

  it('does not flag a correct name or a surname alone', () => {
    expect(flagsOf('French President Emmanuel Macron said the talks would go on. Macron left.', '2022-01-20')).toEqual([]);
  });
});
