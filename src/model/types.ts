// The data every stage reads and writes. Types only: no behaviour lives here.
// Offsets are UTF-16 code-unit offsets into `Doc.text`, end-exclusive.

/** A half-open range of the cleaned text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What we know of an article before analysis. */
export interface Article {
  id: string;
  title: string | null;
  /** YYYY-MM-DD, or null when no date could be found (times then stay relative). */
  published: string | null;
  /** Where the publication date came from: option, jsonl, dateline, meta, or none. */
  publishedFrom: 'option' | 'jsonl' | 'dateline' | 'meta' | 'none';
  /** The file path, URL or "stdin" the article came from. */
  source: string;
  url: string | null;
  lang: string;
}

/** One input as the ingest stage hands it over: raw text, not yet cleaned. */
export interface RawArticle {
  article: Article;
  /** Plain text (HTML already reduced to text by the ingest stage). */
  body: string;
}

/** Something the clean stage took out of the text. */
export interface Removed {
  text: string;
  reason: 'boilerplate' | 'comment-form' | 'share' | 'cookie' | 'related' | 'navigation' | 'title';
}

/** A paragraph of the cleaned text; headings stay in the text but never become sentences. */
export interface Paragraph extends Span {
  kind: 'body' | 'heading';
}

/** A token with its place in the text and what wink-nlp says of it. */
export interface Token extends Span {
  text: string;
  /** Universal POS tag (NOUN, VERB, PROPN, ADP, ...). */
  pos: string;
  lemma: string;
  /** Lower-cased surface form. */
  lower: string;
  /** wink-nlp's negation flag: the token lies in the scope of a negation. */
  negated: boolean;
  /** Index of the sentence holding the token. */
  sentence: number;
}

/** A sentence and the range of its tokens in `Doc.tokens`. */
export interface Sentence extends Span {
  tokenStart: number;
  /** Exclusive. */
  tokenEnd: number;
}

export type MentionType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'GROUP';

/** How a mention was resolved to an entity. */
export type Via = 'exact' | 'alias' | 'fuzzy' | 'role' | 'coref' | 'demonym' | 'metonym' | 'generic' | 'unresolved';

/** A mention of an actor or place in the text and what it resolves to. */
export interface Mention extends Span {
  text: string;
  type: MentionType;
  /** Knowledge-base id, or null when unresolved. */
  actor: string | null;
  /** Canonical name, or the fullest form in the article when unresolved. */
  name: string;
  /** ISO alpha-3, body acronym or CAMEO region code of what the actor acts for. */
  country: string | null;
  sector: string | null;
  /** The office held on the article's or event's date, where known. */
  role: string | null;
  via: Via;
  confidence: number;
  /** Index of the sentence holding the mention. */
  sentence: number;
  /** For a bloc ("the Baltic states"), the member codes it stands for. */
  members?: string[];
  /** True when the mention names a place used as a location ("in Berlin"), not an actor. */
  isLocation?: boolean;
  /** Entity ids considered when the name stayed ambiguous. */
  candidates?: string[];
  /** Grammatical gender known for a person: used by pronoun resolution. */
  gender?: 'm' | 'f';
  /** Latitude and longitude when the mention is a known place. */
  lat?: number;
  lon?: number;
  /** For a mention resolved by misspelling: the spelling in the text differs from every known name. */
  misspelled?: boolean;
  /**
   * True when the mention names a place below the state it belongs to (a province, region or city of
   * `country`, including a capital used as a place), so that an event between that state and the
   * place is an event between two parties ("Russia's government" and "Chechnya").
   */
  subnational?: boolean;
}

/** A temporal expression resolved against the publication date. */
export interface TimeExpr extends Span {
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when it could not be resolved. */
  value: string | null;
  precision: 'day' | 'week' | 'month' | 'year';
  sentence: number;
  /** How the value was found: chrono, anchor, weekday, year, publication. */
  via: string;
}

/** An actor as it appears on an event. */
export interface EventActor {
  actor: string | null;
  name: string;
  country: string | null;
  sector: string | null;
}

export type Modality = 'asserted' | 'future' | 'conditional' | 'negated';

/** Where an event took place. */
export interface EventLocation {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/** Who reported a claim, and through whom. */
export interface AttributionRef {
  name: string;
  via: string | null;
}

/** Why an event was coded as it was: shown by `analyze --explain`. */
export interface EventExplanation {
  pattern: string;
  trigger: string;
  sourceRole: string;
  targetRole: string;
  dateFrom: string;
  notes: string[];
}

/** A coded event. */
export interface CodedEvent extends Span {
  sentence: number;
  source: EventActor;
  target: EventActor | null;
  cameo: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  plover: string;
  date: string | null;
  datePrecision: 'day' | 'week' | 'month' | 'year' | null;
  location: EventLocation | null;
  modality: Modality;
  attribution: AttributionRef | null;
  evidence: string;
  /** Every place the article reports this event (the first is `start`-`end`). */
  spans?: Span[];
  confidence: number;
  explain?: EventExplanation;
}

/** A quotation and who said it. */
export interface Quote extends Span {
  text: string;
  speaker: string | null;
  actor: string | null;
  kind: 'direct' | 'indirect';
}

/** A claim the article attributes to someone. */
export interface Attribution extends Span {
  text: string;
  name: string;
  actor: string | null;
  via: string | null;
}

/** A statement the knowledge base contradicts. */
export interface Flag extends Span {
  kind: 'fact' | 'role' | 'name';
  text: string;
  message: string;
  expected: string;
}

/** The document every stage reads and extends. */
export interface Doc {
  article: Article;
  text: string;
  removed: Removed[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  times: TimeExpr[];
  events: CodedEvent[];
  quotes: Quote[];
  attributions: Attribution[];
  flags: Flag[];
}

/** The analysis record of ../shared/spec/analysis.md: what `analyze` prints and the store keeps. */
export interface AnalysisRecord {
  article: Article & { timesRelative: boolean };
  text: string;
  removed: Removed[];
  sentences: Span[];
  mentions: Mention[];
  times: TimeExpr[];
  events: CodedEvent[];
  quotes: Quote[];
  attributions: Attribution[];
  flags: Flag[];
}
