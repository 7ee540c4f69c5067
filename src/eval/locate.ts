// Finding where a gold annotation's text lies in the cleaned text.
import type { Span } from '../model/types.js';

/** Every place `needle` occurs in `text`; "..." in the needle stands for any gap. */
export function locateAll(text: string, needle: string): Span[] {
  const parts = needle.split(/\s*(?:\.\.\.|…)\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return [];
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(parts[0], from);
    if (start < 0) break;
    let end = start + parts[0].length;
    let ok = true;
    for (const part of parts.slice(1)) {
      const at = text.indexOf(part, end);
      if (at < 0) {
        ok = false;
        break;
      }
      end = at + part.length;
    }
    if (ok) spans.push({ start, end });
    from = start + 1;
  }
  return spans;
}

/** The occurrence of `needle` nearest to `hint` (a character offset in the source file), or every occurrence without a hint. */
export function locate(text: string, needle: string, hint?: number): Span[] {
  const all = locateAll(text, needle);
  if (hint === undefined || all.length <= 1) return all;
  let best = all[0];
  for (const s of all) if (Math.abs(s.start - hint) < Math.abs(best.start - hint)) best = s;
  return [best];
}

/** True when two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Widens a span to the sentences it touches. */
export function toSentences(span: Span, sentences: readonly Span[]): Span {
  let start = span.start;
  let end = span.end;
  for (const s of sentences) {
    if (overlaps(s, span)) {
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
  }
  return { start, end };
}
