// The lower-cased lemma of a token, read many times per sentence: `toLowerCase` allocates a new
// string on every call even when nothing changes, so an already lower-case lemma is returned as is.
import type { Token } from '../model/types.js';

/** True when `s` has no character that lower-casing could change (ASCII with no capital). */
function isLowerAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return false;
  }
  return true;
}

/** The token's lemma, lower-cased. */
export function lemmaOf(t: Token): string {
  const lemma = t.lemma;
  // A lemma equal to the lower-cased form is lower case already (lower-casing twice changes nothing).
  return lemma === t.lower || isLowerAscii(lemma) ? lemma : lemma.toLowerCase();
}
