// The clean stage: drops boilerplate lines, reports them, and marks headings and datelines
// so that they stay in the text but never become sentences.
import type { Article, Doc, Paragraph, RawArticle, Removed, Span } from '../model/types.js';
import type { CleanRule, CleanRules } from './rules.js';
import { parseDateline } from './dateline.js';

/** What cleaning found besides the text: a dateline's date, when the article opens with one. */
export interface CleanResult {
  doc: Doc;
  dateline: string | null;
  /** Where the dateline lies in the cleaned text. */
  datelineSpan: Span | null;
}

/** The share of an article (from its end) where comment-form rules apply. */
const TAIL_SHARE = 0.4;
const HEADING_MAX_WORDS = 8;

/** Builds the Doc for a raw article: boilerplate removed, paragraphs classified. */
export function cleanArticle(raw: RawArticle, rules: CleanRules): CleanResult {
  // trimEnd() drops exactly what /\s+$/ matches (white space and line terminators).
  const lines = raw.body.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n').map((l) => l.trimEnd());
  const removed: Removed[] = [];
  const kept = filterLines(lines, rules.rules, removed);
  const { text, paragraphs, dateline, datelineSpan } = buildParagraphs(kept);
  return { doc: newDoc(raw.article, text, paragraphs, removed), dateline, datelineSpan };
}

/** A Doc holding the cleaned text and its paragraphs, every later stage's field still empty. */
export function newDoc(article: Article, text: string, paragraphs: Paragraph[], removed: Removed[] = []): Doc {
  return {
    article, text, removed, paragraphs,
    sentences: [], tokens: [], mentions: [], times: [], events: [], quotes: [], attributions: [], flags: [],
  };
}

function filterLines(lines: string[], rules: CleanRule[], removed: Removed[]): string[] {
  const tailStart = Math.floor(countContent(lines) * (1 - TAIL_SHARE));
  let maxWords = 0;
  for (const rule of rules) maxWords = Math.max(maxWords, rule.maxWords);
  const kept: string[] = [];
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) {
      kept.push('');
      continue;
    }
    const rule = matchRule(line, rules, seen >= tailStart, maxWords);
    seen++;
    if (!rule) {
      kept.push(lines[i]);
      continue;
    }
    removed.push({ text: line, reason: rule.reason });
    if (rule.cutRest) {
      for (let j = i + 1; j < lines.length; j++) if (lines[j].trim()) removed.push({ text: lines[j].trim(), reason: rule.reason });
      break;
    }
  }
  return kept;
}

function countContent(lines: string[]): number {
  let n = 0;
  for (const l of lines) if (l.trim()) n++;
  return n;
}

// Most lines are paragraphs longer than any rule allows: their words are counted only up to that.
function matchRule(line: string, rules: CleanRule[], inTail: boolean, maxWords: number): CleanRule | null {
  const words = countWords(line, maxWords);
  if (words > maxWords) return null;
  for (const rule of rules) {
    if (rule.tailOnly && !inTail) continue;
    if (words > rule.maxWords) continue;
    if (rule.re.test(line)) return rule;
  }
  return null;
}

/** The number of words of a trimmed line (as `line.split(/\s+/).length` counts), or `cap + 1` when above `cap`. */
function countWords(line: string, cap: number): number {
  let words = 1;
  let inSpace = false;
  for (let i = 0; i < line.length && words <= cap; i++) {
    const space = isSpace(line.charCodeAt(i));
    if (space && !inSpace) words++;
    inSpace = space;
  }
  return words;
}

/** Exactly the characters /\s/ matches: white space and line terminators. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function buildParagraphs(lines: string[]): { text: string; paragraphs: Paragraph[]; dateline: string | null; datelineSpan: Span | null } {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim()) current.push(line.trim());
    else if (current.length) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length) blocks.push(current);

  let text = '';
  let dateline: string | null = null;
  let datelineSpan: Span | null = null;
  const paragraphs: Paragraph[] = [];
  blocks.forEach((block, i) => {
    const body = block.join('\n');
    if (text) text += '\n\n';
    const start = text.length;
    text += body;
    const date = i <= 1 && !dateline && block.length === 1 ? parseDateline(body) : null;
    if (date) {
      dateline = date;
      datelineSpan = { start, end: text.length };
    }
    const kind = date || isHeading(block, i, blocks.length) ? 'heading' : 'body';
    paragraphs.push({ start, end: text.length, kind });
  });
  return { text, paragraphs, dateline, datelineSpan };
}

/** A section subheading: a short single line inside the article with no closing punctuation. */
function isHeading(block: string[], index: number, count: number): boolean {
  if (index === 0 || index === count - 1 || block.length !== 1) return false;
  const line = block[0];
  if (/[.!?:;,"”’')\]]$/.test(line)) return false;
  return line.split(/\s+/).length <= HEADING_MAX_WORDS;
}
