import { describe, expect, it } from 'vitest';
import { analyzeArticle, loadKnowledge } from './analyze.js';
import { fromText } from '../ingest/text.js';
import { fromHtml } from '../ingest/html.js';

const knowledge = loadKnowledge();
const body = 'Friday, January 4, 2019\n\nThe foreign ministers of Norway and Sweden met in Oslo on Thursday and agreed to meet again next month.';

describe('analyzeArticle: the publication date', () => {
  it('takes the dateline when nothing else gives a date, and dates the text from it', () => {
    const doc = analyzeArticle(fromText(body, { source: 't' }), knowledge);
    expect(doc.article).toMatchObject({ published: '2019-01-04', publishedFrom: 'dateline' });
    expect(doc.times.find((t) => t.text === 'on Thursday')?.value).toBe('2019-01-03');
    expect(doc.times[0]).toMatchObject({ via: 'dateline', value: '2019-01-04', sentence: -1 });
  });

  it('keeps --published over the dateline', () => {
    const doc = analyzeArticle(fromText(body, { source: 't', published: '2019-01-05', publishedFrom: 'option' }), knowledge);
    expect(doc.article).toMatchObject({ published: '2019-01-05', publishedFrom: 'option' });
  });

  it('prefers the article\'s dateline to a page\'s meta date', () => {
    const paragraphs = body.split('\n\n').map((p) => `<p>${p}</p>`).join('');
    const html = `<html><head><meta property="article:published_time" content="2019-02-01T00:00:00Z"></head><body><article>${paragraphs}${'<p>The talks went on for hours and ended with a joint statement on trade.</p>'.repeat(3)}</article></body></html>`;
    const doc = analyzeArticle(fromHtml(html, { source: 'page.html' }), knowledge);
    expect(doc.article).toMatchObject({ published: '2019-01-04', publishedFrom: 'dateline' });
  });
});
