// Finds the spans between quotation marks, paragraph by paragraph. A quotation left open at the
// end of a paragraph runs to the paragraph's end and continues in the next one (news convention).
import type { Paragraph } from '../model/types.js';

/** The inside of one pair of quotation marks. */
export interface QuoteSpan {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset just past the closing mark, or the paragraph end when the quote stays open. */
  readonly close: number;
  /** The quoted text, marks and edge spaces and a trailing comma left out. */
  readonly start: number;
  readonly end: number;
  /** Index into the paragraphs list. */
  readonly paragraph: number;
  /** True when no closing mark was found in the paragraph. */
  readonly unclosed: boolean;
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);
const STRAIGHT = '"';
// Shared and stateful (lastIndex), which is safe: scans run synchronously and reset it first.
const MARK = /["“”«»„]/g;

/** Returns the quotation spans of the body paragraphs (the whole text when there are none). */
export function findQuoteSpans(text: string, paragraphs: readonly Paragraph[]): QuoteSpan[] {
  const paras = paragraphs.length > 0 ? paragraphs : [{ start: 0, end: text.length, kind: 'body' as const }];
  const out: QuoteSpan[] = [];
  let carried = false;
  paras.forEach((p, index) => {
    if (p.kind === 'body') carried = scanParagraph(text, p.start, p.end, index, carried && startsInside(text, p.start, p.end), out);
  });
  return out;
}

// After a paragraph left a quotation open, the next one may go on without an opening mark and
// close it ("…game.\n\nIt was a very emotional day.”): its first mark is then a closing one.
function startsInside(text: string, from: number, to: number): boolean {
  const head = text.slice(from, to).trimStart();
  if (OPENERS.has(head[0]) || head[0] === STRAIGHT) return false;
  let straight = 0;
  for (const c of head) {
    if (CLOSERS.has(c)) return straight === 0;
    if (OPENERS.has(c)) return false;
    if (c === STRAIGHT) straight++;
  }
  return straight % 2 === 1;
}

// Returns true when the paragraph ends inside an open quotation.
function scanParagraph(text: string, from: number, to: number, paragraph: number, inside: boolean, out: QuoteSpan[]): boolean {
  let open = inside ? from - 1 : -1;
  MARK.lastIndex = from;
  for (let hit = MARK.exec(text); hit && hit.index < to; hit = MARK.exec(text)) {
    const i = hit.index;
    const c = hit[0];
    const opens = OPENERS.has(c) || (c === STRAIGHT && open < 0);
    const closes = CLOSERS.has(c) || (c === STRAIGHT && open >= 0);
    if (closes && open >= 0) {
      pushSpan(text, open, i, i + 1, paragraph, false, out);
      open = -1;
    } else if (opens) {
      if (open >= 0) pushSpan(text, open, i, i, paragraph, true, out);
      open = i;
    }
  }
  if (open >= 0) pushSpan(text, open, to, to, paragraph, true, out);
  return open >= 0;
}

function pushSpan(text: string, open: number, innerEnd: number, close: number, paragraph: number, unclosed: boolean, out: QuoteSpan[]): void {
  let start = open + 1;
  let end = innerEnd;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s,]/.test(text[end - 1])) end--;
  if (end > start) out.push({ open, close, start, end, paragraph, unclosed });
}
