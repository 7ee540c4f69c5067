import { describe, expect, it } from 'vitest';
import { codeWith as code, pairs, who } from './fixtures/code-with.js';

describe('codeEvents: reported speech', () => {
  it('reads a clause after "said" with no "that" as the reported clause, with its own subject', () => {
    const events = code('Minister Ana Lopes said Freedonia is committed to opening up the economy.', [
      { text: 'Ana Lopes', country: 'RUR' }, { text: 'Freedonia', country: 'FRD', type: 'GPE' },
    ]);
    expect(events.map((e) => `${who(e.source)}:${e.root}`)).toEqual(['FRD:03']);
  });

  it('reads the reported clause after "said on Monday" too', () => {
    const events = code('Ana Lopes said on Monday Freedonia will send food to Sylvania.', [
      { text: 'Ana Lopes', country: 'RUR' }, { text: 'Freedonia', country: 'FRD', type: 'GPE' }, { text: 'Sylvania', country: 'SYL', type: 'GPE' },
    ]);
    expect(pairs(events)).toEqual(['FRD>SYL:0333']);
  });

  it('takes the subject of a "that" clause as the target of a demand even when its verb is no event', () => {
    const events = code('Freedonia demanded that Sylvania forsake its missile programme.', [
      { text: 'Freedonia', country: 'FRD', type: 'GPE' }, { text: 'Sylvania', country: 'SYL', type: 'GPE' },
    ]);
    expect(pairs(events)).toEqual(['FRD>SYL:100']);
  });

  it('reads "it" in a person\'s reported clause as the body named before, not the speaker', () => {
    const events = code('Ana Lopes reminded Sylvania that it must release the prisoners.', [
      { text: 'Ana Lopes', country: 'FRD' }, { text: 'Sylvania', country: 'SYL', type: 'GPE' },
    ]);
    expect(pairs(events)).toEqual(['FRD>SYL:1053']);
  });

  it('codes a demand between a rebel group and another party of its own country', () => {
    const events = code('Freedonian rebels announced that the Freedonian Union must release the prisoners.', [
      { text: 'Freedonian rebels', country: 'FRD', sector: 'REB', type: 'GROUP' }, { text: 'Freedonian Union', country: 'FRD', type: 'ORG' },
    ], (m) => (m.type === 'ORG' ? { ...m, sector: null, actor: null, via: 'unresolved' } : m));
    expect(pairs(events)).toEqual(['FRD>FRD:1053']);
  });
});
