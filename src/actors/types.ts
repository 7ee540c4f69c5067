// Types of the actor knowledge base: entities, offices, role titles and the indexes built at load.
import type { MentionType } from '../model/types.js';
import type { FuzzyBlock } from './fuzzy.js';

/** What kind of thing an entity is; decides how a mention of it is treated. */
export type EntityKind = 'state' | 'place' | 'org' | 'bloc' | 'person';

/** An office a person holds or held: dates are YYYY-MM-DD, end null while in office. */
export interface Office {
  readonly title: string;
  /** Role key: head-of-state, head-of-government, foreign-minister, ... */
  readonly role: string;
  /** State code or body acronym the office acts for. */
  readonly for: string;
  /** Id of the organisation the office belongs to, when it is one (a ministry, an agency, a body). */
  readonly body: string | null;
  readonly sector: string;
  readonly start: string | null;
  readonly end: string | null;
}

/** Membership of a state in a body (NATO, EU, ...). */
export interface Membership {
  readonly body: string;
  readonly start: string | null;
  readonly end: string | null;
}

/** A knowledge-base entity: state, place, organisation, bloc or person. */
export interface Entity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly type: MentionType;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly country: string | null;
  readonly sector: string | null;
  /** State: adjectives and nouns for its people ("German"); bloc: "Western". */
  readonly demonyms: readonly string[];
  readonly members?: readonly string[];
  readonly gender?: 'm' | 'f';
  readonly offices?: readonly Office[];
  readonly lat?: number;
  readonly lon?: number;
  /** Place: true for a capital or seat of power, which stands for its state's government when used as an actor. */
  readonly capital?: boolean;
  /** Place or seat of power: the id of the government entity it stands for. */
  readonly metonymOf?: string;
  /** State: id of its capital place. */
  readonly capitalId?: string;
  readonly memberships?: readonly Membership[];
  /** Person: given name and surname as used by fuzzy matching. */
  readonly given?: string;
  readonly surname?: string;
  /** True when the entity was generated from a template rather than written in a data file. */
  readonly generated?: boolean;
}

/** A role title as it appears in text ("Secretary of State", "Foreign Minister"). */
export interface RoleTitle {
  readonly title: string;
  /** Role key matched against office roles; null for a bare head word ("Secretary", "Director"). */
  readonly role: string | null;
  /** Default state when the title belongs to one state ("Secretary of State" → USA). */
  readonly country: string | null;
  readonly sector: string;
  /** Head word used to match office titles when role is null. */
  readonly head: string;
}

/** A generic noun for a sector of actors ("police" → COP, "troops" → MIL). */
export interface SectorNoun {
  readonly noun: string;
  readonly sector: string;
  /** True when the noun alone ("protesters", "police") is a mention, without a country word. */
  readonly alone?: boolean;
}

/** What an alias in the text index points to. */
export type IndexTarget =
  | { readonly kind: 'entity'; readonly id: string; readonly entity: Entity; readonly demonym: boolean; readonly canonical: boolean; readonly priority: number }
  | { readonly kind: 'title'; readonly title: RoleTitle }
  | { readonly kind: 'sector'; readonly noun: SectorNoun };

/** One normalized alias string and its targets. */
export interface IndexEntry {
  readonly key: string;
  /** The alias as written in the data, for the caps checks. */
  readonly surface: string;
  readonly targets: readonly IndexTarget[];
  /** How the text's case must match the surface, worked out once at load (see scan.ts). */
  readonly caseRule: CaseRule;
  /** The target a hit on this entry resolves to (entities over titles over sector nouns). */
  readonly best: IndexTarget;
}

/**
 * Every alias key, and every beginning of a key that is followed in the key by a non-letter,
 * by hash in an open-addressing table: the scanner hashes the text from a token on, token end by
 * token end, and stops at the first word boundary that no key continues through.
 */
export interface SpanTable {
  /** Table size - 1 (the size is a power of two). */
  readonly mask: number;
  /**
   * Two numbers per slot: the hash of the string it holds (as a signed 32-bit number, never 0; 0
   * marks an empty slot), then 2 × (1 + position in `entries` of the key it holds, or 0 for a
   * beginning only), plus 1 when some key continues past the string.
   */
  readonly slots: Int32Array;
  readonly entries: readonly IndexEntry[];
  /** Length of the longest key. */
  readonly maxLen: number;
  /** A filter of the keys' first words (bit: the hash's low bits; size a power of two): a word whose bit is clear starts no key. */
  readonly firstWordBits: Uint32Array;
}

/** Case check for an alias hit: none, all capitals, capital first, capital after "the ". */
export type CaseRule = 'any' | 'caps' | 'upper' | 'upperAfterThe';

/** The loaded, validated and indexed knowledge base. */
export interface KnowledgeBase {
  readonly entities: ReadonlyMap<string, Entity>;
  readonly titles: readonly RoleTitle[];
  readonly sectorNouns: readonly SectorNoun[];
  /** Team sports: the national-team name pattern ("{state} national football team"), the words that show the sport, and the ids of places that field their own national side (England, Scotland). */
  readonly teamSports: readonly { readonly team: string; readonly words: ReadonlySet<string>; readonly sides: ReadonlySet<string> }[];
  /** Normalized first word → entries starting with it, longest first. */
  readonly index: ReadonlyMap<string, readonly IndexEntry[]>;
  /** All keys and their beginnings by hash, for scanning text without cutting strings out of it. */
  readonly spans: SpanTable;
  /** People holding at least one office, in entity order (for office-holder lookups). */
  readonly officeHolders: readonly Entity[];
  /** Normalized surname → person ids. */
  readonly surnames: ReadonlyMap<string, readonly string[]>;
  /** First letter of the normalized surname → people with their name forms prepared (blocking for fuzzy matching). */
  readonly fuzzyBlocks: ReadonlyMap<string, FuzzyBlock>;
  /** Role key → people holding or having held an office of that role, in `officeHolders` order. */
  readonly holdersByRole: ReadonlyMap<string, readonly Entity[]>;
  /** State code, body code or body id an office is for → people who held one, in `officeHolders` order. */
  readonly holdersByPlace: ReadonlyMap<string, readonly Entity[]>;
  /** Normalized name → place ids. */
  readonly places: ReadonlyMap<string, readonly string[]>;
  /** State or body code → entity id of the state/body itself. */
  readonly byCode: ReadonlyMap<string, string>;
  /** Files read, for reports. */
  readonly files: readonly string[];
  /** True when the base was read back from its compiled cache rather than built from the files. */
  readonly cached?: boolean;
  /**
   * Name forms (normalized) of people whose family name is not written last → their surname key
   * ("xi jinping" → "xi"): `surnameKey` (context.ts) reads it so that coreference keys them on it.
   */
  readonly familyKeys: ReadonlyMap<string, string>;
}
