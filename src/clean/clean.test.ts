import { describe, expect, it } from 'vitest';
import { cleanArticle } from './clean.js';
import { loadCleanRules } from './rules.js';
import { parseDateline } from './dateline.js';
import { fromText } from '../ingest/text.js';

const rules = loadCleanRules();
const clean = (body: string) => cleanArticle(fromText(body, { source: 'test' }), rules);

describe('cleanArticle', () => {
  it('drops a trailing comment form and reports every line of it', () => {
    const { doc } = clean('Talks resume\n\nThe ministers met in Oslo on Monday.\n\nThey agreed to meet again.\n\nThe talks will continue.\n\nLeave a Reply\n\nYour email address will not be published.\n\nName *');
    expect(doc.text).not.toContain('Leave a Reply');
    expect(doc.text).not.toContain('email address');
    expect(doc.removed.map((r) => r.text)).toEqual(['Leave a Reply', 'Your email address will not be published.', 'Name *']);
    expect(doc.removed[0].reason).toBe('comment-form');
  });

  it('keeps a body sentence that merely talks about comments', () => {
    const { doc } = clean('Summit\n\nThe minister declined to leave a reply to the letter, officials said.\n\nMore talks are planned.');
    expect(doc.text).toContain('declined to leave a reply');
    expect(doc.removed).toEqual([]);
  });

  it('removes share prompts, cookie notices and related-post headers', () => {
    const { doc } = clean('Share this:\n\nThe army withdrew from the town on Friday.\n\nWe use cookies to improve your experience.\n\nRelated posts\n\nOfficials confirmed the withdrawal.');
    expect(doc.removed.map((r) => r.reason)).toEqual(['share', 'cookie', 'related']);
    expect(doc.text).toBe('The army withdrew from the town on Friday.\n\nOfficials confirmed the withdrawal.');
  });

  it('marks short subheadings as headings and keeps them out of the body', () => {
    const { doc } = clean('A headline about talks\n\nThe first paragraph ends here.\n\nnew proposals\n\nThe second paragraph ends here.');
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(['body', 'body', 'heading', 'body']);
    const heading = doc.paragraphs[2];
    expect(doc.text.slice(heading.start, heading.end)).toBe('new proposals');
  });

  it('counts words across any white space when a rule limits the length of a line', () => {
    // The navigation rule for "Tags:" lines allows at most 20 words; tabs, thin and ideographic
    // spaces and runs of spaces separate words like a single space does.
    const words = (n: number) => Array.from({ length: n - 1 }, (_, i) => `w${i}`);
    const separators = ['\t', '\u2009', '  ', '\u3000', ' '];
    const line = (n: number) => words(n).reduce((acc, w, i) => `${acc}${separators[i % separators.length]}${w}`, 'Tags:');
    const body = 'Ministers met in Oslo on Monday.\n\nThey agreed to meet again.';
    expect(clean(`${body}\n\n${line(20)}`).doc.removed.map((r) => r.reason)).toEqual(['navigation']);
    expect(clean(`${body}\n\n${line(21)}`).doc.removed).toEqual([]);
  });

  it('recognises a dateline and reports its date', () => {
    const res = clean('Friday, January 4, 2019 \n\n\nAn apartment building collapsed on Monday.');
    expect(res.dateline).toBe('2019-01-04');
    expect(res.doc.paragraphs[0].kind).toBe('heading');
  });
});

describe('parseDateline', () => {
  it('reads weekday-month-day-year, day-month-year and ISO forms', () => {
    expect(parseDateline('Friday, January 4, 2019')).toBe('2019-01-04');
    expect(parseDateline('4 January 2019')).toBe('2019-01-04');
    expect(parseDateline('2019-01-04')).toBe('2019-01-04');
  });
  it('refuses sentences and impossible dates', () => {
    expect(parseDateline('On January 4, 2019 the talks began.')).toBeNull();
    expect(parseDateline('February 30, 2019')).toBeNull();
  });
});

describe('loadCleanRules', () => {
  it('loads the built-in rules', () => {
    expect(rules.rules.length).toBeGreaterThan(5);
  });
});
