// The facts stage: claims in the article checked against the knowledge base. A flag is raised only
// where the knowledge base is sure; a false alarm costs more trust than a miss.
import type { Doc } from '../model/types.js';
import type { KnowledgeBase } from '../actors/index.js';
import { flagNames } from './names.js';
import { flagMemberships } from './memberships.js';
import { flagRoles } from './roles.js';

/** Checks the article's names, titles and membership claims and fills `doc.flags`. */
export function checkFacts(doc: Doc, kb: KnowledgeBase): Doc {
  const flags = [...flagMemberships(doc, kb), ...flagRoles(doc, kb), ...flagNames(doc)].sort((a, b) => a.start - b.start);
  return { ...doc, flags };
}
