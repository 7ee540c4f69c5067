import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { loadQuoteLexicon, makeQuoteLexicon } from './lexicon.js';

function dirWith(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'quotes-lexicon-'));
  writeFileSync(join(dir, name), content);
  return dir;
}

describe('loadQuoteLexicon', () => {
  it('loads the built-in speech, report and title lists', () => {
    const lex = loadQuoteLexicon();
    expect(lex.speech.has('say')).toBe(true);
    expect(lex.report.has('report')).toBe(true);
    expect(lex.saying.has('saying')).toBe(true);
    expect(lex.titles.has('minister')).toBe(true);
  });

  it('adds the words of a user file to the built-in lists', () => {
    const lex = loadQuoteLexicon([dirWith('extra.json', '{"speech": ["grumble"]}')]);
    expect(lex.speech.has('grumble')).toBe(true);
    expect(lex.speech.has('say')).toBe(true);
  });

  it('names the file and the entry of a malformed word', () => {
    const dir = dirWith('bad.json', '{"speech": ["say", 7]}');
    expect(() => loadQuoteLexicon([dir])).toThrow(ConfigError);
    expect(() => loadQuoteLexicon([dir])).toThrow(/bad\.json: speech\[1\]/);
  });

  it('names the file of an unknown list and of invalid JSON', () => {
    expect(() => loadQuoteLexicon([dirWith('odd.json', '{"verbs": []}')])).toThrow(/odd\.json: unknown list "verbs"/);
    expect(() => loadQuoteLexicon([dirWith('broken.json', '{"speech": [')])).toThrow(/broken\.json: not valid JSON/);
  });

  it('refuses capitalised or multi-word entries', () => {
    expect(() => makeQuoteLexicon({ titles: ['Minister'] })).toThrow(/titles\[0\]/);
    expect(() => makeQuoteLexicon({ titles: ['prime minister'] })).toThrow(/titles\[0\]/);
  });
});
