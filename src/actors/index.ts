// The actors stage: knowledge base, mention finding and the lookups other stages use.
export { loadKnowledgeBase, defaultDataDir } from './kb.js';
export { findMentions } from './find-mentions.js';
export { lookupName, holderOf, holdersByTitle, placeByName, entityById, officesOn, activeOn } from './lookup.js';
export type { NameCandidate } from './lookup.js';
export type { Entity, KnowledgeBase, Office, Membership, RoleTitle, SectorNoun } from './types.js';
