// The analysis record of ../shared/spec/analysis.md, built from a Doc.
import type { AnalysisRecord, Doc } from '../model/types.js';

/** Options for {@link toRecord}. */
export interface RecordOptions {
  /** Keep each event's explanation (`analyze --explain`). */
  explain?: boolean;
}

/** The JSON-ready analysis record of one article. */
export function toRecord(doc: Doc, options: RecordOptions = {}): AnalysisRecord {
  return {
    article: {
      id: doc.article.id,
      title: doc.article.title,
      published: doc.article.published,
      publishedFrom: doc.article.publishedFrom,
      timesRelative: doc.article.published === null,
      source: doc.article.source,
      url: doc.article.url,
      lang: doc.article.lang,
    },
    text: doc.text,
    removed: doc.removed,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    mentions: doc.mentions,
    times: doc.times,
    events: options.explain ? doc.events : doc.events.map(({ explain: _explain, ...rest }) => rest),
    quotes: doc.quotes,
    attributions: doc.attributions,
    flags: doc.flags,
  };
}
