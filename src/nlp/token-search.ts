// Finding tokens by character offset: binary searches over a Doc's tokens (ordered by start).
import type { Token } from '../model/types.js';

/** Index of the first token at or after index `from` that starts at or after `offset` (tokens.length when none). */
export function firstTokenFrom(tokens: readonly Token[], offset: number, from = 0): number {
  let lo = from;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the token starting exactly at `offset`, or -1. */
export function tokenStartingAt(tokens: readonly Token[], offset: number): number {
  const i = firstTokenFrom(tokens, offset);
  return i < tokens.length && tokens[i].start === offset ? i : -1;
}
