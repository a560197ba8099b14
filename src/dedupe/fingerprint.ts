// Content fingerprints: an exact one for identical bodies, MinHash signatures for near-copies.
import { createHash } from 'node:crypto';

/** Words per shingle: long enough that unrelated articles share few, short enough to survive edits. */
export const SHINGLE_WORDS = 5;
/** MinHash signature length; more hashes give a tighter Jaccard estimate at linear cost. */
export const MINHASH_SIZE = 64;
/** LSH bands × rows = MINHASH_SIZE. With 16×4, pairs at Jaccard 0.5 collide in some band with p ≈ 0.65, at 0.7 with p ≈ 0.98. */
export const LSH_BANDS = 16;
const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;

/** Lowercased word stream used by every fingerprint; punctuation and quote style do not matter. */
export function normalizedWords(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function exactFingerprint(words: string[]): string {
  return createHash('sha256').update(words.join(' ')).digest('hex');
}

/** 32-bit FNV-1a: fast, dependency-free, good enough spread for shingle hashing. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Distinct shingle hashes, sorted: a typed array costs a tenth of a Set's memory and merges in linear time. */
export function shingleHashes(words: string[]): Uint32Array {
  const hashes: number[] = [];
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) hashes.push(fnv1a(words.join(' ')));
  } else {
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) hashes.push(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  const sorted = Uint32Array.from(hashes).sort();
  let size = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[size++] = sorted[i]!;
  return sorted.slice(0, size);
}

// Fixed odd multipliers and offsets make the permutation family deterministic across runs.
const SEEDS_A = Array.from({ length: MINHASH_SIZE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const SEEDS_B = Array.from({ length: MINHASH_SIZE }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

export function minhash(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const value = (Math.imul(shingle, SEEDS_A[i]!) + SEEDS_B[i]!) >>> 0;
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** One key per LSH band: documents sharing any key are candidate near-copies. */
export function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    const rows = signature.subarray(band * LSH_ROWS, (band + 1) * LSH_ROWS);
    keys.push(`${band}:${Array.from(rows).join(',')}`);
  }
  return keys;
}

/** Shingles two sorted, distinct arrays share. */
function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = sharedCount(a, b);
  return shared / (a.length + b.length - shared);
}

/** Share of the smaller set found in the larger: 1 when one text contains the other (an added paragraph). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : sharedCount(a, b) / smaller;
}
