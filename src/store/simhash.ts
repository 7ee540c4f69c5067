// SimHash over word shingles: near-duplicate texts (the same story from several outlets) hash within a few bits.

/** A 64-bit SimHash as 16 hex digits, and its four 16-bit bands (indexed for candidate lookup). */
export interface SimHash {
  hex: string;
  bands: [number, number, number, number];
}

/** Texts whose hashes differ in at most this many bits are near-duplicates. */
export const NEAR_DUPLICATE_BITS = 3;

const WORD = /[\p{L}\p{N}]+/gu;
const SHINGLE = 3;

function fnv1a(s: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The murmur3 finaliser: spreads every input bit over the whole word. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const rotl = (x: number, r: number): number => ((x << r) | (x >>> (32 - r))) >>> 0;

function addBits(counts: Int32Array, offset: number, h: number): void {
  for (let b = 0; b < 32; b++) counts[offset + b] += (h >>> b) & 1 ? 1 : -1;
}

/** The SimHash of a text over its lower-cased 3-word shingles; null when it has no words. */
export function simhash(text: string): SimHash | null {
  const words = text.toLowerCase().match(WORD);
  if (!words) return null;
  const n = words.length;
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    lo[i] = fnv1a(words[i], 0x811c9dc5);
    hi[i] = fnv1a(words[i], 0x2545f491);
  }
  const k = Math.min(SHINGLE, n);
  const counts = new Int32Array(64);
  for (let i = 0; i + k <= n; i++) {
    let a = 0;
    let b = 0;
    for (let j = 0; j < k; j++) {
      a ^= rotl(lo[i + j], 11 * j + 1);
      b ^= rotl(hi[i + j], 11 * j + 1);
    }
    addBits(counts, 0, mix(a));
    addBits(counts, 32, mix(b));
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (counts[bit] > 0) low |= 1 << bit;
    if (counts[32 + bit] > 0) high |= 1 << bit;
  }
  low >>>= 0;
  high >>>= 0;
  const hex = high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
  return { hex, bands: [high >>> 16, high & 0xffff, low >>> 16, low & 0xffff] };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** The number of bits in which two hashes (16 hex digits each) differ. */
export function hammingDistance(a: string, b: string): number {
  return popcount((parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0) + popcount((parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16)) >>> 0);
}

/** The closest stored candidate within {@link NEAR_DUPLICATE_BITS}, or null; ties go to the earliest stored. */
export function nearestDuplicate<T extends { simhash: string; key: number }>(hash: string, candidates: T[]): T | null {
  let best: T | null = null;
  let bestDistance = NEAR_DUPLICATE_BITS + 1;
  for (const c of candidates) {
    const d = hammingDistance(hash, c.simhash);
    if (d < bestDistance || (d === bestDistance && best && c.key < best.key)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** The outlet an article came from, for NumSources: its URL's host, else its source. */
export function outletOf(url: string | null, source: string): string {
  if (url) {
    try {
      return new URL(url).host.replace(/^www\./, '');
    } catch {
      return url;
    }
  }
  return source;
}
